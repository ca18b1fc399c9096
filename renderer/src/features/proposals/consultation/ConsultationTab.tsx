import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { Consultation } from '../../../../../shared/domain/proposal';
import { parseDanishDate } from '../../../../../shared/format';
import { useReference } from '../../../stores/reference';
import { shortName } from '../../scenarios/key';
import { TagList } from '../content/inputs';
import { useVersionEditor } from '../version-editor';
import { ResponsesTable } from './ResponsesTable';
import { SummaryPreview } from './SummaryPreview';

/** «Høring»: the period, the circle and who is expected to answer; the responses; who has not answered; the summary. */
export function ConsultationTab() {
  const { proposal, version, fields, errors, locked, change } = useVersionEditor();
  const organisations = useReference((s) => s.organisations);
  const municipalities = organisations.filter((o) => o.kind === 'kommune').map((o) => o.id);
  const c = fields.consultation;
  const responses = proposal.responses.filter((r) => r.versionId === version.id);
  const err = (path: string) => errors[`consultation.${path}`];

  // Every municipality is expected to answer unless the list is narrowed: filled in when the period is first set.
  function edit(patch: Partial<Consultation>) {
    const starting = c.start === null && c.end === null && (patch.start || patch.end);
    const expected = starting && c.expectedOrganisationIds.length === 0 ? { expectedOrganisationIds: municipalities } : {};
    change({ consultation: { ...c, ...expected, ...patch } });
  }

  const date = { valueFormat: 'D. MMMM YYYY', dateParser: (t: string) => parseDanishDate(t), placeholder: 'fx 29.04.2021', clearable: !locked, readOnly: locked };
  return (
    <Stack gap="md" data-testid="consultation-tab">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Title order={4}>Høringen</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <DateInput label="Høringsperiode fra" value={c.start} onChange={(start) => edit({ start })} error={err('start')} {...date} />
            <DateInput label="Høringsfrist" value={c.end} onChange={(end) => edit({ end })} error={err('end')} {...date} placeholder="fx 07.05.2021" />
          </SimpleGrid>
          <TagList label="Høringskreds" description="De netværk og kredse, der er hørt" placeholder="fx Psykiatri- og handicapchefkredsen – tryk Enter" value={c.circle} onChange={(circle) => edit({ circle })} error={err('circle')} readOnly={locked} />
          <MultiSelect
            label="Forventes at svare"
            description="Bruges til listen over, hvem der ikke har svaret. Som udgangspunkt alle kommuner."
            data={organisations.map((o) => ({ value: o.id, label: shortName(o.name) }))}
            value={c.expectedOrganisationIds}
            onChange={(ids) => edit({ expectedOrganisationIds: ids })}
            searchable
            readOnly={locked}
            error={err('expectedOrganisationIds')}
            maxDropdownHeight={260}
          />
          {!locked && (
            <Group gap="xs">
              <Button size="compact-sm" variant="subtle" onClick={() => edit({ expectedOrganisationIds: municipalities })}>Alle kommuner</Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => edit({ expectedOrganisationIds: [] })} disabled={c.expectedOrganisationIds.length === 0}>Ryd</Button>
              <Text size="xs" c="dimmed">{c.expectedOrganisationIds.length} valgt</Text>
            </Group>
          )}
        </Stack>
      </Paper>
      <ResponsesTable versionId={version.id} responses={responses} locked={locked} />
      <SummaryPreview
        proposalId={proposal.id}
        versionNumber={version.number}
        refreshKey={`${version.revision}/${responses.map((r) => `${r.id}:${r.revision}`).join()}`}
        held={c.start !== null || c.end !== null || responses.length > 0}
      />
    </Stack>
  );
}
