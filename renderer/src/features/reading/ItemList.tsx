import { Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ReadingDocument } from './store';
import { TEXTS } from './texts';

interface Props {
  items: ReadingDocument['items'];
  current: string | null;
  loading: boolean;
  onJump(itemId: string): void;
}

/** The items beside the papers: Tab reaches them, Enter or a click jumps there; the one being read is marked. */
export function ItemList({ items, current, loading, onJump }: Props) {
  const list = useRef<HTMLDivElement>(null);
  // The marked item stays in sight in a long list while the papers scroll.
  useEffect(() => {
    list.current?.querySelector('[aria-current="location"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  return (
    <Stack component="nav" aria-label={TEXTS.items} gap={6} w={{ base: 250, xl: 290 }} style={{ flexShrink: 0, minHeight: 0 }}>
      <Text component="h2" size="sm" fw={600} c="dimmed" tt="uppercase" px="xs" style={{ letterSpacing: '0.04em' }}>{TEXTS.items}</Text>
      <ScrollArea style={{ flex: 1 }} offsetScrollbars type="auto">
        {loading ? <Loader size="sm" m="xs" /> : items.length === 0 ? <Text size="sm" c="dimmed" px="xs">{TEXTS.noItems}</Text> : (
          <div ref={list}>
            <Stack component="ol" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <li key={item.id}>
                  <NavLink
                    component="button"
                    type="button"
                    active={item.id === current}
                    aria-current={item.id === current ? 'location' : undefined}
                    onClick={() => onJump(item.id)}
                    data-testid="reading-item"
                    leftSection={<Text span size="sm" fw={700} c="dimmed" w={22} ta="right">{item.number}</Text>}
                    label={item.title}
                    styles={{ root: { borderRadius: 'var(--mantine-radius-sm)', alignItems: 'flex-start' }, label: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.4 } }}
                  />
                </li>
              ))}
            </Stack>
          </div>
        )}
      </ScrollArea>
    </Stack>
  );
}
