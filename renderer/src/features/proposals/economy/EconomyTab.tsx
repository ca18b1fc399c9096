import { Loader, Stack } from '@mantine/core';
import { useVersionEditor } from '../version-editor';
import { EconomyChecks } from './EconomyChecks';
import { FiguresTable } from './FiguresTable';
import { MunicipalityPayments } from './MunicipalityPayments';
import { ScenarioLinks } from './ScenarioLinks';

/** «Økonomi»: the start-up scenarios, their figures side by side, every check, and what each municipality pays. */
export function EconomyTab() {
  const { proposal, version, fields, economy, locked } = useVersionEditor();
  return (
    <Stack gap="md" data-testid="economy-tab">
      <ScenarioLinks />
      {economy === null ? (
        <Loader size="sm" />
      ) : (
        <>
          <EconomyChecks economy={economy} locked={locked} />
          {economy.scenarios.length > 0 && <FiguresTable scenarios={economy.scenarios} chosenId={fields.chosenScenarioId} />}
          {economy.scenarios.length > 0 && (
            <MunicipalityPayments proposalId={proposal.id} versionNumber={version.number} revision={version.revision} scenarios={economy.scenarios} chosenId={fields.chosenScenarioId} />
          )}
        </>
      )}
    </Stack>
  );
}
