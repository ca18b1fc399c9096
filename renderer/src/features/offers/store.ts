import { create } from 'zustand';
import type { MethodInput } from '../../../../shared/contract';
import type { OfferListQuery, OfferRow } from '../../../../shared/domain/offer-register';
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
