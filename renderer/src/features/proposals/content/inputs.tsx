import { NumberInput, TagsInput, Textarea, type NumberInputProps, type TagsInputProps, type TextareaProps } from '@mantine/core';
import { useState } from 'react';

export { Section } from '../../../components/Section';

/** Paragraphs of plain text, growing with their content. */
export function ProseInput(props: Omit<TextareaProps, 'onChange'> & { onChange(value: string): void }) {
  const { onChange, ...rest } = props;
  return <Textarea autosize minRows={2} maxRows={14} onChange={(e) => onChange(e.currentTarget.value)} {...rest} />;
}

/** A whole number that may be left empty (null), typed as Danes do: 10.000. */
export function CountInput(props: Omit<NumberInputProps, 'onChange' | 'value'> & { value: number | null; onChange(value: number | null): void }) {
  const { value, onChange, ...rest } = props;
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      hideControls
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number.isNaN(Number(v)) ? null : Number(v))}
      {...rest}
    />
  );
}

/** A decimal number that may be left empty: 6,5. */
export function DecimalInput(props: Omit<NumberInputProps, 'onChange' | 'value'> & { value: number | null; onChange(value: number | null): void }) {
  const { value, onChange, ...rest } = props;
  return (
    <NumberInput
      decimalSeparator=","
      thousandSeparator="."
      decimalScale={2}
      allowNegative={false}
      hideControls
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      {...rest}
    />
  );
}

/** Short items as tags: Enter or a semicolon adds one (names carry commas: «Specialsektoren, Region Nordjylland»). */
export function TagList(props: Omit<TagsInputProps, 'onChange' | 'value'> & { value: string[]; onChange(value: string[]): void }) {
  const { value, onChange, readOnly, ...rest } = props;
  return (
    <TagsInput
      value={value}
      onChange={(v) => onChange(v.map((s) => s.trim()).filter(Boolean))}
      acceptValueOnBlur
      splitChars={[';']}
      clearable={!readOnly}
      readOnly={readOnly}
      {...rest}
      placeholder={readOnly || value.length > 0 ? undefined : (rest.placeholder ?? 'Skriv og tryk Enter')}
    />
  );
}

/** Longer items, one per line (tariff rules, caveats). Blank lines are left out. */
export function LineList(props: Omit<TextareaProps, 'onChange' | 'value'> & { value: string[]; onChange(value: string[]): void }) {
  const { value, onChange, ...rest } = props;
  const [text, setText] = useState(() => value.join('\n'));
  const items = (t: string) => t.split('\n').map((s) => s.trim()).filter(Boolean);
  // The list changed from outside (another version, a merge): show it, unless it is what is being typed.
  const shown = JSON.stringify(items(text)) === JSON.stringify(value) ? text : value.join('\n');
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={14}
      value={shown}
      description={rest.readOnly ? undefined : 'Ét punkt pr. linje'}
      onChange={(e) => {
        setText(e.currentTarget.value);
        onChange(items(e.currentTarget.value));
      }}
      {...rest}
    />
  );
}
