import type { Handlers } from '../dispatch';
import type { BackendContext } from '../context';
import { throwIfCancelled } from '../jobs';
import { applyTariffImport, previewTariffImport, tariffTemplate } from '../services/tariff-import';
import { receivedTemplates } from '../services/tariff-template-files';

type TariffImportHandlers = Pick<Handlers, 'tariffs.template' | 'tariffs.previewImport' | 'tariffs.applyImport' | 'tariffs.discardImport'>;

export const tariffImportHandlers = (ctx: BackendContext): TariffImportHandlers => ({
  'tariffs.template': async ({ operatorName, year }) => {
    const made = await tariffTemplate(ctx.db, operatorName, year, ctx.now());
    return ctx.exports.saveFile(made.fileName, made.bytes);
  },

  'tariffs.previewImport': async ({ kind, fileIds, year }) => {
    const files = await receivedTemplates(ctx.templates, fileIds);
    return ctx.jobs.start('tariffs.previewImport', 'Kontrollerer filerne', async () => ({
      type: 'tariffImportPreview',
      preview: await previewTariffImport(ctx.db, files, kind, year),
    }));
  },

  'tariffs.applyImport': async ({ kind, fileIds, year }) => {
    const files = await receivedTemplates(ctx.templates, fileIds);
    return ctx.jobs.start('tariffs.applyImport', 'Kontrollerer filerne', async (job) => {
      const report = await applyTariffImport(
        {
          db: ctx.db,
          backups: ctx.backups,
          now: ctx.now,
          newId: ctx.newId,
          transact: (work) => {
            // A cancel asked for during the check or the backup is honoured here, before anything is written.
            throwIfCancelled(job.signal);
            job.pointOfNoReturn('Skriver i databasen');
            return ctx.write(['tariffSheet', 'ledger'], work);
          },
        },
        files,
        kind,
        year,
        (step, fraction) => job.progress(step, fraction),
      );
      for (const id of fileIds) await ctx.templates.discard(id);
      return { type: 'tariffImport', report };
    });
  },

  'tariffs.discardImport': async ({ fileIds }) => {
    let discarded = 0;
    for (const id of fileIds) if (await ctx.templates.discard(id)) discarded++;
    return { discarded };
  },
});
