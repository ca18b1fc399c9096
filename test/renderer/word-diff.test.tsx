import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConflictCard } from '../../renderer/src/features/exchange/ConflictCard';
import { wordDiff } from '../../renderer/src/lib/word-diff';
import type { ConflictField, ImportPreviewView } from '../../shared/domain/exchange';
import { renderInWindow } from './render';

type Conflict = ImportPreviewView['conflicts'][number];

const conflictOf = (fields: ConflictField[]): Conflict => ({
  entity: 'meetings',
  entityLabel: 'Møde',
  id: '00000000-0000-4000-8000-000000000001',
  label: 'DAS-møde 25. marts 2027',
  localUpdatedAt: '2027-03-01T09:00:00.000Z',
  incomingUpdatedAt: '2027-03-02T09:00:00.000Z',
  incomingDeleted: false,
  canKeepBoth: true,
  noBase: false,
  fields,
  theirs: [],
  mine: [],
});

/** The conflict card as the user sees it: per column of one field's row, the text and the words marked in it. */
function shownRow(field: string) {
  const row = screen.getAllByTestId('conflict-field').find((r) => r.dataset.field === field)!;
  const [, base, here, incoming] = within(row).getAllByRole('cell');
  const marked = (cell: HTMLElement) => [...cell.querySelectorAll('mark')].map((m) => m.textContent);
  return {
    base: base!.textContent,
    here: { text: here!.textContent, marked: marked(here!) },
    incoming: { text: incoming!.textContent, marked: marked(incoming!) },
  };
}

const render = (fields: ConflictField[]) =>
  renderInWindow(
    <ConflictCard conflict={conflictOf(fields)} recordChoice="mine" fieldChoice={() => 'mine'} onRecord={() => {}} onField={() => {}} disabled={false} />,
  );

describe('the word diff (renderer/src/lib/word-diff.ts) as the import’s conflict card shows it', () => {
  it('marks in each laptop’s column only the words that laptop changed from the common version', () => {
    render([
      { field: 'location', label: 'Sted', rich: false, base: 'Mødelokale 2, Aalborg Rådhus', local: 'Mødelokale 3, Aalborg Rådhus', incoming: 'Mødelokale 2, Hjørring Rådhus' },
    ]);
    const row = shownRow('location');
    expect(row.base).toBe('Mødelokale 2, Aalborg Rådhus');
    expect(row.here).toEqual({ text: 'Mødelokale 3, Aalborg Rådhus', marked: ['3, '] });
    expect(row.incoming).toEqual({ text: 'Mødelokale 2, Hjørring Rådhus', marked: ['Hjørring '] });
  });

  it('marks a run of added words as one, and words moved apart separately', () => {
    render([
      {
        field: 'resume',
        label: 'Resumé',
        rich: true,
        base: 'Takststigningen forlænges til 2028.',
        local: 'Takststigningen forlænges til 2028.',
        incoming: 'Den aftalte takststigning forlænges til udgangen af 2029.',
      },
    ]);
    const row = shownRow('resume');
    expect(row.here).toEqual({ text: 'Takststigningen forlænges til 2028.', marked: [] });
    expect(row.incoming).toEqual({ text: 'Den aftalte takststigning forlænges til udgangen af 2029.', marked: ['Den aftalte takststigning ', 'udgangen af 2029.'] });
  });

  it('without a common version, marks each side against the other', () => {
    render([{ field: 'location', label: 'Sted', rich: false, base: null, local: 'Aalborg Rådhus', incoming: 'Hjørring Rådhus' }]);
    const row = shownRow('location');
    expect(row.base).toBe('ukendt');
    expect(row.here.marked).toEqual(['Aalborg ']);
    expect(row.incoming.marked).toEqual(['Hjørring ']);
  });

  it('keeps every word and space of both texts, and gives up marking only beyond 1.500 words a side', () => {
    const diff = wordDiff('a  b\nc d', 'a b\nx d')!;
    expect(diff.from.map((r) => r.text).join('')).toBe('a  b\nc d');
    expect(diff.to.map((r) => r.text).join('')).toBe('a b\nx d');
    expect(diff.to.filter((r) => r.changed).map((r) => r.text)).toEqual(['x ']);
    const long = Array.from({ length: 1501 }, (_, i) => `ord${i}`).join(' ');
    expect(wordDiff(long, 'ord0')).toBeNull();
    expect(wordDiff(long.split(' ').slice(0, 1500).join(' '), 'ord0')).not.toBeNull();
  });
});
