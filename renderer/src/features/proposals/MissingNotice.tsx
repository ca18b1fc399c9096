import { Alert, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { T } from './texts';

/** What stands between a version and an agenda, named field by field (economy.missing). */
export function MissingNotice({ missing, compact = false }: { missing: readonly string[] | undefined; compact?: boolean }) {
  if (!missing) return null;
  if (missing.length === 0) {
    return compact ? null : (
      <Group gap={6} c="teal.8" data-testid="missing-none">
        <IconCircleCheck size={16} />
        <Text size="sm">Alt det nødvendige er udfyldt: versionen kan sættes på en dagsorden.</Text>
      </Group>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} title={T.missingTitle} data-testid="missing" py={compact ? 'xs' : undefined}>
      <Text size="sm">{missing.join(' · ')}</Text>
    </Alert>
  );
}
