import type { Scenario, ScenarioInput } from '../domain/scenario';
import { formatKroner, formatLongDate, formatNumber, formatPercent, todayIso } from '../format';
import { compareScenarios, type ComparedFigure } from '../logic/tariff/compare';
import { canonicalJson } from '../logic/tariff/freeze';
import { kroner, type Ore } from '../logic/tariff/money';
import { homeRuleSet } from '../logic/tariff/rule-set';
import type { ScenarioResult } from '../logic/tariff/scenario';
import { occupancySensitivity } from '../logic/tariff/sensitivity';
import type { StartupSplitRow } from '../logic/tariff/startup';
import { levelMixRevenue } from '../logic/tariff/structures';
import { escapeHtml as escape } from '../format/html';
import { cssString, printCss } from './render';

/**
 * The annex (bilag) of one tariff scenario, or of two to four compared, as one HTML document with the print CSS of
 * the agenda and minutes: A4, the same fonts and tables, a running header and "Side X af Y". Chromium prints it to
 * PDF (electron/backend/documents/scenario-annex.ts). Every text from the user (names, budget lines, levels,
 * municipalities) is escaped.
 */

export interface ScenarioAnnexEntry {
  scenario: Scenario;
  result: ScenarioResult;
}

export interface ScenarioAnnexOptions {
  /** The date in the running header, ISO; today by default. */
  date?: string;
}

export const ANNEX_TITLES = { single: 'Bilag – takstscenarie', comparison: 'Bilag – sammenligning af takstscenarier' } as const;
export const ROUNDING_NOTE = 'Fordelt i hele kroner efter største brøkdels metode, så rækkerne summer præcist til totalen.';
export const UNFROZEN_NOTE = 'Ikke fastfrosset – tallene kan ændres';
const WARNINGS_TITLE = 'Advarsler';
const AMOUNTS_IN_KRONER = 'Beløb i kr.';
const DASH = '–';

/** The input paths a variant can change, as the reader knows them (for "Ændret i forhold til grundscenariet"). */
const PATH_LABELS: Record<string, string> = {
  agreementYear: 'styringsaftale',
  places: 'pladser',
  occupancy: 'budgetteret belægning',
  offerKind: 'tilbudstype',
  fullOperationBudget: 'budget ved fuld drift',
  budgetLines: 'budgetlinjer',
  levels: 'takstniveauer',
  startupCosts: 'etablering og opstart',
  years: 'opstartsår og belægning',
  fixedShare: 'fast andel af budgettet',
  deficits: 'underskud',
  printedTotal: 'trykt i alt',
  'split.regionShare': 'Regionens andel',
  'split.key': 'fordelingsnøgle',
};

export function renderScenarioAnnex(entries: readonly ScenarioAnnexEntry[], options: ScenarioAnnexOptions = {}): string {
  if (entries.length < 1 || entries.length > 4) throw new RangeError('Bilaget kan vise ét scenarie eller sammenligne to til fire');
  const comparison = entries.length > 1;
  const title = comparison ? ANNEX_TITLES.comparison : ANNEX_TITLES.single;
  const header = `${title} · ${formatLongDate(options.date ?? todayIso())}`;
  const documentTitle = comparison ? title : `${title}: ${entries[0]!.scenario.name}`;
  const body = comparison
    ? [renderComparison(entries), ...entries.map((entry, i) => renderScenario(entry, i))].join('\n')
    : renderScenario(entries[0]!, null);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(documentTitle)}</title>
<style>${printCss(header, true)}${annexCss(header)}</style>
</head>
<body>
${body}
</body>
</html>`;
}

function annexCss(header: string): string {
  return `
