import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { OUTCOME_LABELS, type ItemReference } from '../../../../shared/domain/agenda';
import { formatNumericDate, itemCitation } from '../../../../shared/format';
import { showError } from '../../lib/undo';
import { openAgendaItem } from '../agenda/store';
import { loadDecisionChoices, loadItemReferences, useItemReferences } from './store';

/** DAS decides the annual ind- og udmelding, FU between its meetings. */
export const CATEGORY_DECIDERS = ['DAS', 'FU'];
/** FU approves an in-year change of a sheet; DAS may have decided it itself. */
export const VERSION_DECIDERS = ['FU', 'DAS'];


/**
 * The agenda item that decided, picked by typing any part of the date, body, number or title. Items with a recorded
 * decision come first, then the bodies in the order given; newest meeting first within each group.
 */
export function DecidingItemSelect({ bodyCodes, value, onChange, label, description, error }: {
  bodyCodes: string[];
  value: string | null;
  onChange(itemId: string | null): void;
  label: string;
  description: string;
  error?: string;
}) {
  const [choices, setChoices] = useState<ItemReference[] | null>(null);
  const bodies = bodyCodes.join(',');
  useEffect(() => {
    loadDecisionChoices(bodies.split(',')).then(setChoices, showError);
  }, [bodies]);
  const byId = useMemo(() => new Map((choices ?? []).map((c) => [c.itemId, c])), [choices]);
  const groups = useMemo(() => {
    const order = bodies.split(',');
    return [true, false].flatMap((decided) =>
      order.map((code) => ({
        group: `${code}-punkter ${decided ? 'med beslutning' : 'uden beslutning endnu'}`,
        items: (choices ?? []).filter((c) => c.bodyCode === code && c.hasDecision === decided).map((c) => ({ value: c.itemId, label: itemCitation(c) })),
      })),
    ).filter((g) => g.items.length > 0);
  }, [choices, bodies]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={choices === null ? 'Henter dagsordenspunkter …' : 'Søg på dato, punkt eller titel'}
      searchable
      clearable
      selectFirstOptionOnChange
      data={groups}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage="Intet dagsordenspunkt passer"
      maxDropdownHeight={320}
      limit={200}
      comboboxProps={{ position: 'bottom-start' }}
      renderOption={({ option }) => {
        const ref = byId.get(option.value);
        if (!ref) return option.label;
        // Two lines, so that a long title wraps instead of being cut.
        return (
          <Stack gap={0}>
            <Group gap={6}>
              <Text size="sm" fw={600}>{ref.bodyCode} {formatNumericDate(ref.meetingDate)}, punkt {ref.itemNumber}</Text>
              {ref.outcome && <Badge size="xs" variant="light" color="teal" tt="none">{OUTCOME_LABELS[ref.outcome]}</Badge>}
              {ref.closed && <Badge size="xs" variant="outline" color="gray" tt="none">Lukket</Badge>}
            </Group>
            <Text size="sm">{ref.itemTitle}</Text>
          </Stack>
        );
      }}
    />
  );
}

/** The cited item as a link to it on its meeting's agenda; a deleted item is said to be so. */
export function DecidingItemLink({ itemId }: { itemId: string }) {
  const ref = useItemReferences((s) => s[itemId]);
  useEffect(() => {
    loadItemReferences([itemId]).catch(showError);
  }, [itemId]);
  if (ref === undefined) return <Text span size="sm" c="dimmed">Dagsordenspunkt …</Text>;
  if (ref === null) return <Text span size="sm" c="dimmed">Et dagsordenspunkt, der siden er slettet</Text>;
  return (
    <Anchor
      size="sm"
      href={`#/moeder/${ref.meetingId}`}
      data-testid="deciding-item"
      onClick={(e) => {
        e.preventDefault();
        openAgendaItem(ref.meetingId, ref.itemId).catch(showError);
      }}
    >
      {itemCitation(ref)}
    </Anchor>
  );
}
