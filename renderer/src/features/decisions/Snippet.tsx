import { Mark, Text } from '@mantine/core';
import { MARK_END, MARK_START } from '../../../../shared/logic/search-text';

/** Shows a snippet with the matched words highlighted; the text is rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <Text size="sm" c="gray.8">
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>;
        const [hit = '', rest = ''] = part.split(MARK_END);
        return (
          <span key={index}>
            <Mark color="yellow">{hit}</Mark>
            {rest}
          </span>
        );
      })}
    </Text>
  );
}
