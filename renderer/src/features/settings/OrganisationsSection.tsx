import { Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Organisation } from '../../../../shared/domain/organisation';
import { formatInteger, formatPercent, formatQuarter } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { updateOrganisation, useReference } from '../../stores/reference';
import { PopulationImport } from './PopulationImport';

const REFERENCE_QUARTER = '2021K2';

export function OrganisationsSection() {
  const organisations = useReference((s) => s.organisations);
  const municipalities = organisations.filter((o) => o.kind === 'kommune');
  const total = municipalities.reduce((sum, o) => sum + (o.population?.count ?? 0), 0);
  const quarter = formatQuarter(municipalities[0]?.population?.quarter ?? REFERENCE_QUARTER);
  const childQuarter = municipalities[0]?.children ? formatQuarter(municipalities[0].children.quarter) : '';
  const [importing, setImporting] = useState(false);

  async function savePopulation(org: Organisation, count: number) {
    if (count === org.population?.count) return;
    try {
      await updateOrganisation({
        id: org.id,
        revision: org.revision,
        patch: { population: { quarter: org.population?.quarter ?? REFERENCE_QUARTER, count } },
      });
    } catch (error) {
      showError(error);
    }
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={4}>Kommuner og region</Title>
            <Text size="sm" c="dimmed">
              Parterne i Nordjysk Socialaftale. Befolkningstallet bruges som fordelingsnøgle, fx ved underskudsdækning; de 0–17-årige ved tilbud til børn og unge.
            </Text>
          </div>
          <Button variant="light" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)} style={{ flexShrink: 0 }}>
            Indlæs fra Danmarks Statistik …
          </Button>
        </Group>
        <PopulationImport opened={importing} onClose={() => setImporting(false)} />
        <Table verticalSpacing={6} aria-label="Kommuner og region">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Navn</Table.Th>
              <Table.Th w={190} ta="right">Befolkning {quarter}</Table.Th>
              <Table.Th w={150} ta="right">0–17 år {childQuarter}</Table.Th>
              <Table.Th w={110} ta="right">Andel</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organisations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  {o.name} {o.kind === 'region' && <Badge ml={6} size="sm" variant="light" color="grape">Region</Badge>}
                </Table.Td>
                <Table.Td>
                  {o.kind === 'kommune' ? (
                    <NumberInput
                      key={`${o.id}-${o.revision}`}
                      aria-label={`Befolkning ${o.name}`}
                      defaultValue={o.population?.count}
                      thousandSeparator="."
                      decimalSeparator=","
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      size="xs"
                      styles={{ input: { textAlign: 'right' } }}
                      onBlur={(e) => {
                        const count = Number(e.currentTarget.value.replaceAll('.', ''));
                        if (Number.isInteger(count)) void savePopulation(o, count);
                      }}
                    />
                  ) : (
                    <Text size="sm" c="dimmed" ta="right">–</Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={o.children ? undefined : 'dimmed'}>{o.children ? formatInteger(o.children.count) : '–'}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{o.kind === 'kommune' && total > 0 ? formatPercent((o.population?.count ?? 0) / total) : ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>I alt, {municipalities.length} kommuner</Table.Th>
              <Table.Th ta="right" data-testid="population-total">{formatInteger(total)}</Table.Th>
              <Table.Th ta="right">{formatInteger(municipalities.reduce((sum, o) => sum + (o.children?.count ?? 0), 0))}</Table.Th>
              <Table.Th ta="right">{formatPercent(1)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Stack>
    </Paper>
  );
}
