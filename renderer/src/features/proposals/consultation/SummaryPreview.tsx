import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { messageOf } from '../../../api/client';
import { loadConsultationSummary } from '../store';

const FRAME_STYLE =
  'body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#212529;margin:0;padding:12px 16px}' +
  'h1,h2,h3{font-size:15px;margin:14px 0 4px}p{margin:0 0 8px}table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #dee2e6;padding:4px 6px;text-align:left}';

/** Grows the frame to its document, so the summary reads as part of the page (same origin, no scripts). */
function fit(event: SyntheticEvent<HTMLIFrameElement>) {
  const frame = event.currentTarget;
  const height = frame.contentDocument?.documentElement.scrollHeight;
  if (height) frame.style.height = `${Math.min(height + 4, 900)}px`;
}

/** Who has not answered, and the responses summarised for the case text, as the backend writes it. */
export function SummaryPreview({ proposalId, versionNumber, refreshKey, held }: { proposalId: string; versionNumber: number; refreshKey: string; held: boolean }) {
  const [summary, setSummary] = useState<{ html: string; notAnswered: string[]; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    loadConsultationSummary(proposalId, versionNumber)
      .then(
        (s) => live && setSummary({ ...s, error: null }),
        (error: unknown) => live && setSummary({ html: '', notAnswered: [], error: messageOf(error) }),
      );
    return () => {
      live = false;
    };
  }, [proposalId, versionNumber, refreshKey]);

  if (!held) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="not-answered">
        <Text size="sm" c="dimmed">Versionen har ikke været i høring. Angiv høringsperioden ovenfor, når den sendes i høring.</Text>
      </Paper>
    );
  }
  if (!summary) return <Loader size="sm" />;
  if (summary.error) return <Text size="sm" c="red.8">{summary.error}</Text>;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" data-testid="not-answered">
        <Stack gap="xs">
          <Title order={4}>Har ikke svaret ({summary.notAnswered.length})</Title>
          {summary.notAnswered.length === 0 ? (
            <Group gap={6} c="teal.8">
              <IconCircleCheck size={16} />
              <Text size="sm">Alle i høringskredsen har svaret.</Text>
            </Group>
          ) : (
            <Group gap={6}>
              {summary.notAnswered.map((name) => (
                <Badge key={name} variant="outline" color="gray" tt="none" size="lg" fw={500}>{name}</Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <div>
            <Title order={4}>Sammenfatning til sagsfremstillingen</Title>
            <Text size="xs" c="dimmed">Sådan gengives høringen i dagsordenspunktets afsnit om høring.</Text>
          </div>
          {summary.html.trim() ? (
            <iframe
              title="Sammenfatning af høringssvarene"
              // The backend sanitises the HTML; nothing in the frame can run in any case (no allow-scripts).
              sandbox="allow-same-origin"
              srcDoc={`<!doctype html><html lang="da"><head><meta charset="utf-8"><style>${FRAME_STYLE}</style></head><body>${summary.html}</body></html>`}
              onLoad={fit}
              data-testid="consultation-summary"
              style={{ width: '100%', height: 160, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: 'white' }}
            />
          ) : (
            <Text size="sm" c="dimmed">Intet at sammenfatte endnu.</Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
