/** da-DK presentation of dates and times. Dates travel as ISO `YYYY-MM-DD`, times as `HH:MM`. */

const longDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat('da-DK', { weekday: 'long', timeZone: 'UTC' });
const numericDate = new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

// Dates are calendar days without a zone; reading them as UTC keeps them off by no day anywhere.
const asUtc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/** "27. maj 2021" */
export const formatLongDate = (isoDate: string) => longDate.format(asUtc(isoDate));

/** "torsdag" */
export const formatWeekday = (isoDate: string) => weekday.format(asUtc(isoDate));

/** "27.05.2021", the form of the DAS papers. */
export const formatNumericDate = (isoDate: string) => numericDate.format(asUtc(isoDate));

/** "13.00" – Danish writes the clock with a full stop. */
export const formatClock = (time: string) => time.replace(':', '.');

/** "kl. 13.00–16.00", "kl. 13.00", or "" */
export function formatTimeSpan(start: string | null, end: string | null): string {
  if (!start) return '';
  return end ? `kl. ${formatClock(start)}–${formatClock(end)}` : `kl. ${formatClock(start)}`;
}

/** "22. nov. 2026 kl. 14.32" for timestamps such as "gemt". */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  const time = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit' }).format(d);
  return `${date} kl. ${time}`;
}

/** The year of an ISO date. */
export const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));
