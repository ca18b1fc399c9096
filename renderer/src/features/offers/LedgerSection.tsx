import { ActionIcon, Alert, Anchor, Button, Group, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCoins, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { SHEET_STATUS_LABELS, type LedgerYear, type SetAsideUse } from '../../../../shared/domain/tariff-year';
import type { OfferRow } from '../../../../shared/domain/offer-register';
import { formatPercent } from '../../../../shared/format';
import { EmptyList, Section } from '../../components/Section';
import { ledgerAmount } from './texts';
import { removeWithUndo, showError } from '../../lib/undo';
import { openOperatorLedger } from '../../stores/navigation';
import { ResultForm } from './ResultForm';
import { SetAsideUseForm } from './SetAsideUseForm';
import { deleteResult, deleteSetAsideUse, loadOfferSheets, loadOperatorOffers, restoreResult, restoreSetAsideUse, useOfferSheets, useOffersOfOperator } from './store';

/** «Aalborg Kommunes», «Region Nordjyllands»; a name ending in s, x or z takes an apostrophe. */
const genitive = (name: string) => (/[sxz]$/i.test(name) ? `${name}'` : `${name}s`);


/** «Resultater og 5 %-regnskab»: each year's result, what the 5 % rule makes of it, and where a due amount is picked up. */
export function LedgerSection({ offer }: { offer: OfferRow }) {
  const ledger = useOfferSheets((s) => (s.offerId === offer.id ? s.ledger : null));
  const [editing, setEditing] = useState<LedgerYear | 'new' | null>(null);
  const [using, setUsing] = useState<SetAsideUse | 'new' | null>(null);
  const siblings = useOffersOfOperator(offer.operatorId);
  useEffect(() => {
    loadOperatorOffers(offer.operatorId).catch(showError);
  }, [offer.operatorId]);
  const offerName = (id: string) => (id === offer.id ? offer.name : (siblings.find((o) => o.id === id)?.name ?? 'et andet tilbud'));
  const showSheet = (year: number) => {
    loadOfferSheets(offer, year)
      .then(() => document.querySelector('[data-testid="offer-sheets"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }))
      .catch(showError);
  };
  const remove = (y: LedgerYear) =>
    void removeWithUndo(`Resultatet for ${y.year} er slettet.`, () => deleteResult(y.resultId), () => restoreResult(y.resultId));
  const sourceYear = (u: SetAsideUse) => ledger?.years.find((y) => y.resultId === u.resultId)?.year ?? '';
  const removeUse = (y: LedgerYear, u: SetAsideUse) =>
    void removeWithUndo(`Brugen af hensættelsen fra ${y.year} i ${u.year} er slettet.`, () => deleteSetAsideUse(u.id), () => restoreSetAsideUse(u.id));

  return (
    <Section title="Resultater og 5 %-regnskab" testId="offer-ledger" hint="Årsregnskabets resultat år for år (Styringsaftalen 5.3): underskud inden for 5 % afholdes af driftsherren, overskud inden for 5 % kan hensættes i 5 år, og resten indgår i taksten to år efter.">
      {ledger && ledger.warnings.map((w) => (
        <Alert key={w.code + w.year} color="orange" variant="light" p="xs" data-testid="ledger-warning"><Text size="sm">{w.message}</Text></Alert>
      ))}
      {ledger && ledger.years.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={4} horizontalSpacing={4} fz="sm" aria-label="5 %-regnskab" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>Beløb i kr.</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>År</Table.Th>
                <Table.Th ta="right">Grundlag (G)</Table.Th>
                <Table.Th ta="right">Resultat (R)</Table.Th>
                <Table.Th ta="right">Belægning</Table.Th>
                <Table.Th ta="right">Afholdt</Table.Th>
                <Table.Th ta="right">Hensat</Table.Th>
                <Table.Th ta="center">Udløber</Table.Th>
                <Table.Th ta="right">Brugt</Table.Th>
                <Table.Th ta="right">Tilbage</Table.Th>
                <Table.Th ta="right">I taksten</Table.Th>
                <Table.Th pl="md">Indgår i</Table.Th>
                <Table.Th w={72}><VisuallyHidden>Handlinger</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.years.map((y) => (
                <Fragment key={y.resultId}>
                  <Table.Tr data-testid="ledger-row">
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.basis)}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.result)}</Table.Td>
                    <Table.Td ta="right">{y.realisedOccupancy === null ? '–' : formatPercent(y.realisedOccupancy, 1)}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.absorbed)}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.setAside)}</Table.Td>
                    <Table.Td ta="center">{y.setAsideExpires ?? '–'}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.setAsideUsed)}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.setAsideLeft)}</Table.Td>
                    <Table.Td ta="right">{ledgerAmount(y.dueInTariff)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'normal' }} w={112} pl="md">
                      {y.dueYear === null ? '–' : (
                        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => showSheet(y.dueYear!)}>
                          {y.dueYear} ({y.pickedUpBySheet ? SHEET_STATUS_LABELS[y.pickedUpBySheet.status].toLowerCase() : 'intet skema'})
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon variant="subtle" color="gray" aria-label={`Ret resultatet for ${y.year}`} onClick={() => setEditing(y)}><IconPencil size={16} /></ActionIcon>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Slet resultatet for ${y.year}`} onClick={() => remove(y)}><IconTrash size={16} /></ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {y.uses.map((u) => (
                    <Table.Tr key={u.id} data-testid="set-aside-use">
                      <Table.Td />
                      {/* Under the set-aside, its amount in «Brugt»; the text wraps rather than widen the table. */}
                      <Table.Td colSpan={6} style={{ whiteSpace: 'normal' }}>
                        Brugt i {u.year}{u.usedOnOfferId === null ? '' : ` på ${offerName(u.usedOnOfferId)}`}: {u.purpose}
                      </Table.Td>
                      <Table.Td ta="right">{ledgerAmount(u.amount)}</Table.Td>
                      <Table.Td colSpan={3} />
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Ret brugen i ${u.year} af hensættelsen fra ${y.year}`} onClick={() => setUsing(u)}><IconPencil size={16} /></ActionIcon>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Slet brugen i ${u.year} af hensættelsen fra ${y.year}`} onClick={() => removeUse(y, u)}><IconTrash size={16} /></ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <EmptyList title="Ingen resultater endnu" hint="Registrér årsregnskabets resultat, når det foreligger; det kan også indlæses fra driftsherrens skabelon." />
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>Registrér resultat</Button>
        {ledger?.years.some((y) => y.setAsideLeft > 0) && (
          <Button variant="light" leftSection={<IconCoins size={16} />} onClick={() => setUsing('new')}>Brug hensættelse</Button>
        )}
        <Anchor component="button" type="button" size="sm" ml="auto" onClick={() => openOperatorLedger(offer.operatorId)}>
          {genitive(offer.operatorName)} 5 %-regnskab
        </Anchor>
      </Group>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' || editing === null ? 'Registrér resultat' : `Ret resultatet for ${editing.year}`} size="lg">
        {editing !== null && <ResultForm offer={offer} result={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      </Modal>
      <Modal opened={using !== null} onClose={() => setUsing(null)} title={using === 'new' || using === null ? 'Brug hensættelse' : `Ret brugen i ${using.year} af hensættelsen fra ${sourceYear(using)}`} size="lg">
        {using !== null && ledger && <SetAsideUseForm offer={offer} years={ledger.years} use={using === 'new' ? null : using} onClose={() => setUsing(null)} />}
      </Modal>
    </Section>
  );
}
