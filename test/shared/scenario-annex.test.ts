import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioInput, type Scenario } from '../../shared/domain/scenario';
import { renderScenarioAnnex, ROUNDING_NOTE, UNFROZEN_NOTE } from '../../shared/documents/scenario-annex';
import { formatKroner } from '../../shared/format';
import { computeScenario } from '../../shared/logic/tariff/scenario';

const fixture = ScenarioInput.parse(JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'nt1-v1-scenarie-2.json'), 'utf8')));
const MUNICIPALITIES = ['Brønderslev', 'Frederikshavn', 'Hjørring', 'Jammerbugt', 'Læsø', 'Mariagerfjord', 'Morsø', 'Rebild', 'Thisted', 'Vesthimmerland', 'Aalborg'];

function scenarioOf(input: ScenarioInput, extra: Partial<Scenario> = {}): { scenario: Scenario; result: ReturnType<typeof computeScenario> } {
  const scenario: Scenario = {
    id: '7d1f0c7e-2a4b-4c1d-9e3f-000000000001',
    revision: 1,
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    name: input.name,
    baseId: null,
    versionCount: 0,
    input,
    overrides: {},
    overriddenPaths: [],
    versions: [],
    usedBy: [],
    ...extra,
  };
  return { scenario, result: computeScenario(input) };
}

/** The document's visible text: no style, no tags, entities decoded, spaces (also no-break) folded. */
const textOf = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');

/** The cells of the table row whose heading is `label`, as text. */
function rowOf(html: string, label: string): string[] {
  const rows = html.match(/<tr[^>]*>[\s\S]*?<\/tr>/g) ?? [];
  const row = rows.find((r) => textOf(r).trim().startsWith(`${label} `) || textOf(r).trim() === label);
  if (!row) throw new Error(`no row «${label}»`);
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => textOf(m[1]!).trim());
}

