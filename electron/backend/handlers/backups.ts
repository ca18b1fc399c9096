import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'>;

export const backupHandlers = (ctx: BackendContext): BackupHandlers => ({
  'backups.list': () => ctx.backups.list(),
  'backups.create': async () =>
    ctx.jobs.start('backup', 'Tager en sikkerhedskopi', async (job) => ({
      type: 'backup',
      backup: await ctx.backups.create('manual', { signal: job.signal, onProgress: (fraction) => job.progress('Tager en sikkerhedskopi', fraction) }),
    })),
  'backups.restore': async ({ fileName }) =>
    ctx.jobs.start('restore', 'Kontrollerer sikkerhedskopien', async (job) => ({
      type: 'restore',
      restore: await ctx.backups.restore(
        { fileName },
        { signal: job.signal, onProgress: (fraction, step) => job.progress(step ?? 'Gendanner', fraction), onCommit: (step) => job.pointOfNoReturn(step) },
      ),
    })),
});
