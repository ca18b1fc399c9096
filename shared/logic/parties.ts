import { foldDanish } from '../format/fold';

/** "Læsø" for "Læsø Kommune", "Nordjylland" for "Region Nordjylland": how the papers often name a party. */
export const organisationShortName = (name: string) => name.replace(/\s*Kommune$/i, '').replace(/^Region\s+/i, '');

const key = (text: string) => foldDanish(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The organisation a typed party stands for, by its name or short name in any case or spelling of æ/ø/å
 * ("læsø kommune", "Laesoe", "Region Nordjylland"); null for anyone else, who stays free text.
 */
export function matchOrganisation<T extends { name: string }>(typed: string, organisations: readonly T[]): T | null {
  const wanted = key(typed);
  if (!wanted) return null;
  return organisations.find((o) => key(o.name) === wanted || key(organisationShortName(o.name)) === wanted) ?? null;
}
