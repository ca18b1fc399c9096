import { countMeetings } from '../../../db/queries/meetings';
import { readSettings, SECRETARIAT_NAME_KEY, secretariatName, writeSetting } from '../../../db/queries/settings';
import type { Settings } from '../../../shared/domain/settings';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { insertDemoData, storeDemoAnnexes } from '../demo/demo';

type AppHandlers = Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update' | 'demo.load'>;

const KEYS = { userName: 'user_name', welcomeDone: 'welcome_done' } as const;

async function getSettings(ctx: BackendContext): Promise<Settings> {
  const stored = await readSettings(ctx.db);
  return { userName: stored.get(KEYS.userName) ?? '', secretariatName: await secretariatName(ctx.db), welcomeDone: stored.get(KEYS.welcomeDone) === 'true' };
}

export const appHandlers = (ctx: BackendContext): AppHandlers => ({
  'app.info': async () => ({
    appVersion: ctx.appVersion,
    schemaVersion: ctx.schemaVersion,
    databaseFile: ctx.databaseFile,
    isEmpty: (await countMeetings(ctx.db)) === 0,
  }),

  'settings.get': () => getSettings(ctx),

  'settings.update': async (patch) => {
    const now = timestamp(ctx);
    await ctx.write(['settings'], async (trx) => {
      if (patch.userName !== undefined) await writeSetting(trx, KEYS.userName, patch.userName, now);
      if (patch.secretariatName !== undefined) await writeSetting(trx, SECRETARIAT_NAME_KEY, patch.secretariatName, now);
      if (patch.welcomeDone !== undefined) await writeSetting(trx, KEYS.welcomeDone, String(patch.welcomeDone), now);
    });
    return getSettings(ctx);
  },

  'demo.load': async () => {
    // The annex files are stored first: no file work inside the transaction.
    const annexes = await storeDemoAnnexes(ctx.files);
    return ctx.write(['organisations', 'bodies', 'meetings', 'settings', 'scenarios'], async (trx) => {
      const result = await insertDemoData(trx, timestamp(ctx), annexes);
      await writeSetting(trx, KEYS.welcomeDone, 'true', timestamp(ctx));
      return result;
    });
  },
});
