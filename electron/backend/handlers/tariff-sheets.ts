import type { Kysely } from 'kysely';
import { diff } from '../../../db/queries/history';
import { getItemRow } from '../../../db/queries/agenda';
import { getOffer } from '../../../db/queries/offers';
import { getSheet, insertSheet, sheetVersions, updateSheet } from '../../../db/queries/tariff-sheets';
import type { DB } from '../../../db/schema';
import type { Offer, SheetOfYear, TariffSheet, TariffSheetContent } from '../../../shared/domain/tariff-year';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { AppError, notFound, stale } from '../errors';
import { ruleSetInForce } from '../services/rule-sets';
import { computedSheetsOfYear, currentDueSources, isLocked, lockedSheet, SHEET_HISTORY_ENTITY, sheetOffer, sheetStartingPoint, sheetView } from '../services/tariff-sheets';

type TariffSheetHandlers = Pick<
  Handlers,
  'tariffSheets.listYear' | 'tariffSheets.get' | 'tariffSheets.save' | 'tariffSheets.submit' | 'tariffSheets.reopen' | 'tariffSheets.newVersion'
>;

async function mustGetOffer(db: Kysely<DB>, id: string): Promise<Offer> {
  const offer = await getOffer(db, id);
  if (!offer) throw notFound('Tilbuddet');
  return offer;
}

async function sheetOfYear(db: Kysely<DB>, offerId: string, year: number): Promise<SheetOfYear> {
  const offer = await mustGetOffer(db, offerId);
  const [versions, [computed]] = await Promise.all([sheetVersions(db, offerId, year), computedSheetsOfYear(db, year, [offerId])]);
  const startingPoint = versions.length === 0 ? await sheetStartingPoint(db, offerId, year) : null;
  return { offer: sheetOffer(offer, year), year, versions, current: computed ? sheetView(computed) : null, startingPoint };
}

/** The error-level checks of a sheet's content as it would be computed now; empty when it may be submitted. */
async function blockingChecks(db: Kysely<DB>, offerId: string, year: number): Promise<string[]> {
  const [computed] = await computedSheetsOfYear(db, year, [offerId]);
  return (computed?.computation.checks ?? []).filter((c) => c.severity === 'error').map((c) => c.message);
}

/** The live sheet by id, which must be its offer-year's current version. */
async function mustGetCurrent(db: Kysely<DB>, id: string): Promise<{ sheet: TariffSheet; offer: Offer }> {
  const sheet = await getSheet(db, id);
  if (!sheet) throw notFound('Takstskemaet');
  const offer = await mustGetOffer(db, sheet.offerId);
  const latest = (await sheetVersions(db, sheet.offerId, sheet.year)).at(-1);
  if (latest && latest.id !== sheet.id) throw new AppError('CONFLICT', `Der er en nyere version (${latest.version}) af skemaet for ${offer.name} ${sheet.year}. Indlæs den, og prøv igen.`);
  return { sheet, offer };
}

/** The top-level fields of the content that changed, for the history. */
const contentChanges = (before: TariffSheetContent, after: TariffSheetContent) => diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>);

