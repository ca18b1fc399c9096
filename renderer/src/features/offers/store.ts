import { create } from 'zustand';
import type { MethodInput } from '../../../../shared/contract';
import type { ItemReference } from '../../../../shared/domain/agenda';
import type { OfferListQuery, OfferRow } from '../../../../shared/domain/offer-register';
import type { OfferLedger, OperatorLedger, SheetOfYear } from '../../../../shared/domain/tariff-year';
import { api } from '../../api/client';
import { saveExport } from '../../lib/files';
import { onChange, ownWrite } from '../../stores/changes';
import { openOffer, useNavigation } from '../../stores/navigation';

interface OffersState {
  rows: OfferRow[];
  loaded: boolean;
  /** The register's filters and order, kept while the user opens an offer and comes back. */
  query: OfferListQuery;
  /** The offer the address names (stores/navigation), once loaded. */
  open: OfferRow | null;
}

/** The register of offers and the open offer; SQLite stays the only source of truth. */
export const useOffers = create<OffersState>(() => ({ rows: [], loaded: false, query: { sort: 'operator' }, open: null }));

const STORE = 'offers';

export async function loadOffers() {
  const query = useOffers.getState().query;
  const rows = await api().call('offers.list', query);
  // A later filter may have answered first: only the newest query's rows are shown.
  if (useOffers.getState().query === query) useOffers.setState({ rows, loaded: true });
}

export function setOfferQuery(patch: Partial<OfferListQuery>) {
  useOffers.setState((s) => ({ query: { ...s.query, ...patch } }));
  return loadOffers();
}

export async function loadOpenOffer(id: string | null) {
  if (!id) return useOffers.setState({ open: null });
  const open = await api().call('offers.get', { id });
  if (useNavigation.getState().offerId === id) useOffers.setState({ open });
}

async function reload() {
  await loadOffers();
  const id = useNavigation.getState().offerId;
  if (id) await loadOpenOffer(id).catch(() => useOffers.setState({ open: null }));
}
onChange(STORE, ['offer', 'organisations'], reload);

/** The offer as a write answered it: the open one and its line in the register. */
function put(offer: OfferRow) {
  useOffers.setState((s) => ({ open: s.open?.id === offer.id ? offer : s.open, rows: s.rows.map((r) => (r.id === offer.id ? { ...r, ...offer, year: r.year, category: r.category } : r)) }));
  return offer;
}

export function createOffer(draft: MethodInput<'offers.create'>) {
  return ownWrite(STORE, ['offer'], async () => {
    const created = await api().call('offers.create', draft);
    await loadOffers();
    openOffer(created.id);
    useOffers.setState({ open: created });
    return created;
  });
}

/** Saves fields of the open offer against the revision on screen. */
export function updateOpenOffer(patch: MethodInput<'offers.update'>['patch']) {
  const open = useOffers.getState().open;
  if (!open) return Promise.resolve(null);
  return ownWrite(STORE, ['offer'], async () => put(await api().call('offers.update', { id: open.id, revision: open.revision, patch })));
}

export function changeCategory(input: MethodInput<'offers.setCategory'>) {
  return ownWrite(STORE, ['offer'], async () => {
    const changed = put(await api().call('offers.setCategory', input));
    await loadOffers();
    return changed;
  });
}

/** «Eksportér .xlsx»: the register with the filters shown, saved (a download, or a save dialog on the desktop). */
export async function exportOfferRegister(): Promise<string | null> {
  const made = await api().call('offers.export', useOffers.getState().query);
  return (await saveExport(made.exportId)) ? made.fileName : null;
}

// ---- The open offer's tariff sheets and 5 % ledger

interface SheetsState {
  offerId: string | null;
  /** Years with a sheet, and the year after the last one (the next to be filled). */
  years: number[];
  year: number | null;
  sheet: SheetOfYear | null;
  ledger: OfferLedger | null;
}

export const useOfferSheets = create<SheetsState>(() => ({ offerId: null, years: [], year: null, sheet: null, ledger: null }));

/** How far back from its latest sheet an offer's sheets are looked for. */
const SHEET_YEARS_BACK = 10;

/** The years with a sheet, from the offer's first year in the register (or its first result) on, plus the next. */
async function sheetYears(offer: OfferRow, ledger: OfferLedger): Promise<number[]> {
  const last = offer.latestPlaces?.year ?? null;
  if (last === null) return [offer.firstYear ?? offer.year];
  const known = [last, ...offer.categories.map((c) => c.fromYear), ...ledger.years.map((y) => y.year), ...(offer.firstYear ? [offer.firstYear] : [])];
  const first = Math.max(Math.min(...known), last - SHEET_YEARS_BACK);
  const probed = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => api().call('tariffSheets.get', { offerId: offer.id, year })));
  return [...probed.filter((s) => s.versions.length > 0).map((s) => s.year), last + 1];
}

