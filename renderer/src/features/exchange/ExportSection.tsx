import { Button, Group, MultiSelect, Paper, Radio, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackageExport } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { ExchangeScope } from '../../../../shared/exchange/manifest';
import { formatFileSize, formatNumericDate } from '../../../../shared/format';
import { saveExport } from '../../lib/files';
import { startExport } from './store';
import { JobProgress } from '../../components/JobProgress';
import { progressOf, useJob } from '../../lib/jobs';
import { showError } from '../../lib/undo';
import { loadMeetings, useMeetings } from '../meetings/store';
import { loadScenarios, useScenarios } from '../scenarios/store';

type ScopeKind = ExchangeScope['kind'];

const SCOPE_CHOICES: { kind: ScopeKind; label: string; description: string }[] = [
  { kind: 'all', label: 'Hele databasen', description: 'Alt: organer, møder, punkter, beslutninger, opfølgninger, bilag og takstscenarier. Til en ny bærbar eller en kollega.' },
  { kind: 'meeting', label: 'Ét møde', description: 'Mødet med dets punkter, beslutninger og bilag.' },
  { kind: 'scenarios', label: 'Takstscenarier', description: 'De valgte scenarier med deres frosne versioner (en variant tager sit grundscenarie med).' },
  { kind: 'decisions', label: 'Beslutningsregistret', description: 'Alle beslutninger og opfølgninger med de punkter og møder, de hører til (uden bilag).' },
];

/** Writes an exchange package of a chosen scope and hands it to the user (a download, or a save dialog on the desktop). */
export function ExportSection() {
  const [kind, setKind] = useState<ScopeKind>('all');
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [scenarioIds, setScenarioIds] = useState<string[]>([]);
  const { items: meetings, loaded: meetingsLoaded } = useMeetings();
  const { items: scenarios, loaded: scenariosLoaded } = useScenarios();
  const job = useJob();

  useEffect(() => {
    if (kind === 'meeting' && !meetingsLoaded) void loadMeetings().catch(showError);
    if (kind === 'scenarios' && !scenariosLoaded) void loadScenarios().catch(showError);
  }, [kind, meetingsLoaded, scenariosLoaded]);

  const meetingOptions = useMemo(
    () => [...meetings].sort((a, b) => b.date.localeCompare(a.date)).map((m) => ({ value: m.id, label: `${m.bodyCode} ${formatNumericDate(m.date)}${m.location ? ` – ${m.location}` : ''}` })),
    [meetings],
  );
  const scenarioOptions = useMemo(() => scenarios.map((s) => ({ value: s.id, label: s.name })), [scenarios]);

  const scope: ExchangeScope | null =
    kind === 'meeting' ? (meetingId ? { kind, id: meetingId } : null) : kind === 'scenarios' ? (scenarioIds.length ? { kind, ids: scenarioIds } : null) : { kind };

  async function exportPackage() {
    if (!scope) return;
    const done = await job.run('export', () => startExport(scope), 'Eksporten blev afbrudt; der er ikke gemt nogen halv pakke.');
    if (!done) return;
    const made = done.export;
    let saved = false;
    try {
      saved = await saveExport(made.exportId);
    } catch (error) {
      showError(error);
    }
    if (saved) notifications.show({ color: 'teal', title: 'Pakken er gemt', message: `${made.fileName} (${formatFileSize(made.bytes)}). Send den til modtageren, som indlæser den under Udveksling.`, autoClose: 10000 });
  }

  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <div>
          <Title order={4}>Eksportér en pakke</Title>
          <Text size="sm" c="dimmed" maw={720}>
            En pakke (.sekretariat) er én fil med posterne og bilagenes filer, kontrolleret med SHA-256. Modtageren ser, hvad der er nyt og ændret, før noget bliver
            skrevet, og det, der er ændret begge steder, afgøres post for post.
          </Text>
        </div>
        <Radio.Group value={kind} onChange={(value) => setKind(value as ScopeKind)} label="Hvad skal med?">
          <Stack gap={8} mt={6}>
            {SCOPE_CHOICES.map((choice) => (
              <Radio key={choice.kind} value={choice.kind} label={choice.label} description={choice.description} disabled={job.running} />
            ))}
          </Stack>
        </Radio.Group>
        {kind === 'meeting' && (
          <Select
            label="Møde"
            placeholder="Søg på organ, dato eller sted"
            data={meetingOptions}
            value={meetingId}
            onChange={setMeetingId}
            searchable
            limit={100}
            nothingFoundMessage="Intet møde passer"
            maw={480}
            disabled={job.running}
          />
        )}
        {kind === 'scenarios' && (
          <MultiSelect
            label="Takstscenarier"
            placeholder={scenarioIds.length ? '' : 'Vælg et eller flere'}
            data={scenarioOptions}
            value={scenarioIds}
            onChange={setScenarioIds}
            searchable
            nothingFoundMessage="Intet scenarie passer"
            maw={640}
            disabled={job.running}
          />
        )}
        {job.status ? (
          <JobProgress {...progressOf(job.status)} onCancel={() => void job.cancel().catch(showError)} />
        ) : (
          <Group>
            <Button leftSection={<IconPackageExport size={16} />} disabled={!scope} onClick={() => void exportPackage()}>
              Eksportér pakke
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
