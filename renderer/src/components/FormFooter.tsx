import { Button, Group, Text, type MantineSpacing } from '@mantine/core';

/**
 * A dialog form's foot: «Annuller» and the submit button at the right, and above them a refused write's Danish message
 * (in the dialog, beside its button: a notification would cover the button at 1280×720).
 */
export function FormFooter({ submitLabel, busy, onCancel, error, mt = 'sm' }: { submitLabel: string; busy: boolean; onCancel(): void; error?: string | null; mt?: MantineSpacing }) {
  return (
    <>
      {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      <Group justify="flex-end" mt={mt}>
        <Button variant="default" onClick={onCancel}>Annuller</Button>
        <Button type="submit" loading={busy}>{submitLabel}</Button>
      </Group>
    </>
  );
}
