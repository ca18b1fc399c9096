import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * A field at least as wide as its figure as shown: the width of `shown` characters of its own font (digits are
 * tabular, one `ch` each) and its padding, so a narrow column never cuts an amount.
 */
export const fitsFigure = (shown: string) => ({ minWidth: `calc(${shown.length}ch + 1.75rem)` });

const kroner = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 });

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
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', ...(typeof value === 'number' ? fitsFigure(`${kroner.format(value)} kr.`) : {}) } }}
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

/** A year as it is typed and read: four digits without a thousands separator, from 2000 to 2100. */
export function YearInput(props: Omit<NumberInputProps, 'min' | 'max' | 'allowDecimal' | 'allowNegative' | 'thousandSeparator'>) {
  return <NumberInput min={2000} max={2100} allowDecimal={false} allowNegative={false} thousandSeparator="" {...props} />;
}
