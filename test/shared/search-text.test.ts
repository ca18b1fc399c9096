import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDanish } from '../../shared/format/fold';
import { makeSnippet, MARK_END, MARK_START, parseSearchQuery } from '../../shared/logic/search-text';

const show = (s: string) => s.replaceAll(MARK_START, '[').replaceAll(MARK_END, ']');

describe('Danish folding', () => {
  it('spells æ, ø, å out and folds case', () => {
    expect(foldDanish('Ålborg ÆRØ Møde')).toBe('aalborg aeroe moede');
    expect(foldDanish('Aabenraa')).toBe(foldDanish('Åbenrå'));
    expect(foldDanish('Café Über')).toBe('cafe uber');
  });

  it('folds every code point on its own and leaves plain ASCII, astral letters and lone surrogates in place', () => {
    expect(foldDanish('ÅRSRAPPORT 2020 – Ærø, naïve façade ß')).toBe('aarsrapport 2020 – aeroe, naive facade ss');
    expect(foldDanish('emoji 😀, lone surrogate \ud800 end')).toBe('emoji 😀, lone surrogate \ud800 end');
    expect(foldDanish('plain ascii !@#$%^&*()[]{}<>\t\n')).toBe('plain ascii !@#$%^&*()[]{}<>\t\n');
    expect(foldDanish('')).toBe('');
  });
});

describe('parseSearchQuery', () => {
  it.each([
    ['selvskade', ['selvskade'], '"selvskade"*'],
    ['Læsø Morsø', ['laesoe', 'morsoe'], '"laesoe"* "morsoe"*'],
    ['"fysisk møde"', ['fysisk moede'], '"fysisk moede"'],
    ['takst AND (OR) -NOT: "x', ['takst', 'and', 'or', 'not', 'x'], '"takst"* "and"* "or"* "not"* "x"*'],
    ['"" - : ()', [], null],
  ])('%s', (input, terms, match) => {
    expect(parseSearchQuery(input)).toEqual({ terms, match });
  });
});

describe('makeSnippet', () => {
  it('marks prefix matches in the original spelling, found through the folded form', () => {
    const text = 'Læsø og Morsø kommuner vil få svært ved at få den politiske opbakning til en underskudsfinansiering.';
    expect(show(makeSnippet(text, parseSearchQuery('laesoe underskud').terms))).toBe(
      '[Læsø] og Morsø kommuner vil få svært ved at få den politiske opbakning til en [underskudsfinansiering].',
    );
  });

  it('cuts a long text to a window around the first match', () => {
    const text = `${'Indledning. '.repeat(60)}Her står selvskadende adfærd midt i teksten. ${'Afslutning. '.repeat(60)}`;
    const snippet = makeSnippet(text, ['selvskad'], 120);
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(show(snippet)).toContain('[selvskadende]');
    expect(snippet.length).toBeLessThan(140);
  });

  it('never loses or invents text: without marks, a snippet is a slice of the original', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 6 }), (text, word) => {
        const snippet = makeSnippet(text, parseSearchQuery(word).terms).replaceAll(MARK_START, '').replaceAll(MARK_END, '');
        const core = snippet.replace(/^… /, '').replace(/ …$/, '');
        expect(text.replace(/\s+/g, ' ').trim()).toContain(core);
      }),
    );
  });
});
