/** Danish alphabetical order (… x, y, z, æ, ø, å). SQLite's ORDER BY is byte order and gets this wrong. */
export const danishCollator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

export function sortDanish<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => danishCollator.compare(key(a), key(b)));
}
