import { getMeetingRow } from '../../../db/queries/meetings';
import { INSTALLATION_ID_KEY, readSetting, TRUSTED_INSTALLATIONS_KEY, trustedInstallations, writeSetting } from '../../../db/queries/settings';
import { ChangedEntity } from '../../../shared/contract';
import type { ImportPreviewView, ImportReportView } from '../../../shared/domain/exchange';
import { EXCHANGE_EXTENSION, SCOPE_LABELS, type ExchangeScope } from '../../../shared/exchange/manifest';
import { displayValue, fieldLabel, isRichField } from '../../../shared/exchange/conflict-text';
import { COPYABLE, ENTITY_NAMES, ENTITY_PLURALS } from '../../../shared/exchange/records';
import { formatFileSize } from '../../../shared/format';
import type { BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError } from '../errors';
import { applyImport, type ImportReport } from '../exchange/apply';
import { CheckedReads } from '../exchange/checked-reads';
import { previewImport, sourceSentences, type ImportPreview } from '../exchange/merge';
import type { Problem } from '../exchange/read-package';
import { writePackage } from '../exchange/write-package';

type ExchangeHandlers = Pick<Handlers, 'exchange.export' | 'exchange.preview' | 'exchange.import' | 'exchange.discard' | 'exchange.incoming' | 'exchange.trusted' | 'exchange.trust'>;

/** A refused package as one Danish message: the first problem, and how many more there are. */
function refusal(problems: Problem[]): AppError {
  const more = problems.length > 1 ? ` (og ${problems.length - 1} problem${problems.length > 2 ? 'er' : ''} mere)` : '';
  return new AppError('INVALID_INPUT', `${problems[0]?.message ?? 'Pakken kan ikke læses.'}${more}`);
}

/** «Sekretariat-2026-11-23-hele-databasen.sekretariat», «…-moede-2021-05-27.sekretariat». */
async function packageName(ctx: BackendContext, scope: ExchangeScope): Promise<string> {
  const day = ctx.now().toISOString().slice(0, 10);
  if (scope.kind === 'meeting') {
    const meeting = await getMeetingRow(ctx.db, scope.id);
    if (!meeting) throw new AppError('NOT_FOUND', 'Mødet findes ikke (længere). Intet er eksporteret.');
    return `Sekretariat-${day}-moede-${meeting.date}${EXCHANGE_EXTENSION}`;
  }
  const slug = { all: 'hele-databasen', scenarios: 'takstscenarier', decisions: 'beslutningsregister' }[scope.kind];
  return `Sekretariat-${day}-${slug}${EXCHANGE_EXTENSION}`;
}

function previewView(packageId: string, fileName: string, preview: ImportPreview, installation: string | undefined): ImportPreviewView {
  const { manifest } = preview.summary;
  return {
    packageId,
    fileName,
    bytes: preview.summary.bytes,
    scope: manifest.scope,
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    fromThisInstallation: manifest.sourceInstallation === installation,
    alreadyImported: preview.alreadyImported,
    entities: ENTITY_NAMES.filter((e) => preview.summary.entities[e].count > 0).map((e) => ({
      entity: e,
      label: ENTITY_PLURALS[e],
      total: preview.summary.entities[e].count,
      ...preview.counts[e],
    })),
    totals: preview.totals,
    conflicts: preview.conflicts.map((c) => ({
      ...c,
      entityLabel: ENTITY_PLURALS[c.entity],
      canKeepBoth: COPYABLE.has(c.entity),
      fields: c.fields.map((f) => ({
        field: f.field,
        label: fieldLabel(f.field, c.entity),
        rich: isRichField(c.entity, f.field),
        base: f.base === undefined ? null : displayValue(c.entity, f.field, f.base),
        local: displayValue(c.entity, f.field, f.local),
        incoming: displayValue(c.entity, f.field, f.incoming),
      })),
      theirs: c.theirs.map((f) => fieldLabel(f, c.entity)),
      mine: c.mine.map((f) => fieldLabel(f, c.entity)),
    })),
    files: { count: preview.summary.files.count, bytes: preview.summary.files.bytes },
    notes: preview.notes,
    blockers: preview.blockers,
    clashes: preview.clashes.map(({ entity, incomingId, message }) => ({ entity, incomingId, message })),
    openings: preview.openings,
    source: preview.source,
    sourceNotes: sourceSentences(preview.source),
  };
}

