import type { ScenarioUse } from '../../domain/scenario';

/** One proposal version that takes figures from a scenario, directly or through variants of it. */
export interface VersionUse {
  proposalId: string;
  versionId: string;
  versionNumber: number;
  /** «NT-1 version 2». */
  label: string;
  /** The version links the scenario itself. */
  direct: boolean;
  /** The variants (of a base) through which the version takes its figures. */
  throughVariants: string[];
}

export const versionLabel = (code: string, number: number) => `${code} version ${number}`;

/** «A», «A og B», «A, B og C». */
export const listText = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);

/** The versions that follow the scenario live (frozen links keep their version), one entry each, in the given order. */
export function liveVersionUses(scenarioId: string, uses: readonly ScenarioUse[]): VersionUse[] {
  const byVersion = new Map<string, VersionUse>();
  for (const use of uses) {
    if (use.frozenNumber !== null) continue;
    const entry = byVersion.get(use.versionId) ?? {
      proposalId: use.proposalId,
      versionId: use.versionId,
      versionNumber: use.versionNumber,
      label: versionLabel(use.proposalCode, use.versionNumber),
      direct: false,
      throughVariants: [],
    };
    if (use.scenarioId === scenarioId) entry.direct = true;
    else entry.throughVariants.push(use.scenarioName);
    byVersion.set(use.versionId, entry);
  }
  return [...byVersion.values()];
}

/** How a variant carries the scenario's figures into the version, or '' for a direct use only. */
export function throughText(use: VersionUse): string {
  if (use.throughVariants.length === 0) return '';
  const variants = `${use.throughVariants.length === 1 ? 'varianten' : 'varianterne'} ${listText(use.throughVariants.map((n) => `«${n}»`))}`;
  return use.direct ? `direkte og gennem ${variants}` : `gennem ${variants}`;
}

/** «NT-1 version 2 – Økonomi», with the variants it goes through. */
export function useText(use: VersionUse): string {
  const through = throughText(use);
  return `${use.label} – Økonomi${through ? ` (${through})` : ''}`;
}

/** Why a change to a used scenario is held back until the user says what should happen (backend and window alike). */
export function usedScenarioRefusal(scenarioName: string, uses: readonly VersionUse[]): string {
  const labels = listText(uses.map((u) => u.label));
  return (
    `«${scenarioName}» bruges af ${listText(uses.map(useText))}, så ændringen ville også ændre tallene dér. ` +
    `Bekræft, at ${labels} skal ændres med, eller lav en variant af scenariet til forsøget. Intet er ændret.`
  );
}