export const tariffSheetHandlers = (ctx: BackendContext): TariffSheetHandlers => {
  const write = <T>(ids: readonly string[], work: Parameters<typeof ctx.write<T>>[1]) => ctx.write(['tariffSheet'], work, { ids });

  /** Moves the current sheet from one status to the next, refusing a locked or stale one. */
  const move = async (id: string, revision: number, from: 'draft' | 'submitted', to: 'draft' | 'submitted') => {
    const { sheet, offer } = await write([id], async (trx, scope) => {
      const found = await mustGetCurrent(trx, id);
      const { sheet: current } = found;
      if (isLocked(current)) throw lockedSheet(found.offer.name, current.year);
      if (current.revision !== revision) throw stale('Takstskemaet');
      if (current.status !== from) {
        throw new AppError('CONFLICT', to === 'submitted' ? 'Skemaet er allerede indsendt.' : 'Skemaet er et udkast og kan rettes direkte.');
      }
      if (to === 'submitted') {
        const errors = await blockingChecks(trx, current.offerId, current.year);
        if (errors.length > 0) throw new AppError('INVALID_INPUT', `Skemaet kan ikke indsendes, før fejlene er rettet: ${errors.join(' ')}`);
      }
      if ((await updateSheet(trx, id, revision, { status: to }, timestamp(ctx))) !== 'written') throw stale('Takstskemaet');
      await scope.history({ entity: SHEET_HISTORY_ENTITY, entityId: id, meetingId: null, itemId: null, action: 'aendret', changes: { status: { before: from, after: to } } });
      return found;
    });
    return sheetOfYear(ctx.db, offer.id, sheet.year);
  };

  return {
    'tariffSheets.listYear': async ({ year }) => (await computedSheetsOfYear(ctx.db, year)).map(sheetView),

    'tariffSheets.get': ({ offerId, year }) => sheetOfYear(ctx.db, offerId, year),

    'tariffSheets.save': async ({ offerId, year, revision, content: entered }) => {
      // Only an approval freezes the due results.
      const content = { ...entered, dueResultsAtApproval: null };
      await write([offerId], async (trx, scope) => {
        const offer = await mustGetOffer(trx, offerId);
        const current = (await sheetVersions(trx, offerId, year)).at(-1);
        const now = timestamp(ctx);
        if (!current) {
          const id = ctx.newId();
          // The sheet keeps the rules it was made under, even when a later rule set is approved for the year.
          await insertSheet(trx, { id, offerId, year, status: 'draft', ruleSetId: (await ruleSetInForce(trx, year)).id, content }, now);
          await scope.history({ entity: SHEET_HISTORY_ENTITY, entityId: id, meetingId: null, itemId: null, action: 'oprettet', changes: { tilbud: { before: null, after: offer.name }, år: { before: null, after: year } } });
          scope.announce({ ids: [id] });
          return;
        }
        if (isLocked(current)) throw lockedSheet(offer.name, year);
        if (current.status === 'submitted') throw new AppError('CONFLICT', `Skemaet for ${offer.name} ${year} er indsendt. Genåbn det for at rette i det.`);
        if (revision === undefined) throw new AppError('CONFLICT', `Der er allerede et skema for ${offer.name} ${year}. Indlæs det, og ret i det.`);
        if (current.revision !== revision) throw stale('Takstskemaet');
        if ((await updateSheet(trx, current.id, revision, { content }, now)) !== 'written') throw stale('Takstskemaet');
        await scope.history({ entity: SHEET_HISTORY_ENTITY, entityId: current.id, meetingId: null, itemId: null, action: 'aendret', changes: contentChanges(current.content, content) });
        scope.announce({ ids: [current.id] });
      });
      return sheetOfYear(ctx.db, offerId, year);
    },

    'tariffSheets.submit': ({ id, revision }) => move(id, revision, 'draft', 'submitted'),

    'tariffSheets.reopen': ({ id, revision }) => move(id, revision, 'submitted', 'draft'),

    'tariffSheets.newVersion': async ({ offerId, year, content: entered, approvedItemId }) => {
      await write([offerId], async (trx, scope) => {
        const offer = await mustGetOffer(trx, offerId);
        const current = (await sheetVersions(trx, offerId, year)).at(-1);
        if (!current || !isLocked(current)) {
          throw new AppError('CONFLICT', `Skemaet for ${offer.name} ${year} er ikke godkendt endnu: ret ${current ? 'det' : 'et nyt skema'} direkte i stedet for at lave en ny version.`);
        }
        const item = approvedItemId === null ? null : await getItemRow(trx, approvedItemId);
        if (approvedItemId !== null && !item) throw notFound('FU-punktet, der godkendte ændringen,');
        const id = ctx.newId();
        const now = timestamp(ctx);
        const version = current.version + 1;
        // FU approves the version with the results due as they stand now, as DAS approved the first.
        const content = { ...entered, dueResultsAtApproval: await currentDueSources(trx, offerId, year) };
        await insertSheet(trx, { id, offerId, year, version, status: 'amended', ruleSetId: (await ruleSetInForce(trx, year)).id, content, approvedItemId, approvedAt: now }, now);
        const errors = await blockingChecks(trx, offerId, year);
        if (errors.length > 0) throw new AppError('INVALID_INPUT', `Den nye version kan ikke godkendes, før fejlene er rettet: ${errors.join(' ')}`);
        await scope.history({
          entity: SHEET_HISTORY_ENTITY,
          entityId: id,
          meetingId: item?.meeting_id ?? null,
          itemId: item?.id ?? null,
          action: 'oprettet',
          changes: { version: { before: current.version, after: version }, ...contentChanges(current.content, content) },
        });
        scope.announce({ ids: [id] });
      });
      return sheetOfYear(ctx.db, offerId, year);
    },
  };
};