const reportView = (report: ImportReport): ImportReportView => ({
  alreadyImported: report.preview.alreadyImported,
  ...report.applied,
  filesCopied: report.filesCopied,
  backup: report.backup?.fileName ?? null,
  notes: report.notes,
});

export const exchangeHandlers = (ctx: BackendContext): ExchangeHandlers => {
  /** The latest preview's checked read, for its import (the package is read once between the two). */
  const checkedReads = new CheckedReads();
  const received = async (packageId: string) => {
    const file = await ctx.incoming.find(packageId);
    if (!file) throw new AppError('NOT_FOUND', 'Pakken er ikke modtaget (længere). Vælg filen igen.');
    return file;
  };
  const installation = () => readSetting(ctx.db, INSTALLATION_ID_KEY);

  return {
    'exchange.export': async ({ scope }) => {
      const fileName = await packageName(ctx, scope);
      return ctx.jobs.start('exchange.export', `Eksporterer ${SCOPE_LABELS[scope.kind]}`, async (job) => {
        const made = await ctx.exports.create();
        try {
          const summary = await writePackage({
            db: ctx.db,
            databaseFile: ctx.databaseFile,
            files: ctx.files,
            scope,
            target: `${made.dir}/${fileName}`,
            appVersion: ctx.appVersion,
            schemaVersion: ctx.schemaVersion,
            now: ctx.now,
            newId: ctx.newId,
            signal: job.signal,
            onProgress: (p) => job.progress(p.phase === 'files' ? `Pakker bilagsfiler – ${formatFileSize(p.bytesWritten)} skrevet` : 'Pakker posterne', p.fraction ?? null),
          });
          return { type: 'export', export: { exportId: made.id, fileName, bytes: summary.bytes, pages: null, warnings: [] } };
        } catch (error) {
          await ctx.exports.discard(made.id);
          throw error;
        }
      });
    },

    'exchange.preview': async ({ packageId }) => {
      const file = await received(packageId);
      return ctx.jobs.start('exchange.preview', 'Kontrollerer pakken', async (job) => {
        checkedReads.drop(packageId);
        const before = await checkedReads.fingerprint(ctx.db, file.path);
        const result = await previewImport(ctx.db, file.path, {
          signal: job.signal,
          onProgress: (done, total) => job.progress(`Kontrollerer pakken – ${formatFileSize(done)} af ${formatFileSize(total)}`, total ? done / total : null),
        });
        if (!result.ok) throw refusal(result.problems);
        await checkedReads.keep(ctx.db, packageId, file.path, before, result.read);
        return { type: 'preview', preview: previewView(packageId, file.fileName, result.preview, await installation()) };
      });
    },

    'exchange.import': async ({ packageId, default: fallback, perRecord, perField, openings }) => {
      const file = await received(packageId);
      return ctx.jobs.start('exchange.import', 'Kontrollerer pakken', async (job) => {
        const checked = await checkedReads.take(ctx.db, packageId, file.path);
        const result = await applyImport(
          { db: ctx.db, files: ctx.files, backups: ctx.backups, now: ctx.now, newId: ctx.newId },
          file.path,
          { default: fallback, perRecord, perField, openings },
          { signal: job.signal, onProgress: (step, fraction) => job.progress(step, fraction), onCommit: (step) => job.pointOfNoReturn(step), checked: checked ?? undefined },
        );
        if (!result.ok) throw refusal(result.problems);
        await ctx.incoming.discard(packageId);
        if (!result.report.preview.alreadyImported) ctx.emit('data.changed', { entities: [...ChangedEntity.options] });
        return { type: 'import', report: reportView(result.report) };
      });
    },

    'exchange.discard': async ({ packageId }) => {
      checkedReads.drop(packageId);
      return { discarded: await ctx.incoming.discard(packageId) };
    },

    'exchange.trusted': async () => trustedInstallations(ctx.db),

    // No window lists the trusted installations but the dialog that changes them: nothing to announce.
    'exchange.trust': async ({ id, name, trusted }) =>
      ctx.write([], async (trx) => {
        const list = (await trustedInstallations(trx)).filter((t) => t.id !== id);
        if (trusted) list.push({ id, name });
        list.sort((x, y) => x.name.localeCompare(y.name, 'da'));
        await writeSetting(trx, TRUSTED_INSTALLATIONS_KEY, JSON.stringify(list), ctx.now().toISOString());
        return list;
      }),

    'exchange.incoming': async () =>
      (await ctx.incoming.list()).map((f) => ({ packageId: f.id, fileName: f.fileName, bytes: f.size })),
  };
};
