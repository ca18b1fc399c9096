import { ActionIcon, Box, Text, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { T } from './texts';

/**
 * Marks inputs a variant changes from its base (a dark yellow edge, as in the comparison, and the word «Ændret»:
 * not by colour alone) and offers to take the base's value back. On a base scenario it is a plain box.
 */
export function Changed({ changed, onReset, children }: { changed: boolean; onReset?: () => void; children: ReactNode }) {
  if (!changed) return <Box>{children}</Box>;
  return (
    <Box
      data-overridden="true"
      pos="relative"
      pl={8}
      pr={onReset ? 32 : 8}
      py={4}
      bg="yellow.0"
      style={{ borderLeft: '4px solid var(--mantine-color-yellow-8)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Text size="xs" fw={700} c="yellow.9" pos="absolute" top={8} right={onReset ? 36 : 10} data-testid="changed-marker">
        {T.changedField}
      </Text>
      {children}
      {onReset && (
        <Tooltip label={T.resetField}>
          <ActionIcon variant="subtle" color="yellow.9" size="sm" pos="absolute" top={6} right={6} onClick={onReset} aria-label={T.resetField}>
            <IconArrowBackUp size={14} />
          </ActionIcon>
        </Tooltip>
      )}
    </Box>
  );
}
