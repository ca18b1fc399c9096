import { Drawer, Stack, Text, Timeline } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { HistoryEntry } from '../../../../shared/domain/agenda';
import { formatTimestamp } from '../../../../shared/format';
import { loadHistory } from './store';
import { showError } from '../../lib/undo';

type Entry = z.infer<typeof HistoryEntry>;
const ACTIONS: Record<Entry['action'], string> = { oprettet: 'oprettede', aendret: 'ændrede', slettet: 'slettede', gendannet: 'gendannede' };
const FIELD_LABELS: Record<string, string> = {
  title: 'titel', kind: 'punkttype', closed: 'lukket', closed_title_visible: 'titel synlig', case_number: 'sagsnummer', case_officer: 'sagsbehandler',
  resume: 'resumé', case_text: 'sagsfremstilling', economy: 'økonomi', consultation: 'høring', indstilling: 'indstilling', gæster: 'gæster',
  beslutning: 'beslutningstekst', udfald: 'udfald', forbehold: 'forbehold', placering: 'placering', status: 'status', opfølgning: 'opfølgning',
};

const short = (value: unknown) => {
  const text = (Array.isArray(value) ? value.join('; ') : String(value ?? '–')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 80)} …` : text || '–';
};

/** Who changed what and when, newest first. */
export function HistoryDrawer({ itemId, onClose }: { itemId: string | null; onClose(): void }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    if (itemId) loadHistory(itemId).then(setEntries, showError);
  }, [itemId]);
  return (
    <Drawer opened={itemId !== null} onClose={onClose} position="right" size={460} title={<Text fw={600}>Historik for punktet</Text>}>
      <Timeline bulletSize={14} lineWidth={2}>
        {entries.map((e) => (
          <Timeline.Item key={e.id} title={<Text size="sm"><b>{e.userName}</b> {ACTIONS[e.action]} {e.entity}</Text>}>
            <Text size="xs" c="dimmed">{formatTimestamp(e.at)}</Text>
            <Stack gap={2} mt={4}>
              {Object.entries(e.changes).map(([field, change]) => (
                <Text key={field} size="xs"><b>{FIELD_LABELS[field] ?? field}:</b> {short(change.before)} → {short(change.after)}</Text>
              ))}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Drawer>
  );
}
