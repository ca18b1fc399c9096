import { ActionIcon, Box, NumberInput, Tooltip, type NumberInputProps } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { T } from './texts';

/** Kroner as Danes type them: 22.900.000 or 1.234,50 (negative only where allowNegative is given, e.g. a deficit). */
export function KronerInput(props: Omit<NumberInputProps, 'onChange' | 'value'> & { value: unknown; onChange: (value: number | string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      decimalScale={2}
      suffix=" kr."
      hideControls
      allowNegative={false}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={onChange}
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      {...rest}
    />
  );
}

/** A fraction (0.9) shown and typed as a percentage (90 %); an unfinished entry passes through as text for validation. */
export function PercentInput(props: Omit<NumberInputProps, 'onChange' | 'value'> & { value: unknown; onChange: (fraction: number | string) => void }) {
  const { value, onChange, ...rest } = props;
  return (
    <NumberInput
      decimalSeparator=","
      decimalScale={2}
      suffix=" %"
      min={0}
      max={100}
      hideControls
      allowNegative={false}
      value={typeof value === 'number' ? Math.round(value * 10_000) / 100 : ''}
      onChange={(v) => onChange(typeof v === 'number' ? Math.round(v * 100) / 10_000 : v)}
      {...rest}
    />
  );
}

/**
 * Marks inputs a variant changes from its base (yellow edge, as in the comparison) and offers to take the base's value
 * back. On a base scenario it is a plain box.
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
      style={{ borderLeft: '3px solid var(--mantine-color-yellow-6)', borderRadius: 'var(--mantine-radius-sm)' }}
    >
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
