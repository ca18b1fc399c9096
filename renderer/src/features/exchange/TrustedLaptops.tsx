import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconShieldQuestion } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ImportPreviewView, TrustedInstallation } from '../../../../shared/domain/exchange';
import { loadTrusted, setTrusted } from './store';
import { showError } from '../../lib/undo';

/**
 * Where a package comes from, when it is not a laptop on the trusted list: said before its contents, with the choice
 * to trust it from now on (under a name the user gives it).
 */
export function SourceNotice({ preview }: { preview: ImportPreviewView }) {
  const [name, setName] = useState('');
  const [trustedAs, setTrustedAs] = useState<string | null>(preview.source.trustedAs);
  if (trustedAs !== null && preview.sourceNotes.length === 0) return null;
  if (trustedAs !== null) return <Alert variant="light" color="teal">Bærbaren «{trustedAs}» er nu på listen over betroede bærbare.</Alert>;
  async function trust() {
    try {
      await setTrusted({ id: preview.source.installation, name, trusted: true });
      setTrustedAs(name.trim());
    } catch (error) {
      showError(error);
    }
  }
  return (
    <Alert variant="light" color="orange" icon={<IconShieldQuestion size={18} />} title="Ukendt afsender" data-testid="import-source">
      <Stack gap="xs">
        {preview.sourceNotes.map((note) => (
          <Text key={note} size="sm">{note}</Text>
        ))}
        <Group gap="xs" align="flex-end">
          <TextInput size="xs" label="Navn på bærbaren" placeholder="fx Sekretariatets bærbar" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={100} />
          <Button size="xs" variant="light" disabled={name.trim() === ''} onClick={() => void trust()}>Stol på denne bærbar</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The trusted laptops, with a way to take one off the list. */
export function TrustedSection() {
  const [list, setList] = useState<TrustedInstallation[]>([]);
  useEffect(() => {
    loadTrusted().then(setList, () => undefined);
  }, []);
  async function remove(t: TrustedInstallation) {
    try {
      setList(await setTrusted({ ...t, trusted: false }));
    } catch (error) {
      showError(error);
    }
  }
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="xs">
        <Title order={4}>Betroede bærbare</Title>
        <Text size="sm" c="gray.7">
          En pakke fra en bærbar, der ikke står her, siges i forhåndsvisningen. Du føjer en bærbar til, når du indlæser en pakke fra den.
        </Text>
        {list.length === 0 ? (
          <Text size="sm" c="dimmed">Ingen endnu.</Text>
        ) : (
          <Table verticalSpacing={4} aria-label="Betroede bærbare">
            <Table.Tbody>
              {list.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.name}</Table.Td>
                  <Table.Td><Text size="xs" c="dimmed" ff="monospace">{t.id}</Text></Table.Td>
                  <Table.Td ta="right"><Button size="xs" variant="subtle" color="red" onClick={() => void remove(t)}>Fjern</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
