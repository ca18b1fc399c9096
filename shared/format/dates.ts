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

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/**
 * Reads a date as Danish users type it: "27.05.2021", "27-05-2021", "27/5 2021", "27. maj 2021", "2021-05-27".
 * Returns ISO `YYYY-MM-DD`, or null if it is not a real calendar date.
 */
export function parseDanishDate(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/^d\.\s*/, '').replace(/^den\s+/, '');
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[.\-/ ]\s*(\d{1,2})[.\-/ ]\s*(\d{2}|\d{4})$/.exec(t))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})$/.exec(t))) {
    const month = MONTHS.findIndex((name) => name.startsWith(match![2]!) && match![2]!.length >= 3);
    if (month < 0) return null;
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return null;
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Today's date in the user's time zone, as ISO. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
