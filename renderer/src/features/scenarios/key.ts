import type { Organisation } from '../../../../shared/domain/organisation';

/** The municipalities' population in their newest recorded quarter, as a distribution key (the region is not a payer). */
export function populationKey(organisations: readonly Organisation[]): Record<string, number> {
  const key: Record<string, number> = {};
  for (const o of organisations) if (o.kind === 'kommune' && o.population) key[o.name] = o.population.count;
  return key;
}

/** The quarter the population key is counted in ("2021K2"), if all municipalities agree on one. */
export function populationQuarter(organisations: readonly Organisation[]): string | null {
  const quarters = new Set(organisations.filter((o) => o.kind === 'kommune' && o.population).map((o) => o.population!.quarter));
  return quarters.size === 1 ? [...quarters][0]! : null;
}

/**
 * A StatBank CSV as text: UTF-8 when it is valid UTF-8, otherwise Windows-1252, which older StatBank downloads and
 * Excel's "CSV (semikolonsepareret)" use (so "Læsø" is read right either way).
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** "Aalborg" for "Aalborg Kommune": tables and charts print the municipality as the DAS papers do. */
export const shortName = (name: string) => name.replace(/ Kommune$/, '');
