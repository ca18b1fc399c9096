import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDownload, IconPlus, IconX } from '@tabler/icons-react';
import type { ProposalContent, TariffLevelContent } from '../../../../../shared/domain/proposal';
import { useVersionEditor } from '../version-editor';
import { CountInput, DecimalInput } from './inputs';

type Hiring = ProposalContent['hiring'][number];

/** Who is hired how many months before the start ("Tilbudsleder, 8 måneder"). */
export function HiringList() {
  const { fields, errors, locked, changeContent } = useVersionEditor();
  const rows = fields.content.hiring;
  const set = (index: number, patch: Partial<Hiring>) => changeContent({ hiring: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>Ansættelse før start</Text>
      {rows.length === 0 && locked && <Text size="sm" c="dimmed">Ikke angivet.</Text>}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput aria-label={`Stilling ${index + 1}`} placeholder="fx Tilbudsleder" value={row.role} readOnly={locked} onChange={(e) => set(index, { role: e.currentTarget.value })} error={errors[`content.hiring.${index}.role`]} style={{ flex: 1 }} />
          <CountInput aria-label={`Måneder før start for stilling ${index + 1}`} suffix=" mdr. før" value={row.monthsBeforeStart} readOnly={locked} onChange={(n) => set(index, { monthsBeforeStart: n ?? 0 })} error={errors[`content.hiring.${index}.monthsBeforeStart`]} w={140} />
          {!locked && (
            <ActionIcon variant="subtle" color="gray" mt={6} aria-label={`Fjern stilling ${index + 1}`} onClick={() => changeContent({ hiring: rows.filter((_, i) => i !== index) })}>
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!locked && (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => changeContent({ hiring: [...rows, { role: '', monthsBeforeStart: 1 }] })}>
          Tilføj stilling
        </Button>
      )}
    </Stack>
  );
}

/** What each tariff level buys (ATA hours a day and a description); its price is the scenario's. */
export function LevelList() {
  const { fields, errors, locked, changeContent, economy } = useVersionEditor();
  const rows = fields.content.levels;
  const set = (index: number, patch: Partial<TariffLevelContent>) => changeContent({ levels: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const chosen = economy?.scenarios.find((s) => s.scenarioId === fields.chosenScenarioId) ?? economy?.scenarios[0];
  const undescribed = chosen?.levels.filter((l) => !rows.some((r) => r.name === l.name)) ?? [];
  const price = (name: string) => chosen?.levels.find((l) => l.name === name)?.dailyTariffOre;

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>Takstniveauer</Text>
      {rows.length === 0 && locked && <Text size="sm" c="dimmed">Ikke beskrevet.</Text>}
      {rows.map((row, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput aria-label={`Navn på takstniveau ${index + 1}`} placeholder="fx Takst 4" value={row.name} readOnly={locked} onChange={(e) => set(index, { name: e.currentTarget.value })} error={errors[`content.levels.${index}.name`]} w={120} />
          <DecimalInput aria-label={`ATA-timer pr. døgn for ${row.name || `takstniveau ${index + 1}`}`} placeholder="ATA t/døgn" suffix=" t ATA" value={row.ataHours} readOnly={locked} onChange={(ataHours) => set(index, { ataHours })} error={errors[`content.levels.${index}.ataHours`]} w={120} />
          <Textarea
            autosize
            minRows={1}
            maxRows={5}
            aria-label={`Beskrivelse af ${row.name || `takstniveau ${index + 1}`}`}
            placeholder="Hvad niveauet dækker"
            value={row.description}
            readOnly={locked}
            onChange={(e) => set(index, { description: e.currentTarget.value })}
            error={errors[`content.levels.${index}.description`]}
            description={price(row.name) !== undefined ? `Døgntakst i scenariet: ${new Intl.NumberFormat('da-DK').format(price(row.name)! / 100)} kr.` : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            style={{ flex: 1 }}
          />
          {!locked && (
            <ActionIcon variant="subtle" color="gray" mt={6} aria-label={`Fjern takstniveau ${index + 1}`} onClick={() => changeContent({ levels: rows.filter((_, i) => i !== index) })}>
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {!locked && (
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => changeContent({ levels: [...rows, { name: '', ataHours: null, description: '' }] })}>
            Tilføj takstniveau
          </Button>
          {undescribed.length > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconDownload size={14} />}
              onClick={() => changeContent({ levels: [...rows, ...undescribed.map((l) => ({ name: l.name, ataHours: null, description: '' }))] })}
            >
              Hent {undescribed.map((l) => l.name).join(', ')} fra scenariet
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