describe('the annex of one tariff scenario', () => {
  const html = renderScenarioAnnex([scenarioOf(fixture)], { date: '2025-06-12' });
  const text = textOf(html);

  it('is a complete print document with the meeting documents’ page, header and page numbers', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('size: A4');
    expect(html).toContain('"Bilag – takstscenarie · 12. juni 2025"');
    expect(html).toContain('"Side " counter(page) " af " counter(pages)');
    expect(html).toContain('thead { display: table-header-group; }');
    expect(html).toContain('tr { break-inside: avoid; }');
    expect(text).toContain(`NT-1 v1, scenarie 2 (50 % / 70 % / fuld) ${UNFROZEN_NOTE}`);
  });

  it('prints the key figures as Danish numbers', () => {
    expect(rowOf(html, 'Døgntakst')).toEqual(['Døgntakst', '6.971,08 kr.']);
    expect(rowOf(html, 'Pladser')).toEqual(['Pladser', '10']);
    expect(rowOf(html, 'Budgetteret belægning')[1]!.replace(/\s/g, ' ')).toBe('90 %');
    expect(rowOf(html, 'Budget ved fuld drift')).toEqual(['Budget ved fuld drift', '22.900.000 kr.']);
    expect(rowOf(html, 'Takstniveauernes indtægt')).toEqual(['Takstniveauernes indtægt', '23.389.200 kr.']);
    expect(rowOf(html, 'Forskel til budget')).toEqual(['Forskel til budget', '+489.200 kr.']);
    expect(rowOf(html, 'Etablering og opstart')).toEqual(['Etablering og opstart', '2.200.000 kr.']);
    expect(rowOf(html, 'Samlet at dække (opstart + underskud)')).toEqual(['Samlet at dække (opstart + underskud)', '8.000.000 kr.']);
    expect(rowOf(html, 'Regionens andel')[1]!.replace(/\s/g, ' ')).toBe('0 %');
  });

  it('shows the budget lines against the stated total, and warns that they differ', () => {
    expect(rowOf(html, 'Lønudgift')).toEqual(['Lønudgift', '17.800.000 kr.']);
    expect(rowOf(html, 'Sum af linjerne')).toEqual(['Sum af linjerne', '23.730.000 kr.']);
    expect(rowOf(html, 'Budget ved fuld drift (angivet)')).toEqual(['Budget ved fuld drift (angivet)', '22.900.000 kr.']);
    expect(rowOf(html, 'Forskel (linjerne − angivet)')).toEqual(['Forskel (linjerne − angivet)', '+830.000 kr.']);
    expect(html).toMatch(/<div class="warnings"[^>]*><div class="label">Advarsler<\/div>/);
    expect(text).toContain('Budgetlinjerne summerer til 23.730.000 kr., men totalen er angivet til 22.900.000 kr.');
    expect(text).toContain('Takstniveauernes indtægt ved den budgetterede belægning er 489.200 kr. mere end budgettet.');
  });

  it('lists the tariff levels and the ramp-up years with an «Opstart» and an «I alt» row', () => {
    expect(rowOf(html, 'Takst 4')).toEqual(['Takst 4', '3', '8.900 kr.', formatKroner(8900_00 * 3 * 365 * 0.9)]);
    expect(rowOf(html, 'Opstart')).toEqual(['Opstart', '–', '–', '2.200.000', '2.200.000', '0', '2.200.000']);
    expect(rowOf(html, '2023').map((c) => c.replace(/\s/g, ' '))).toEqual(['2023', '70 %', '16.030.000', '–', '3.600.000', '0', '3.600.000']);
    const years = html.slice(html.indexOf('Opstart og indfasning'), html.indexOf('Fordeling på kommunerne'));
    expect(rowOf(years, 'I alt')).toEqual(['I alt', '', '50.380.000', '–', '8.000.000', '0', '8.000.000']);
  });

  it('distributes every year on every municipality, with a sum row that adds up exactly', () => {
    const section = html.slice(html.indexOf('Fordeling på kommunerne'));
    const result = computeScenario(fixture);
    const whole = (ore: number) => formatKroner(ore).replace(' kr.', '');
    for (const name of MUNICIPALITIES) {
      const cells = rowOf(section, name);
      expect(cells).toHaveLength(7);
      expect(cells[0]).toBe(name);
      expect(cells[1]).toMatch(/^\d+,\d\d\s%$/);
      expect(cells[6]).toBe(whole(result.startup.totals.perMunicipality[name]!));
    }
    expect(rowOf(section, 'Aalborg').slice(1).map((c) => c.replace(/\s/g, ' '))).toEqual(['37,20 %', '818.300', '818.300', '1.339.037', '0', '2.975.637']);
    const sum = rowOf(section, 'I alt');
    expect(sum.map((c) => c.replace(/\s/g, ' '))).toEqual(['I alt', '100,00 %', '2.200.000', '2.200.000', '3.600.000', '0', '8.000.000']);
    expect(text).toContain(ROUNDING_NOTE);
  });

  it('names the newest frozen version and escapes what the user typed', () => {
    const hash = 'abcdef0123456789'.repeat(4);
    const version = (number: number, h: string) => ({ scenarioId: '7d1f0c7e-2a4b-4c1d-9e3f-000000000001', number, hash: h, frozenAt: '2025-05-01T09:00:00Z', frozenBy: 'Test', note: '', input: fixture });
    const named = { ...fixture, name: 'Plan <script>alert("x")</script> & co', budgetLines: [{ label: '<b>Løn</b>', amount: 22900000 }] };
    const frozen = renderScenarioAnnex([scenarioOf(named, { versions: [version(1, '0'.repeat(64)), version(2, hash)] })]);
    expect(frozen).not.toContain('<script>');
    expect(frozen).not.toContain('<b>Løn');
    expect(frozen).toContain('Plan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(frozen).toContain('&lt;b&gt;Løn&lt;/b&gt;');
    expect(textOf(frozen)).toContain('Version 2 · SHA-256 abcdef01…');
    expect(textOf(frozen)).not.toContain(UNFROZEN_NOTE);
    expect(textOf(frozen)).not.toContain('Budgetlinjerne summerer');
  });
});

