import { Readable } from 'node:stream';
import { insertItem, replaceRecommendations } from '../../../db/queries/agenda';
import { insertAttachment, nextAttachmentPosition } from '../../../db/queries/attachments';
import { annexItemsOnMeeting, insertTariffAnnex } from '../../../db/queries/tariff-annexes';
import { takstbilagFileName } from '../../../shared/documents/takstbilag';
import { takstbilagItemText } from '../../../shared/logic/tariff/takstbilag-text';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { exportTakstbilag, printTakstbilag } from '../documents/takstbilag-documents';
import { AppError } from '../errors';
import { throwIfCancelled } from '../jobs';
import { assertEditable, meetingOf, positionBeforeClosingItems, reindexItem } from '../services/agenda';
import { takstbilagOfYear, takstbilagSummary } from '../services/tariff-annex';

type TariffAnnexHandlers = Pick<Handlers, 'tariffAnnex.export' | 'tariffAnnex.putOnAgenda'>;

/** The same year's takstbilag goes on a meeting once (a double click, a second window). */
async function assertNotOnMeeting(ctx: BackendContext, year: number, meetingId: string, db = ctx.db): Promise<void> {
  const [existing] = await annexItemsOnMeeting(db, year, meetingId);
  if (existing) throw new AppError('CONFLICT', `Takstbilaget for ${year} står allerede på dagsordenen til dette møde som punkt ${existing.position}.`);
}

export const tariffAnnexHandlers = (ctx: BackendContext): TariffAnnexHandlers => ({
  'tariffAnnex.export': async ({ year, format }) => {
    const annex = await takstbilagOfYear(ctx.db, year);
    const made = await exportTakstbilag(annex, format, { printer: ctx.printer, store: ctx.exports, now: ctx.now() });
    return { ...made, summary: takstbilagSummary(annex) };
  },

  'tariffAnnex.putOnAgenda': async ({ year, meetingId }) => {
    const meeting = await meetingOf(ctx.db, meetingId);
    if (meeting.body_code !== 'DAS') throw new AppError('INVALID_INPUT', `Takstbilaget godkendes af DAS; mødet er et ${meeting.body_code}-møde. Vælg et DAS-møde.`);
    await assertEditable(ctx.db, meetingId);
    await assertNotOnMeeting(ctx, year, meetingId);
    const annex = await takstbilagOfYear(ctx.db, year);
    if (!ctx.files || !ctx.printer) {
      throw new AppError('UNAVAILABLE', 'Takstbilaget kan ikke dannes som PDF her, fordi Chromium mangler. Sæt det på dagsordenen, når Chromium er installeret.');
    }
    const text = takstbilagItemText(annex, meeting.body_code);

    return ctx.jobs.start('tariffAnnex.putOnAgenda', 'Danner takstbilaget', async (job) => {
      // The PDF is printed and stored before anything is written, so a stop leaves no item behind.
      const { bytes } = await printTakstbilag(annex, ctx.printer, ctx.now());
      throwIfCancelled(job.signal);
      job.pointOfNoReturn('Opretter punktet på dagsordenen');
      const file = await ctx.files!.storeStream(Readable.from([Buffer.from(bytes)]), takstbilagFileName(year, 'pdf'));
      const itemId = ctx.newId();
      await ctx.write(
        ['agenda'],
        async (trx, scope) => {
          const now = timestamp(ctx);
          await assertEditable(trx, meetingId);
          // Again inside the transaction: a second job for the same year and meeting may have finished meanwhile.
          await assertNotOnMeeting(ctx, year, meetingId, trx);
          await insertItem(trx, itemId, { meetingId, title: text.title, kind: 'beslutning', closed: false, resume: text.resume }, await positionBeforeClosingItems(trx, meetingId), now);
          await replaceRecommendations(trx, itemId, text.recommendations, ctx.newId, now);
          await insertAttachment(trx, { id: ctx.newId(), itemId, position: await nextAttachmentPosition(trx, itemId), title: `Takstbilag ${year}`, fileName: file.fileName, sha256: file.sha256, closed: false }, now);
          await insertTariffAnnex(trx, { id: ctx.newId(), year, itemId }, now);
          await scope.history({ at: now, entity: 'punkt', entityId: itemId, meetingId, itemId, action: 'oprettet', changes: { title: { before: null, after: text.title }, takstbilag: { before: null, after: String(year) } } });
          await reindexItem(trx, itemId);
        },
        { ids: [itemId, meetingId] },
      );
      return { type: 'agendaItem', itemId, warnings: [] };
    });
  },
});