/** Loads the offer's ledger, its sheet years and the chosen (or the latest) year's sheet. */
export async function loadOfferSheets(offer: OfferRow, year?: number) {
  const ledger = await api().call('ledger.offer', { offerId: offer.id });
  const years = await sheetYears(offer, ledger);
  const kept = useOfferSheets.getState();
  // The latest year with a sheet first; the next year (last in the list) is there to be filled.
  const chosen = year ?? (kept.offerId === offer.id && kept.year !== null ? kept.year : (years.at(-2) ?? years.at(-1) ?? offer.year));
  const sheet = await api().call('tariffSheets.get', { offerId: offer.id, year: chosen });
  if (useNavigation.getState().offerId !== offer.id) return;
  useOfferSheets.setState({ offerId: offer.id, years: years.includes(chosen) ? years : [...years, chosen].sort((a, b) => a - b), year: chosen, sheet, ledger });
}

async function reloadSheets() {
  const open = useOffers.getState().open;
  if (open && useOfferSheets.getState().offerId === open.id) await loadOfferSheets(open);
}
onChange('offer-sheets', ['tariffSheet', 'ledger', 'offer'], reloadSheets);

function sheetWrite<T>(work: () => Promise<T>) {
  return ownWrite('offer-sheets', ['tariffSheet', 'ledger'], async () => {
    const done = await work();
    const open = useOffers.getState().open;
    if (open) await Promise.all([loadOpenOffer(open.id), loadOfferSheets(open)]);
    return done;
  });
}

export const saveSheet = (input: MethodInput<'tariffSheets.save'>) => sheetWrite(() => api().call('tariffSheets.save', input));
export const submitSheet = (id: string, revision: number) => sheetWrite(() => api().call('tariffSheets.submit', { id, revision }));
export const reopenSheet = (id: string, revision: number) => sheetWrite(() => api().call('tariffSheets.reopen', { id, revision }));
export const newSheetVersion = (input: MethodInput<'tariffSheets.newVersion'>) => sheetWrite(() => api().call('tariffSheets.newVersion', input));
export const saveResult = (input: MethodInput<'results.save'>) => sheetWrite(() => api().call('results.save', input));
export const deleteResult = (id: string) => sheetWrite(() => api().call('results.delete', { id }));
export const restoreResult = (id: string) => sheetWrite(() => api().call('results.restore', { id }));

// ---- Uses of a set-aside (5 % ledger)

export const saveSetAsideUse = (input: MethodInput<'setAsideUses.save'>) => sheetWrite(() => api().call('setAsideUses.save', input));
export const deleteSetAsideUse = (id: string) => sheetWrite(() => api().call('setAsideUses.delete', { id }));
export const restoreSetAsideUse = (id: string) => sheetWrite(() => api().call('setAsideUses.restore', { id }));

/** The operator's offers: where a set-aside may be used (Styringsaftalen 5.3.1), and the names the uses show. */
export const useOperatorOffers = create<{ operatorId: string | null; offers: OfferRow[] }>(() => ({ operatorId: null, offers: [] }));

const NO_OFFERS: OfferRow[] = [];
/** The operator's offers once loaded (one empty list before, so a selector's answer stays the same). */
export const useOffersOfOperator = (operatorId: string) => useOperatorOffers((s) => (s.operatorId === operatorId ? s.offers : NO_OFFERS));

export async function loadOperatorOffers(operatorId: string) {
  const offers = await api().call('offers.list', { operatorId, sort: 'name' });
  useOperatorOffers.setState({ operatorId, offers });
}
onChange('operator-offers', ['offer', 'organisations'], async () => {
  const { operatorId } = useOperatorOffers.getState();
  if (operatorId) await loadOperatorOffers(operatorId);
});

// ---- The agenda items that decided a category change or a sheet's new version (issue 17)

/** The cited items by id; null for one deleted since. */
export const useItemReferences = create<Record<string, ItemReference | null>>(() => ({}));

/** Loads the cited items not known yet (or all of them again, after a change of the agenda). */
export async function loadItemReferences(ids: readonly (string | null)[], again = false) {
  const known = useItemReferences.getState();
  const wanted = [...new Set(ids.filter((id): id is string => id !== null && (again || !(id in known))))];
  if (wanted.length === 0) return;
  const found = new Map((await api().call('agenda.references', { ids: wanted })).map((r) => [r.itemId, r]));
  useItemReferences.setState(Object.fromEntries(wanted.map((id) => [id, found.get(id) ?? null])));
}
onChange('item-references', ['agenda', 'meetings'], () => loadItemReferences(Object.keys(useItemReferences.getState()), true));

/** The items a picker offers: the bodies' meetings' items, newest first. */
export const loadDecisionChoices = (bodyCodes: string[]) => api().call('agenda.references', { bodyCodes });

// ---- An operator's 5 % ledger (#/tilbud/driftsherre/<id>)

export const useOperatorLedger = create<{ operatorId: string | null; ledger: OperatorLedger | null }>(() => ({ operatorId: null, ledger: null }));

export async function loadOperatorLedger(operatorId: string) {
  const ledger = await api().call('ledger.operator', { operatorId });
  if (useNavigation.getState().operatorLedgerId === operatorId) useOperatorLedger.setState({ operatorId, ledger });
}
onChange('operator-ledger', ['ledger', 'tariffSheet', 'offer', 'organisations'], async () => {
  const operatorId = useNavigation.getState().operatorLedgerId;
  if (operatorId) await loadOperatorLedger(operatorId);
});
