import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { RELATION_KINDS, RELATION_LABELS, type RelationKind } from '../../../../shared/domain/body';
import { SECTION_KEYS, SECTION_LABELS, STANDING_ITEMS, type SectionKey, type StandingItemTemplate } from '../../../../shared/domain/agenda';
import { useReference } from '../../stores/reference';

export interface PeopleDraft {
  members: { name: string; organisation: string; role: string }[];
  relations: { toBodyId: string; kind: RelationKind }[];
  hidden: SectionKey[];
  /** Every standing kind with its wording; `use` says whether the body's agendas have it. */
  template: (StandingItemTemplate & { use: boolean })[];
}


/** Members, relations to other bodies and unused sections of one body, edited in its dialog. */
export function BodyPeople({ bodyId, value, onChange }: { bodyId: string; value: PeopleDraft; onChange(v: PeopleDraft): void }) {
  const bodies = useReference((s) => s.bodies).filter((b) => b.id !== bodyId);
  const setMember = (i: number, patch: Partial<PeopleDraft['members'][number]>) => onChange({ ...value, members: value.members.map((m, n) => (n === i ? { ...m, ...patch } : m)) });
  const setTemplate = (i: number, patch: Partial<PeopleDraft['template'][number]>) => onChange({ ...value, template: value.template.map((t, n) => (n === i ? { ...t, ...patch } : t)) });
  const setRelation = (i: number, patch: Partial<PeopleDraft['relations'][number]>) => onChange({ ...value, relations: value.relations.map((r, n) => (n === i ? { ...r, ...patch } : r)) });
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" fw={500}>Medlemmer</Text>
        {value.members.map((m, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <TextInput aria-label={`Medlem ${i + 1} navn`} placeholder="Navn" value={m.name} onChange={(e) => setMember(i, { name: e.currentTarget.value })} style={{ flex: 2 }} />
            <TextInput aria-label={`Medlem ${i + 1} organisation`} placeholder="Organisation" value={m.organisation} onChange={(e) => setMember(i, { organisation: e.currentTarget.value })} style={{ flex: 2 }} />
            <TextInput aria-label={`Medlem ${i + 1} rolle`} placeholder="Rolle, fx formand" value={m.role} onChange={(e) => setMember(i, { role: e.currentTarget.value })} style={{ flex: 1.3 }} />
            <ActionIcon variant="subtle" color="gray" aria-label={`Fjern medlem ${i + 1}`} onClick={() => onChange({ ...value, members: value.members.filter((_, n) => n !== i) })}><IconX size={16} /></ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...value, members: [...value.members, { name: '', organisation: '', role: '' }] })}>Tilføj medlem</Button>
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500}>Relationer til andre organer</Text>
        {value.relations.map((r, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <Select aria-label={`Relation ${i + 1}`} data={RELATION_KINDS.map((k) => ({ value: k, label: RELATION_LABELS[k] }))} value={r.kind} allowDeselect={false} onChange={(v) => v && setRelation(i, { kind: v as RelationKind })} style={{ flex: 1 }} />
            <Select aria-label={`Relation ${i + 1} organ`} placeholder="Organ" data={bodies.map((b) => ({ value: b.id, label: `${b.code} – ${b.name}` }))} value={r.toBodyId || null} onChange={(v) => v && setRelation(i, { toBodyId: v })} style={{ flex: 2 }} />
            <ActionIcon variant="subtle" color="gray" aria-label={`Fjern relation ${i + 1}`} onClick={() => onChange({ ...value, relations: value.relations.filter((_, n) => n !== i) })}><IconX size={16} /></ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...value, relations: [...value.relations, { toBodyId: '', kind: 'forbereder' }] })}>Tilføj relation</Button>
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500}>Faste punkter på dagsordenen</Text>
        {value.template.map((t, i) => (
          <Group key={t.standing} gap="xs" wrap="nowrap">
            <Checkbox aria-label={`Brug ${STANDING_ITEMS[t.standing].title}`} checked={t.use} onChange={(e) => setTemplate(i, { use: e.currentTarget.checked })} />
            <TextInput aria-label={`Titel for ${STANDING_ITEMS[t.standing].title}`} value={t.title} disabled={!t.use} onChange={(e) => setTemplate(i, { title: e.currentTarget.value })} style={{ flex: 1 }} />
            <TextInput aria-label={`Indstilling for ${STANDING_ITEMS[t.standing].title}`} placeholder="Indstilling (valgfri)" value={t.recommendation} disabled={!t.use} onChange={(e) => setTemplate(i, { recommendation: e.currentTarget.value })} style={{ flex: 2 }} />
          </Group>
        ))}
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={500}>Afsnit, organet bruger i sine punkter</Text>
        <Group gap="md">
          {SECTION_KEYS.map((key) => (
            <Checkbox key={key} label={SECTION_LABELS[key]} checked={!value.hidden.includes(key)} onChange={(e) => onChange({ ...value, hidden: e.currentTarget.checked ? value.hidden.filter((h) => h !== key) : [...value.hidden, key] })} />
          ))}
        </Group>
      </Stack>
    </Stack>
  );
}
