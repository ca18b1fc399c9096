import { Alert, Anchor, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useEffect } from 'react';
import type { OperatorLedger } from '../../../../shared/domain/tariff-year';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, Section } from '../../components/Section';
import { ledgerAmount } from './texts';
import { showError } from '../../lib/undo';
import { openOffer } from '../../stores/navigation';
import { loadOperatorLedger, useOperatorLedger } from './store';

const NUMBERS = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** An operator's 5 % ledger: its offers' results summed year by year, each offer in brief, and every warning. */
export function OperatorLedgerPage({ operatorId }: { operatorId: string }) {
  const ledger = useOperatorLedger((s) => (s.operatorId === operatorId ? s.ledger : null));
  useEffect(() => {
    loadOperatorLedger(operatorId).catch(showError);
  }, [operatorId]);

  return (
    <Stack gap="lg">
      <Anchor component="button" type="button" size="sm" onClick={() => openOffer(null)} style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}><IconArrowLeft size={14} /> Alle tilbud</Group>
      </Anchor>
      {!ledger ? (
        <Group justify="center" p="lg"><Loader size="sm" /></Group>
      ) : (
        <>
          <PageHeader title={`5 %-regnskab: ${ledger.operatorName}`} description="Årsregnskabernes resultater for driftsherrens tilbud, og hvad 5 %-reglen gør med dem (Styringsaftalen 5.3)." />
          <Warnings ledger={ledger} />
          {ledger.totals.length === 0 ? (
            <EmptyList title="Ingen resultater endnu" hint="Registrér resultaterne på hvert tilbuds side, eller indlæs dem fra driftsherrens skabelon under Indstillinger." />
          ) : (
            <>
              <YearTotals ledger={ledger} />
              <OfferLines ledger={ledger} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function Warnings({ ledger }: { ledger: OperatorLedger }) {
  const names = new Map(ledger.offers.map((o) => [o.offer.id, o.offer.name]));
  if (ledger.warnings.length === 0) return null;
  return (
    <Stack gap="xs">
      {ledger.warnings.map((w) => (
        <Alert key={w.code + w.offerId + w.year} color="orange" variant="light" p="xs" data-testid="operator-ledger-warning">
          <Text size="sm">
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => openOffer(w.offerId)}>{names.get(w.offerId) ?? 'Tilbuddet'}</Anchor>: {w.message}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}

function YearTotals({ ledger }: { ledger: OperatorLedger }) {
  return (
    <Section title="År for år" hint="Summen over driftsherrens tilbud. Det, der indgår i taksten, lægges på det enkelte tilbuds takst to år efter." testId="operator-ledger-years">
      <Table verticalSpacing={4} fz="sm" aria-label="Driftsherrens resultater år for år" style={NUMBERS}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Beløb i kr.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>År</Table.Th>
            <Table.Th ta="right">Grundlag (G)</Table.Th>
            <Table.Th ta="right">Resultat (R)</Table.Th>
            <Table.Th ta="right">Afholdt</Table.Th>
            <Table.Th ta="right">Hensat</Table.Th>
            <Table.Th ta="right">Tilbage af hensat</Table.Th>
            <Table.Th ta="right">I taksten to år efter</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.totals.map((t) => (
            <Table.Tr key={t.year} data-testid="operator-ledger-year">
              <Table.Td>{t.year}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.basis)}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.result)}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.absorbed)}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.setAside)}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.setAsideLeft)}</Table.Td>
              <Table.Td ta="right">{ledgerAmount(t.dueInTariff)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

function OfferLines({ ledger }: { ledger: OperatorLedger }) {
  return (
    <Section title="Tilbuddene" hint="Hvert tilbuds seneste regnskabsår og hensættelser; tilbuddets side viser hele regnskabet." testId="operator-ledger-offers">
      <Table verticalSpacing={4} fz="sm" aria-label="Driftsherrens tilbud i 5 %-regnskabet">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Beløb i kr.</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tilbud</Table.Th>
            <Table.Th>Regnskabsår</Table.Th>
            <Table.Th ta="right">Seneste resultat (R)</Table.Th>
            <Table.Th ta="right">Tilbage af hensat</Table.Th>
            <Table.Th ta="right">Advarsler</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.offers.map(({ offer, years, warnings }) => {
            const latest = years.at(-1);
            return (
              <Table.Tr key={offer.id} data-testid="operator-ledger-offer">
                <Table.Td><Anchor component="button" type="button" size="sm" ta="left" onClick={() => openOffer(offer.id)}>{offer.name}</Anchor></Table.Td>
                <Table.Td style={NUMBERS}>{years.length === 0 ? 'Ingen' : years.length === 1 ? String(years[0]!.year) : `${years[0]!.year}–${latest!.year}`}</Table.Td>
                <Table.Td ta="right" style={NUMBERS}>{latest ? `${ledgerAmount(latest.result)} (${latest.year})` : '–'}</Table.Td>
                <Table.Td ta="right" style={NUMBERS}>{ledgerAmount(years.reduce((sum, y) => sum + y.setAsideLeft, 0))}</Table.Td>
                <Table.Td ta="right" style={NUMBERS}>{warnings.length || '–'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
