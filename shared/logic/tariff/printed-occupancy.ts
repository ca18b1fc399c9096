import { formatNumber, formatPercent } from '../../format/numbers';

/*
 * Realised occupancy as an annual report printed it, kept beside the one computed from activity ÷ capacity (domain.md
 * AT-21: Østerskoven's congenital 2019 printed 24,2 % for 5,3 of 16 = 33,1 %). The printed value lives in the result's
 * note, one line each, so it travels with the result and needs no column of its own:
 *   «Trykt belægning: 66,7 %» (the result's own activity and capacity) or
 *   «Trykt belægning medfødt hjerneskade: 24,2 % (aktivitet 5,3 af kapacitet 16)» (a part of the offer).
 */

export interface PrintedOccupancy {
  /** The part of the offer the line is about; null for the whole offer. */
  part: string | null;
  printed: number;
  computed: number;
  /** The printed value cannot come from the printed activity and capacity, even allowing for their rounding. */
  wrong: boolean;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})*(?:,\d+)?`;
const LINE = new RegExp(String.raw`Trykt belægning(?: ([^:\n]+))?: (${NUMBER}) %(?: \(aktivitet (${NUMBER}) af kapacitet (${NUMBER})\))?`, 'g');
/** «2.144» and «5,3» as Danish readers write them. */
const danish = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
const decimals = (s: string) => s.split(',')[1]?.length ?? 0;

/** The note line for a printed value; `part` with its own activity and capacity, as the report prints them. */
export function printedOccupancyLine(printed: number, part?: { name: string; activity: number; capacity: number }): string {
  const value = formatPercent(printed, 1).replace(/\u00a0/g, ' ');
  return part ? `Trykt belægning ${part.name}: ${value} (aktivitet ${formatNumber(part.activity)} af kapacitet ${formatNumber(part.capacity)})` : `Trykt belægning: ${value}`;
}

/**
 * The printed values in a result's note with the computed ones. An activity printed with one decimal may be up to 0,05
 * off (0,5 for whole numbers), so a printed share within that of the computed one is rounding, not an error.
 */
export function printedOccupancies(note: string, result: { activity: number | null; capacity: number | null }): PrintedOccupancy[] {
  const found: PrintedOccupancy[] = [];
  for (const match of note.matchAll(LINE)) {
    const [, part, printedText, activityText, capacityText] = match;
    const activity = activityText !== undefined ? danish(activityText) : result.activity;
    const capacity = capacityText !== undefined ? danish(capacityText) : result.capacity;
    if (activity === null || !capacity) continue;
    const rounding = activityText !== undefined ? 0.5 * 10 ** -decimals(activityText) : Number.isInteger(activity) && activity >= 100 ? 0.5 : 0.05;
    const printed = danish(printedText!) / 100;
    const computed = activity / capacity;
    // Half a unit of the printed share's last decimal is its own rounding.
    const slack = 0.5 * 10 ** -(decimals(printedText!) + 2);
    const wrong = printed < (activity - rounding) / capacity - slack || printed > (activity + rounding) / capacity + slack;
    found.push({ part: part?.trim() || null, printed, computed, wrong });
  }
  return found;
}

/** «trykt: 24,2 %, beregnet: 33,1 %», as the takstbilag and the ledger show a wrong printed value. */
export const printedVersusComputed = (p: Pick<PrintedOccupancy, 'printed' | 'computed'>) => `trykt: ${formatPercent(p.printed, 1)}, beregnet: ${formatPercent(p.computed, 1)}`;
