import { useEffect, useState } from 'react';
import type { VersionEconomy } from '../../../../shared/domain/proposal';
import { messageOf } from '../../api/client';
import { loadEconomy } from './store';
import { useScenarios } from '../scenarios/store';

/**
 * A version's money from the engine, fetched again whenever the version is saved (its revision) or a scenario changes,
 * so «Mangler før dagsorden» and the figures follow the typing.
 */
export function useEconomy(proposalId: string, versionNumber: number, revision: number) {
  const scenariosChanged = useScenarios((s) => s.items.map((i) => i.updatedAt).join());
  const [result, setResult] = useState<{ key: string; economy: VersionEconomy | null; error: string | null } | null>(null);
  const key = `${proposalId}/${versionNumber}/${revision}/${scenariosChanged}`;

  useEffect(() => {
    let live = true;
    loadEconomy(proposalId, versionNumber)
      .then(
        (economy) => live && setResult({ key, economy, error: null }),
        (error: unknown) => live && setResult({ key, economy: null, error: messageOf(error) }),
      );
    return () => {
      live = false;
    };
  }, [key, proposalId, versionNumber]);

  // The last answer stays on screen while the next one is on its way.
  return { economy: result?.economy ?? null, error: result?.error ?? null, current: result?.key === key };
}
