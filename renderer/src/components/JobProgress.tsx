import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';

const percent = new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 });

/**
 * A running job: what it is doing, how far it is, and «Afbryd». The bar is striped and moving while the fraction is
 * unknown; the button is disabled once the work is being saved and can no longer be undone by stopping it.
 */
export function JobProgress({ step, fraction, cancellable = true, onCancel }: { step: string; fraction: number | null; cancellable?: boolean; onCancel(): void }) {
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="job-progress">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" fw={500} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {step}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {fraction !== null && (
            <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {percent.format(fraction)}
            </Text>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlayerStop size={14} />}
            onClick={onCancel}
            disabled={!cancellable}
            title={cancellable ? 'Stop arbejdet; intet bliver halvt gjort' : 'Gemmes nu og kan ikke længere afbrydes'}
          >
            Afbryd
          </Button>
        </Group>
      </Group>
      <Progress value={fraction === null ? 100 : fraction * 100} striped={fraction === null} animated={fraction === null} size="md" aria-label={step} />
    </Stack>
  );
}
