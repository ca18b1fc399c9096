import { Stack, Textarea } from '@mantine/core';
import { MissingNotice } from '../MissingNotice';
import { useVersionEditor } from '../version-editor';
import { IntroSections } from './IntroSections';
import { OperationSections } from './OperationSections';
import { Section } from './inputs';

/** «Oplæg»: every field of the ideoplæg, in the order of the NT-1 papers, saved as it is typed. */
export function ContentTab() {
  const { economy, locked, fields, change, errors } = useVersionEditor();
  return (
    <Stack gap="md" data-testid="content-tab">
      {!locked && <MissingNotice missing={economy?.missing} compact />}
      <IntroSections />
      <OperationSections />
      <Section title="Om versionen">
        <Textarea
          label="Bemærkning til versionen"
          autosize
          minRows={1}
          placeholder="fx Revideret efter DAS 27. maj 2021"
          value={fields.note}
          readOnly={locked}
          maxLength={2000}
          onChange={(e) => change({ note: e.currentTarget.value })}
          error={errors.note}
        />
      </Section>
    </Stack>
  );
}
