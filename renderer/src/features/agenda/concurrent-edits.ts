import type { AgendaItem, AgendaItemPatch } from '../../../../shared/domain/agenda';
import { ApiError, type Api } from '../../api/client';

/** Every field the item editor edits, as the editor holds them. */
export type ItemFields = Required<AgendaItemPatch>;

export const fieldsOf = (item: AgendaItem): ItemFields => ({
  title: item.title,
  kind: item.kind,
  closed: item.closed,
  closedTitleVisible: item.closedTitleVisible,
  caseNumber: item.caseNumber,
  caseOfficer: item.caseOfficer,
  resume: item.resume,
  caseText: item.caseText,
  economy: item.economy,
  consultation: item.consultation,
  recommendations: item.recommendations.map((r) => r.text),
  guests: item.guests.map(({ name, title, organisation, attended }) => ({ name, title, organisation, attended })),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `next` that differ from `base`: what this window has to save. */
export function changes(base: ItemFields, next: ItemFields): Partial<ItemFields> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(base[k as keyof ItemFields], v)));
}

/**
 * Splits this window's patch against the item as it now is elsewhere: `theirs` holds the fields the other side changed
 * too (their version is kept), `rest` the fields only this window changed (still to be saved).
 */
export function splitConcurrent(base: ItemFields, patch: Partial<ItemFields>, current: ItemFields): { theirs: Partial<ItemFields>; rest: Partial<ItemFields> } {
  const clashing = Object.keys(patch).filter((k) => !same(current[k as keyof ItemFields], base[k as keyof ItemFields]));
  return {
    theirs: Object.fromEntries(clashing.map((k) => [k, current[k as keyof ItemFields]])),
    rest: Object.fromEntries(Object.entries(patch).filter(([k]) => !clashing.includes(k))),
  };
}

/**
 * Saves a patch under optimistic concurrency, merging field by field: if the item changed elsewhere (reordered,
 * another field edited, another window), the save is made again on the new revision. Where the other window changed
 * one of the same fields, its version is kept and handed to `onClash` (to show it and say so), and the rest is saved.
 */
export async function updateMerging(
  client: Pick<Api, 'call'>,
  id: string,
  base: { fields: ItemFields; revision: number },
  patch: Partial<ItemFields>,
  onClash: (theirs: Partial<ItemFields>) => void,
): Promise<AgendaItem> {
  try {
    return await client.call('agenda.update', { id, revision: base.revision, patch });
  } catch (error) {
    // Only a change made elsewhere is merged; a refusal (locked minutes, invalid text) stands as it is.
    if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
    const fresh = await client.call('agenda.get', { id });
    const { theirs, rest } = splitConcurrent(base.fields, patch, fieldsOf(fresh));
    if (Object.keys(theirs).length > 0) onClash(theirs);
    return Object.keys(rest).length === 0 ? fresh : client.call('agenda.update', { id, revision: fresh.revision, patch: rest });
  }
}
