import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { STANDING_ITEMS, STANDING_KINDS, type SectionKey } from '../../../../shared/domain/agenda';
import { BodyPeople, type PeopleDraft } from './BodyPeople';
import {
  ATTACHMENT_NUMBERING_LABELS,
  ATTACHMENT_NUMBERINGS,
  BodyDraft,
  ITEM_BREAK_LABELS,
  ITEM_BREAKS,
  PAPER_LAYOUT_LABELS,
  PAPER_LAYOUTS,
  type AttachmentNumbering,
  type Body,
  type ItemBreak,
  type PaperLayout,
} from '../../../../shared/domain/body';
import { ApiError, messageOf } from '../../api/client';
import { removeWithUndo, showError } from '../../lib/undo';
import { createBody, deleteBody, restoreBody, updateBody, useReference } from '../../stores/reference';
import { loadBodyDetails } from './store';
import { fieldErrors } from '../../lib/field-errors';

export function BodiesSection() {
  const bodies = useReference((s) => s.bodies);
  const [editing, setEditing] = useState<Body | 'new' | null>(null);

  const remove = (body: Body) =>
    removeWithUndo(
      `${body.code} er slettet.`,
      () => deleteBody(body.id),
      () => restoreBody(body.id),
    );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <div>
            <Title order={4}>Organer</Title>
            <Text size="sm" c="dimmed">DAS, FU, KKR og de chefkredse og grupper, sekretariatet holder møder for.</Text>
          </div>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>Nyt organ</Button>
        </Group>
        <Table verticalSpacing="xs" aria-label="Organer">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Forkortelse</Table.Th>
              <Table.Th>Navn</Table.Th>
              <Table.Th w={90} ta="right">Møder</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {bodies.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={600}>{b.code}</Table.Td>
                <Table.Td>
                  <Text size="sm">{b.name}</Text>
                  {b.description && <Text size="xs" c="dimmed">{b.description}</Text>}
                </Table.Td>
                <Table.Td ta="right">{b.meetingCount}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label="Redigér"><ActionIcon variant="subtle" aria-label={`Redigér ${b.code}`} onClick={() => setEditing(b)}><IconPencil size={16} /></ActionIcon></Tooltip>
                    <Tooltip label="Slet"><ActionIcon variant="subtle" color="red" aria-label={`Slet ${b.code}`} onClick={() => void remove(b)}><IconTrash size={16} /></ActionIcon></Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? 'Nyt organ' : 'Redigér organ'} size={editing === 'new' ? 'md' : 'xl'}>
        {editing !== null && <BodyForm body={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  );
}

function BodyForm({ body, onDone }: { body: Body | null; onDone(): void }) {
  const [value, setValue] = useState({
    code: body?.code ?? '',
    name: body?.name ?? '',
    description: body?.description ?? '',
    attachmentNumbering: body?.attachmentNumbering ?? 'meeting',
    paperLayout: body?.paperLayout ?? 'A',
    itemBreak: body?.itemBreak ?? 'page',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [people, setPeople] = useState<PeopleDraft | null>(null);

  useEffect(() => {
    if (!body) return;
    loadBodyDetails(body).then(([members, relations, template]) => {
      setPeople({
        members: members.map(({ name, organisation, role }) => ({ name, organisation, role })),
        relations: relations.filter((r) => r.fromBodyId === body.id).map(({ toBodyId, kind }) => ({ toBodyId, kind })),
        hidden: body.hiddenSections as SectionKey[],
        template: STANDING_KINDS.map((standing) => {
          const own = template.find((t) => t.standing === standing);
          return own ? { ...own, use: true } : { standing, ...STANDING_ITEMS[standing], recommendation: '', use: false };
        }),
      });
    }, showError);
  }, [body]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const check = BodyDraft.safeParse(value);
    if (!check.success) return setErrors(fieldErrors(check.error.issues));
    try {
      if (body) {
        const details = people && {
          members: people.members.filter((m) => m.name.trim()),
          relations: people.relations.filter((r) => r.toBodyId),
          hidden: people.hidden,
          template: people.template.filter((t) => t.use && t.title.trim()).map(({ use: _use, ...t }) => t),
        };
        await updateBody(body, check.data, details);
      } else await createBody(check.data);
      onDone();
    } catch (error) {
      setErrors(error instanceof ApiError && Object.keys(error.fields).length > 0 ? error.fields : { code: messageOf(error) });
    }
  }

  const set = (key: keyof typeof value) => (e: { currentTarget: { value: string } }) => setValue({ ...value, [key]: e.currentTarget.value });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput label="Forkortelse" required data-autofocus placeholder="fx FU" value={value.code} onChange={set('code')} error={errors.code} />
        <TextInput label="Navn" required placeholder="fx Forretningsudvalget (FU Social)" value={value.name} onChange={set('name')} error={errors.name} />
        <Textarea label="Beskrivelse" autosize minRows={2} value={value.description} onChange={set('description')} error={errors.description} />
        <Select
          label="Bilagsnumre"
          description="Som organets papirer nummererer bilagene; «jf. bilag N» i teksten skal følge samme nummerering."
          data={ATTACHMENT_NUMBERINGS.map((mode) => ({ value: mode, label: ATTACHMENT_NUMBERING_LABELS[mode] }))}
          value={value.attachmentNumbering}
          onChange={(mode) => mode && setValue({ ...value, attachmentNumbering: mode as AttachmentNumbering })}
          allowDeselect={false}
          error={errors.attachmentNumbering}
        />
        <Select
          label="Layout af dagsorden og referat"
          description="A som DAS’ papirer; C med (Offentlig)/(Fortrolig) i overskriften og Beslutninger før Bilag."
          data={PAPER_LAYOUTS.map((layout) => ({ value: layout, label: PAPER_LAYOUT_LABELS[layout] }))}
          value={value.paperLayout}
          // Layout C's papers run on continuous pages; the choice below can still be changed.
          onChange={(layout) => layout && setValue({ ...value, paperLayout: layout as PaperLayout, itemBreak: layout === 'C' ? 'continuous' : 'page' })}
          allowDeselect={false}
          error={errors.paperLayout}
        />
        <Select
          label="Sideskift"
          description="Om hvert punkt begynder på en ny side."
          data={ITEM_BREAKS.map((mode) => ({ value: mode, label: ITEM_BREAK_LABELS[mode] }))}
          value={value.itemBreak}
          onChange={(mode) => mode && setValue({ ...value, itemBreak: mode as ItemBreak })}
          allowDeselect={false}
          error={errors.itemBreak}
        />
        {body && people && <BodyPeople bodyId={body.id} value={people} onChange={setPeople} />}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>Annuller</Button>
          <Button type="submit">{body ? 'Gem' : 'Opret organ'}</Button>
        </Group>
      </Stack>
    </form>
  );
}