describe('the annex comparing scenarios', () => {
  const variantInput: ScenarioInput = { ...fixture, name: 'NT-1 v2 – Regionen betaler 25 %', occupancy: 0.95, split: { ...fixture.split, regionShare: 0.25 } };
  const variant = scenarioOf(variantInput, { baseId: '7d1f0c7e-2a4b-4c1d-9e3f-000000000001', overriddenPaths: ['name', 'occupancy', 'split.regionShare'] });
  const html = renderScenarioAnnex([scenarioOf(fixture), variant], { date: '2025-06-12' });
  const text = textOf(html);
  const comparison = html.slice(0, html.indexOf('<section class="annex scenario">'));

  it('has the comparison header and each scenario in its own section after the comparison', () => {
    expect(html).toContain('"Bilag – sammenligning af takstscenarier · 12. juni 2025"');
    expect(html.match(/<section class="annex scenario">/g)).toHaveLength(2);
    expect(html).toContain('.annex { break-before: page; }');
    expect(text).toContain('Scenarie 2 NT-1 v2 – Regionen betaler 25 %');
    expect(text).toContain('Variant af et grundscenarie – ændrer budgetteret belægning, Regionens andel.');
  });

  it('shows each figure of each scenario and the differences from the first', () => {
    const cells = (label: string) => rowOf(comparison, label).map((c) => c.replace(/\s/g, ' '));
    expect(cells('Heraf Regionen')).toEqual(['Heraf Regionen', '0 kr.', '2.000.000 kr. +2.000.000 kr.']);
    expect(cells('Heraf kommunerne')).toEqual(['Heraf kommunerne', '8.000.000 kr.', '6.000.000 kr. −2.000.000 kr. (−25,0 %)']);
    expect(cells('Regionens andel')).toEqual(['Regionens andel', '0 %', '25 % +25 procentpoint']);
    expect(cells('Budgetteret belægning')).toEqual(['Budgetteret belægning', '90 %', '95 % +5 procentpoint (+5,6 %)']);
    expect(cells('Pladser')).toEqual(['Pladser', '10', '10']);
    expect(cells('Døgntakst')).toEqual(['Døgntakst', '6.971,08 kr.', '6.604,18 kr. −366,90 kr. (−5,3 %)']);
  });

  it('puts the municipalities’ totals side by side with their differences, summing exactly', () => {
    const table = comparison.slice(comparison.indexOf('Kommunernes andel i alt'));
    expect(rowOf(table, 'Kommune')).toEqual(['Kommune', 'NT-1 v1, scenarie 2 (50 % / 70 % / fuld)', 'NT-1 v2 – Regionen betaler 25 %', 'Forskel']);
    for (const name of MUNICIPALITIES) expect(rowOf(table, name)).toHaveLength(4);
    expect(rowOf(table, 'Aalborg')).toEqual(['Aalborg', '2.975.637', '2.231.728', '−743.909']);
    expect(rowOf(table, 'Kommunerne i alt')).toEqual(['Kommunerne i alt', '8.000.000', '6.000.000', '−2.000.000']);
    expect(rowOf(table, 'Regionen')).toEqual(['Regionen', '0', '2.000.000', '+2.000.000']);
    expect(rowOf(table, 'I alt')).toEqual(['I alt', '8.000.000', '8.000.000', '0']);
  });

  it('refuses more than four scenarios', () => {
    const one = scenarioOf(fixture);
    expect(() => renderScenarioAnnex([one, one, one, one, one])).toThrow('to til fire');
    expect(() => renderScenarioAnnex([])).toThrow();
  });
});
