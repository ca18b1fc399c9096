/** Outcome of an update or delete guarded by the record's revision (optimistic concurrency). */
export type WriteOutcome = 'written' | 'missing' | 'stale';

/** Tells a missing record from a stale revision after a guarded write touched no row. */
export function outcomeOf(changedRows: bigint | number, current: { revision: number } | undefined): WriteOutcome {
  if (Number(changedRows) > 0) return 'written';
  return current ? 'stale' : 'missing';
}

export const toMeta = (row: { id: string; revision: number; created_at: string; updated_at: string }) => ({
  id: row.id,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
