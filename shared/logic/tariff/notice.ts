import { type RuleSet } from './rule-set';

/**
 * Notice and payment when a placement ends (opsigelse), Styringsaftale 7.4 (`002:18453–18487`; domain.md §3.11).
 * Dates are calendar dates as ISO strings (YYYY-MM-DD); the arithmetic is on day numbers, with no clock or time zone.
 */

export type NoticeRules = Pick<RuleSet, 'noticeExtraMonths' | 'substitutionNoticeDays'>;

export type NoticeKind = 'standard' | 'substitution';

export interface NoticeInput {
  /** The day the authority reported the final end date (notice counts only from then). */
  noticeDate: string;
  /** Opsigelsesdato: the last day of service. */
  endDate: string;
  /** 'substitution' = substitution treatment (misbrug), 14 days' notice. */
  kind: NoticeKind;
  /** The agreement's rules (look them up with ruleSetFor). */
  rules: NoticeRules;
}

export interface NoticeBilling {
  /** When the notice period runs out: end of the running month plus one month, or the notice date + 14 days. */
  noticeExpires: string;
  /** Last day the main tariff is paid: the later of the end date and the notice expiry. */
  mainTariffUntil: string;
  /** Last day supplementary services (tillægsydelser) are paid: the end date. */
  supplementaryUntil: string;
}

/**
 * Billing period after notice, by Styringsaftale 7.4:
 * - standard: full payment "til udløb af løbende måned plus en måned", read as: to the last day of the month after
 *   the month of the notice date (notice 2021-03-10 → 2021-04-30; the text does not define "løbende måned" more
 *   precisely, domain.md §8 item 16); the main tariff is paid to the later of that and the end date;
 * - substitution treatment: notice 14 days, so the main tariff is paid to the later of notice date + 14 days and the
 *   end date;
 * - supplementary services (tillægsydelser) only to the end date (opsigelsesdato).
 *
 * Rounding: none (whole days).
 *
 * @throws RangeError (Danish) for a date that is not a real calendar date written YYYY-MM-DD.
 */
export function noticeBilling(input: NoticeInput): NoticeBilling {
  const rules = input.rules;
  const notice = parseIsoDate(input.noticeDate, 'Datoen for meddelelsen om opsigelse');
  const end = parseIsoDate(input.endDate, 'Opsigelsesdatoen');
  if (input.kind !== 'standard' && input.kind !== 'substitution') {
    throw new RangeError(`Ukendt opsigelsestype: ${String(input.kind)}`);
  }

  let expires: number;
  if (input.kind === 'substitution') {
    expires = dayNumber(notice) + rules.substitutionNoticeDays;
  } else {
    const monthIndex = notice.year * 12 + (notice.month - 1) + rules.noticeExtraMonths;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    expires = dayNumber({ year, month, day: daysInMonth(year, month) });
  }
  const endDay = dayNumber(end);
  return {
    noticeExpires: formatIsoDate(fromDayNumber(expires)),
    mainTariffUntil: formatIsoDate(fromDayNumber(Math.max(expires, endDay))),
    supplementaryUntil: formatIsoDate(end),
  };
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(value: string, what: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new RangeError(`${what}: "${value}" er ikke en gyldig dato (skrives ÅÅÅÅ-MM-DD)`);
  }
  return date;
}

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber} (civil_from_days). */
function fromDayNumber(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function formatIsoDate({ year, month, day }: CivilDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