/* The annex has no front page: the running header is on the first page too. */
@page :first { @top-left { content: ${cssString(header)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; } }
h1 { font-size: 18pt; margin-bottom: 2mm; }
h2 { font-size: 16pt; margin-bottom: 2mm; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
.annex { break-before: page; }
.annex:first-child { break-before: auto; }
.kicker { font-size: 10pt; color: #555; font-weight: 700; margin-bottom: 1mm; }
.version { color: #333; font-size: 9.5pt; margin-bottom: 1mm; }
.version.open { color: #a33; font-weight: 700; }
.variant { color: #444; font-size: 9.5pt; margin-bottom: 1mm; }
.intro { margin: 3mm 0 1mm; }
table { font-size: 9pt; line-height: 1.3; }
th, td { padding: 0.8mm 1.5mm; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 0.7mm 1.2mm; }
table.narrow { width: 125mm; }
thead th { font-weight: 700; vertical-align: bottom; }
tbody th { font-weight: 400; background: none; }
/* A heading, its table and its notes stay together unless they are longer than a page. */
.block { break-inside: avoid; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; align-items: start; }
.pair table.narrow { width: 100%; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
/* Headings of number columns (scenario names) wrap; the numbers under them do not. */
thead th.num { white-space: normal; }
tbody th { min-width: 24mm; }
tr.sum td, tr.sum th { font-weight: 700; border-top: 0.5mm solid #333; background: #f6f6f6; }
tr.sub td, tr.sub th { background: #fafafa; }
.changed { font-size: 8pt; color: #555; font-weight: 400; }
td.difference { color: #444; font-style: italic; }
th.difference { font-style: italic; }
.diff { display: block; font-size: 7.5pt; color: #555; white-space: normal; }
.diff span { white-space: nowrap; }
.base-mark { display: block; font-size: 7.5pt; color: #555; font-weight: 400; }
.unit-note { font-size: 8.5pt; color: #555; margin: -1mm 0 1.5mm; }
.note { font-size: 8.5pt; color: #444; margin-top: -1mm; }
.warnings { border: 0.4mm solid #a33; background: #fbefef; padding: 2.5mm 4mm; margin: 4mm 0; break-inside: avoid; }
.warnings .label { font-weight: 700; color: #a33; margin-bottom: 1mm; }
.warnings ul { margin: 0; }
.scenario-list { margin: 0 0 4mm; padding-left: 6mm; }
.scenario-list li { margin-bottom: 1mm; }
`;
}

// ---------------------------------------------------------------- numbers

/** "6.971,08 kr." */
const kr = (ore: Ore) => formatKroner(ore);
/** "6.971,08" for a table whose unit is stated once ("Beløb i kr."). */
const amount = (ore: Ore) => formatKroner(ore).replace(/ kr\.$/, '');
const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');
const signedKr = (ore: Ore) => `${sign(ore)}${kr(Math.abs(ore))}`;
const signedAmount = (ore: Ore) => `${sign(ore)}${amount(Math.abs(ore))}`;

/** A share as few decimals as it needs, at most two: "90 %", "87,5 %", "6,12 %". */
function percent(fraction: number): string {
  const hundredths = Math.round(fraction * 10_000);
  return formatPercent(fraction, hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2);
}

function figureValue(unit: ComparedFigure['unit'], value: number): string {
  if (unit === 'øre') return kr(value);
  if (unit === 'fraction') return percent(value);
  return formatNumber(value);
}

/** "+2.000.000 kr. (+25,0 %)", "+5 procentpoint (+5,6 %)"; nothing where the figure is the same (the row stays one line). */
function figureDifference(unit: ComparedFigure['unit'], difference: ComparedFigure['differences'][number]): string[] | undefined {
  if (difference.absolute === 0) return undefined;
  const magnitude = Math.abs(difference.absolute);
  const absolute =
    unit === 'øre'
      ? signedKr(difference.absolute)
      : unit === 'fraction'
        ? `${sign(difference.absolute)}${formatNumber(Math.round(magnitude * 10_000) / 100)} procentpoint`
        : `${sign(difference.absolute)}${formatNumber(magnitude)}`;
  return difference.relative === null ? [absolute] : [absolute, `(${relative(difference.relative)})`];
}

const relative = (fraction: number) => `${sign(fraction)}${formatPercent(Math.abs(fraction), 1)}`;

// ---------------------------------------------------------------- markup

/** A heading with its table and notes, kept on one page when they fit. */
const block = (title: string, html: string) => `<div class="block"><h3>${escape(title)}</h3>${html}</div>`;

type Cell = { html: string; num?: boolean; diff?: boolean };
const text = (value: string): Cell => ({ html: escape(value) });
/** A number, right-aligned and unbroken, with an optional difference beneath it whose parts may wrap between them. */
const num = (value: string, diff?: string | readonly string[]): Cell => {
  const parts = diff === undefined ? [] : typeof diff === 'string' ? [diff] : diff;
  const under = parts.length ? `<span class="diff">${parts.map((p) => `<span>${escape(p)}</span>`).join(' ')}</span>` : '';
  return { html: `${escape(value)}${under}`, num: true };
};

const classes = (c: Cell) => {
  const names = [c.num && 'num', c.diff && 'difference'].filter(Boolean);
  return names.length ? ` class="${names.join(' ')}"` : '';
};

function cell(c: Cell, tag: 'td' | 'th'): string {
  return `<${tag}${tag === 'th' ? ' scope="row"' : ''}${classes(c)}>${c.html}</${tag}>`;
}

/** A table whose header row repeats on every page and whose rows never break; the first cell of a row is its heading. */
function table(opts: { className?: string; head: Cell[]; rows: Cell[][]; sums?: { cells: Cell[]; className?: 'sum' | 'sub' }[] }): string {
  const head = `<tr>${opts.head.map((c) => `<th scope="col"${classes(c)}>${c.html}</th>`).join('')}</tr>`;
  const row = (cells: Cell[], className?: string) =>
    `<tr${className ? ` class="${className}"` : ''}>${cells.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`;
  const rows = [...opts.rows.map((r) => row(r)), ...(opts.sums ?? []).map((s) => row(s.cells, s.className ?? 'sum'))];
  return `<table${opts.className ? ` class="${opts.className}"` : ''}><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

// ---------------------------------------------------------------- one scenario

function versionLine(scenario: Scenario): string {
  const newest = scenario.versions.reduce<Scenario['versions'][number] | null>((a, v) => (a === null || v.number > a.number ? v : a), null);
  if (!newest) return `<div class="version open">${UNFROZEN_NOTE}</div>`;
  const line = `Version ${newest.number} · SHA-256 ${newest.hash.slice(0, 8)}…`;
  const unchanged = sameNumbers(newest.input, scenario.input);
  return unchanged
    ? `<div class="version">${escape(line)}</div>`
    : `<div class="version open">${escape(`${line} · ændret efter fastfrysningen – tallene herunder er de aktuelle, ikke versionens`)}</div>`;
}

/** The same input apart from the name (a renamed scenario shows the same figures as its frozen version). */
const sameNumbers = (a: ScenarioInput, b: ScenarioInput) => canonicalJson({ ...a, name: '' }) === canonicalJson({ ...b, name: '' });

function variantLine(scenario: Scenario): string {
  if (scenario.baseId === null) return '';
  const changed = [...new Set(scenario.overriddenPaths.filter((p) => p !== 'name').map((p) => PATH_LABELS[p] ?? p))];
  const what = changed.length ? `ændrer ${changed.join(', ')}` : 'uden ændringer';
  return `<div class="variant">${escape(`Variant af et grundscenarie – ${what}.`)}</div>`;
}

function renderScenario({ scenario, result }: ScenarioAnnexEntry, index: number | null): string {
  const input = scenario.input;
  const heading = index === null ? 'h1' : 'h2';
  const kicker = index === null ? '' : `<div class="kicker">Scenarie ${index + 1}</div>`;
  return `<section class="annex scenario">
${kicker}<${heading}>${escape(scenario.name || result.name || 'Unavngivet scenarie')}</${heading}>
${versionLine(scenario)}
${variantLine(scenario)}
${warningsBox(result.warnings)}
${pair(keyFigures(scenario, result), budgetLines(input))}
${levelsTable(input)}
${yearsTable(input, result)}
${municipalityTable(result)}
${sensitivityTable(input)}
</section>`;
}

/** Two blocks side by side (the key figures and the budget lines), or the one alone. */
const pair = (left: string, right: string) => (right ? `<div class="pair">${left}${right}</div>` : left);

function warningsBox(warnings: readonly string[]): string {
  if (warnings.length === 0) return '';
  return `<div class="warnings" role="note"><div class="label">${WARNINGS_TITLE}</div><ul>${warnings.map((w) => `<li>${escape(w)}</li>`).join('')}</ul></div>`;
}

function keyFigures(scenario: Scenario, result: ScenarioResult): string {
  const input = scenario.input;
  const changed = new Set(scenario.baseId === null ? [] : scenario.overriddenPaths);
  const mark = (path: string) => (changed.has(path) ? ' <span class="changed">(ændret i varianten)</span>' : '');
  const row = (label: string, value: string, path = ''): Cell[] => [{ html: `${escape(label)}${mark(path)}` }, num(value)];
  const key = (cells: Cell[]): Cell[] => cells.map((c) => ({ ...c, html: `<strong>${c.html}</strong>` }));
  const totals = result.startup.totals;
  const rows: Cell[][] = [
    row('Pladser', formatNumber(input.places), 'places'),
    row('Budgetteret belægning', percent(input.occupancy), 'occupancy'),
    row('Budget ved fuld drift', kr(kroner(input.fullOperationBudget)), 'fullOperationBudget'),
    key(row('Døgntakst', kr(result.dailyTariff))),
  ];
  if (result.levelRevenue !== null) {
    rows.push(row('Takstniveauernes indtægt', kr(result.levelRevenue), 'levels'));
    rows.push(row('Forskel til budget', signedKr(result.revenueGap ?? 0)));
  }
  rows.push(
    row('Etablering og opstart', kr(kroner(input.startupCosts)), 'startupCosts'),
    row('Samlet underskud i opstarten', kr(totals.operatingDeficit), input.deficits === undefined ? 'fixedShare' : 'deficits'),
    key(row('Samlet at dække (opstart + underskud)', kr(totals.amount))),
    row('Regionens andel', percent(input.split.regionShare), 'split.regionShare'),
    row('Heraf Regionen', kr(totals.regionPart)),
    row('Heraf kommunerne', kr(totals.municipalPart)),
  );
  return block('Nøgletal', table({ className: 'narrow', head: [text('Nøgletal'), { ...text('Værdi'), num: true }], rows }));
}

function budgetLines(input: ScenarioInput): string {
  if (input.budgetLines.length === 0) return '';
  const lines = input.budgetLines.map((l) => kroner(l.amount));
  const sum = lines.reduce((a, b) => a + b, 0);
  const stated = kroner(input.fullOperationBudget);
  const sums: { cells: Cell[]; className?: 'sum' | 'sub' }[] = [
    { cells: [text('Sum af linjerne'), num(kr(sum))] },
    { cells: [text('Budget ved fuld drift (angivet)'), num(kr(stated))], className: 'sub' },
  ];
  if (sum !== stated) sums.push({ cells: [text('Forskel (linjerne − angivet)'), num(signedKr(sum - stated))], className: 'sub' });
  const rows = input.budgetLines.map((l, i) => [text(l.label), num(kr(lines[i]!))]);
  return block('Budget ved fuld drift', table({ className: 'narrow', head: [text('Budgetlinje'), { ...text('Beløb'), num: true }], rows, sums }));
}

function levelsTable(input: ScenarioInput): string {
  if (input.levels.length === 0) return '';
  const rules = homeRuleSet(input.agreementYear);
  const levels = input.levels.map((l) => ({ name: l.name, dailyTariff: kroner(l.dailyTariff), places: l.places }));
  const revenue = (ls: typeof levels) => levelMixRevenue({ levels: ls, occupancy: input.occupancy, rules });
  const rows = levels.map((l) => [text(l.name), num(formatNumber(l.places)), num(kr(l.dailyTariff)), num(kr(revenue([l])))]);
  const places = levels.reduce((a, l) => a + l.places, 0);
  return block(
    'Takstniveauer',
    table({
      className: 'narrow',
      head: [text('Niveau'), { ...text('Pladser'), num: true }, { ...text('Døgntakst'), num: true }, { ...text(`Indtægt pr. år ved ${percent(input.occupancy)} belægning`), num: true }],
      rows,
      sums: [{ cells: [text('I alt'), num(formatNumber(places)), text(''), num(kr(revenue(levels)))] }],
    }),
  );
}

function yearsTable(input: ScenarioInput, result: ScenarioResult): string {
  const { startup, years, totals } = result.startup;
  const orDash = (ore: Ore | null) => (ore === null ? DASH : amount(ore));
  const split = (r: StartupSplitRow) => [num(amount(r.regionPart)), num(amount(r.municipalPart))];
  const rows: Cell[][] = [
    [text('Opstart'), num(DASH), num(DASH), num(amount(startup.amount)), num(amount(startup.amount)), ...split(startup)],
    ...years.map((y) => [text(String(y.year)), num(percent(y.occupancy)), num(amount(y.revenue)), num(orDash(y.cost)), num(amount(y.deficit)), ...split(y)]),
  ];
  const revenue = years.reduce((a, y) => a + y.revenue, 0);
  const cost = years.every((y) => y.cost !== null) ? startup.amount + years.reduce((a, y) => a + y.cost!, 0) : null;
  const head = ['År', 'Belægning', 'Indtægt', 'Omkostning', 'Underskud', 'Regionen', 'Kommunerne'].map((h, i) => ({ ...text(h), num: i > 0 }));
  const how =
    input.fixedShare === undefined
      ? 'Underskuddene er indtastet; omkostningen er derfor ikke beregnet.'
      : `Omkostningen er beregnet med en fast andel på ${percent(input.fixedShare)} af budgettet ved fuld drift.`;
  return block('Opstart og indfasning', `<p class="unit-note">${AMOUNTS_IN_KRONER} ${escape(how)} Opstart er etablerings- og opstartsudgifterne.</p>${table({
    head,
    rows,
    sums: [{ cells: [text('I alt'), num(''), num(amount(revenue)), num(orDash(cost)), num(amount(totals.amount)), ...split(totals)] }],
  })}`);
}

function municipalityTable(result: ScenarioResult): string {
  const { startup, years, totals } = result.startup;
  const columns: { label: string; row: StartupSplitRow }[] = [{ label: 'Opstart', row: startup }, ...years.map((y) => ({ label: String(y.year), row: y }))];
  const names = Object.keys(totals.perMunicipality);
  const rows = names.map((name) => [
    text(name),
    num(formatPercent(totals.shares[name] ?? 0, 2)),
    ...columns.map((c) => num(amount(c.row.perMunicipality[name] ?? 0))),
    num(amount(totals.perMunicipality[name] ?? 0)),
  ]);
  const columnSum = (parts: Record<string, Ore>) => names.reduce((a, name) => a + (parts[name] ?? 0), 0);
  const shareSum = names.reduce((a, name) => a + (totals.shares[name] ?? 0), 0);
  const sums: { cells: Cell[]; className?: 'sum' | 'sub' }[] = [
    {
      cells: [
        text(totals.regionPart === 0 ? 'I alt' : 'Kommunerne i alt'),
        num(formatPercent(shareSum, 2)),
        ...columns.map((c) => num(amount(columnSum(c.row.perMunicipality)))),
        num(amount(columnSum(totals.perMunicipality))),
      ],
    },
  ];
  if (totals.regionPart !== 0) {
    sums.push(
      { cells: [text('Regionen'), num(''), ...columns.map((c) => num(amount(c.row.regionPart))), num(amount(totals.regionPart))], className: 'sub' },
      { cells: [text('I alt'), num(''), ...columns.map((c) => num(amount(c.row.amount))), num(amount(totals.amount))] },
    );
  }
  const head = [text('Kommune'), { ...text('Andel'), num: true }, ...columns.map((c) => ({ ...text(c.label), num: true })), { ...text('I alt'), num: true }];
  return block('Fordeling på kommunerne', `<p class="unit-note">${AMOUNTS_IN_KRONER}</p>${table({ className: 'compact', head, rows, sums })}<p class="note">${ROUNDING_NOTE}</p>`);
}

function sensitivityTable(input: ScenarioInput): string {
  // The usual steps, and the budgeted occupancy itself so the scenario's own tariff is among them.
  const occupancies = [...new Set([0.8, 0.85, 0.9, 0.95, 1, input.occupancy])].sort((a, b) => a - b);
  const points = occupancySensitivity(input, occupancies);
  const deficits = points.some((p) => p.operatingDeficit !== null);
  const head = [text('Belægning'), ...points.map((p) => ({ html: `${escape(percent(p.occupancy))}${p.occupancy === input.occupancy ? '<span class="base-mark">budgetteret</span>' : ''}`, num: true }))];
  const rows = [
    [text('Døgntakst'), ...points.map((p) => num(kr(p.dailyTariff)))],
    ...(deficits ? [[text('Samlet underskud i opstarten'), ...points.map((p) => num(kr(p.operatingDeficit ?? 0)))]] : []),
  ];
  const explanation = deficits
    ? 'Døgntaksten, hvis budgettet lægges ved belægningen, og underskuddet, hvis alle opstartsår kørte med den; de øvrige tal er uændrede.'
    : 'Døgntaksten, hvis budgettet lægges ved belægningen; de øvrige tal er uændrede.';
  return block('Følsomhed over for belægningen', `<p class="unit-note">${escape(explanation)}</p>${table({ className: 'compact', head, rows })}`);
}

// ---------------------------------------------------------------- comparison

function renderComparison(entries: readonly ScenarioAnnexEntry[]): string {
  const figures = compareScenarios(entries.map(({ scenario, result }) => ({ input: scenario.input, result })));
  const names = entries.map(({ scenario, result }) => scenario.name || result.name || 'Unavngivet scenarie');
  const headCells = [text('Nøgletal'), ...names.map((name, i) => ({ html: `${columnName(name)}${i === 0 ? '<span class="base-mark">grundlag for forskellene</span>' : ''}`, num: true }))];
  const rows = figures.map((f) => [
    text(f.label),
    ...f.values.map((v, i) => num(figureValue(f.unit, v), i === 0 ? undefined : figureDifference(f.unit, f.differences[i]!))),
  ]);
  const list = entries
    .map(({ scenario }, i) => `<li><strong>${escape(names[i]!)}</strong>${i === 0 ? ' (grundlag)' : ''} – ${versionText(scenario)}</li>`)
    .join('');
  return `<section class="annex comparison">
<h1>Sammenligning af takstscenarier</h1>
<p class="intro">Bilaget sammenligner ${entries.length} scenarier. Forskellene er regnet i forhold til det første.</p>
<ol class="scenario-list">${list}</ol>
${block('Nøgletal', table({ className: 'compact', head: headCells, rows }))}
${municipalityComparison(entries, names)}
</section>`;
}

/** A scenario's name as a narrow column's heading: it wraps, but never between a number and its per cent sign. */
const columnName = (name: string) => escape(name).replace(/ %/g, '\u00a0%');

function versionText(scenario: Scenario): string {
  const newest = scenario.versions.reduce<Scenario['versions'][number] | null>((a, v) => (a === null || v.number > a.number ? v : a), null);
  if (!newest) return escape(UNFROZEN_NOTE.charAt(0).toLowerCase() + UNFROZEN_NOTE.slice(1));
  const line = `version ${newest.number} · SHA-256 ${newest.hash.slice(0, 8)}…`;
  return escape(sameNumbers(newest.input, scenario.input) ? line : `${line} · ændret efter fastfrysningen`);
}

/**
 * Each municipality's total in each scenario, and after each scenario but the first its difference from the first:
 * one line a municipality, so eleven municipalities and four scenarios (eight amount columns) fit the page.
 */
function municipalityComparison(entries: readonly ScenarioAnnexEntry[], names: string[]): string {
  const totals = entries.map((e) => e.result.startup.totals);
  const municipalities = [...new Set(totals.flatMap((t) => Object.keys(t.perMunicipality)))];
  const base = totals[0]!;
  const cells = (of: (t: (typeof totals)[number]) => Ore | undefined) =>
    totals.flatMap((t, i) => {
      const value = of(t);
      const baseValue = of(base);
      const shown = num(value === undefined ? DASH : amount(value));
      if (i === 0) return [shown];
      const diff = value === undefined || baseValue === undefined ? DASH : value === baseValue ? '0' : signedAmount(value - baseValue);
      return [shown, { ...num(diff), diff: true }];
    });
  const rows = municipalities.map((m) => [text(m), ...cells((t) => t.perMunicipality[m])]);
  const anyRegion = totals.some((t) => t.regionPart !== 0);
  const sum = (t: (typeof totals)[number]) => Object.values(t.perMunicipality).reduce((a, b) => a + b, 0);
  const sums: { cells: Cell[]; className?: 'sum' | 'sub' }[] = [{ cells: [text(anyRegion ? 'Kommunerne i alt' : 'I alt'), ...cells(sum)] }];
  if (anyRegion) {
    sums.push({ cells: [text('Regionen'), ...cells((t) => t.regionPart)], className: 'sub' }, { cells: [text('I alt'), ...cells((t) => t.amount)] });
  }
  const head = [
    text('Kommune'),
    ...names.flatMap((name, i) => [{ html: columnName(name), num: true }, ...(i === 0 ? [] : [{ html: 'Forskel', num: true, diff: true }])]),
  ];
  return block(
    'Kommunernes andel i alt (opstart + underskud)',
    `<p class="unit-note">${AMOUNTS_IN_KRONER} «Forskel» er forskellen fra det første scenarie.</p>${table({ className: 'compact', head, rows, sums })}<p class="note">${ROUNDING_NOTE}</p>`,
  );
}
