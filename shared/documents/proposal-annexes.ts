import {
  STANCE_LABELS,
  type Consultation,
  type ConsultationResponse,
  type ProposalContent,
  type ScenarioFigures,
  type VersionEconomy,
} from '../domain/proposal';
import { formatKroner, formatLongDate, formatNumber, formatNumericDate, formatPercent, todayIso } from '../format';
import type { Ore } from '../logic/tariff/money';
import { levelMixRevenue } from '../logic/tariff/structures';
import { homeRuleSet } from '../logic/tariff/rule-set';
import { documentFileName } from '../format/file-name';
import { escapeHtml as escape } from '../format/html';
import { cssString, printCss } from './render';
import { ROUNDING_NOTE, UNFROZEN_NOTE } from './scenario-annex';

/*
 * The annexes (bilag) of a proposal for a new offer, made when a version is put on an agenda (domain.md §2.2,
 * "Attachments": Bilag 3 ideoplæg, 4 distribution, 5 høringssvar). Each is one HTML document with the print CSS of the
 * agenda and the scenario annex (A4, the same fonts and tables, a running header and "Side X af Y"); Chromium prints
 * each to its own PDF (electron/backend/documents/proposal-documents.ts), and the caller stores them as the item's
 * attachments. Every figure comes from the engine (VersionEconomy); where the proposal's own arithmetic is wrong
 * (the stated budget against its lines, AT-06) both figures are shown with the difference. Every text from the user
 * is escaped.
 */

export interface ProposalAnnexInput {
  code: string;
  title: string;
  versionNumber: number;
  content: ProposalContent;
  consultation: Consultation;
  economy: VersionEconomy;
  chosenScenarioId: string | null;
  responses: readonly ConsultationResponse[];
  /** Who was asked and has not answered, as printed ("Læsø Kommune"). */
  notAnswered: readonly string[];
  /** The date in the running header, ISO; today by default. */
  madeOn?: string;
}

export type ProposalAnnexKey = 'budget' | 'scenarier' | 'fordeling' | 'hoeringssvar';

export interface ProposalAnnex {
  key: ProposalAnnexKey;
  /** "Bilag – NT-1 v1: Budget ved fuld drift" */
  title: string;
  /** "Bilag – NT-1 v1 – Budget ved fuld drift.pdf" */
  fileName: string;
  html: string;
}

export const PROPOSAL_ANNEX_NAMES: Record<ProposalAnnexKey, string> = {
  budget: 'Budget ved fuld drift',
  scenarier: 'Opstartsscenarier',
  fordeling: 'Fordeling pr. kommune',
  hoeringssvar: 'Høringssvar',
};

export const COMPUTED_BY = 'Beregnet af Sekretariat ud fra takstreglerne';
const COLLECTED_BY = 'Samlet af Sekretariat som modtaget';
const AMOUNTS_IN_KRONER = 'Beløb i kr.';
const DASH = '–';

/**
 * The annexes of a version in the order they are attached: the budget at full operation, the start-up scenarios, the
 * distribution per municipality, and the consultation responses (only when there are any).
 */
export function renderProposalAnnexes(input: ProposalAnnexInput): ProposalAnnex[] {
  const annexes: ProposalAnnex[] = [
    annex(input, 'budget', budgetBody(input)),
    annex(input, 'scenarier', scenariosBody(input)),
    annex(input, 'fordeling', distributionBody(input)),
  ];
  if (input.responses.length > 0) annexes.push(annex(input, 'hoeringssvar', responsesBody(input)));
  return annexes;
}

/** "NT-1 v2" */
export const versionLabel = (code: string, versionNumber: number) => `${code.trim() || 'Forslag'} v${versionNumber}`;

export function proposalAnnexTitle(code: string, versionNumber: number, key: ProposalAnnexKey): string {
  return `Bilag – ${versionLabel(code, versionNumber)}: ${PROPOSAL_ANNEX_NAMES[key]}`;
}

/** "Bilag – NT-1 v1 – Budget ved fuld drift.pdf": the title as a file name any system accepts. */
export function proposalAnnexFileName(code: string, versionNumber: number, key: ProposalAnnexKey): string {
  return documentFileName(`Bilag – ${versionLabel(code, versionNumber)} – ${PROPOSAL_ANNEX_NAMES[key]}`, 'pdf', `Bilag – ${PROPOSAL_ANNEX_NAMES[key]}`);
}

function annex(input: ProposalAnnexInput, key: ProposalAnnexKey, body: string): ProposalAnnex {
  const title = proposalAnnexTitle(input.code, input.versionNumber, key);
  const header = marginText(`${title} · ${formatLongDate(input.madeOn ?? todayIso())}`);
  const html = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${printCss(header, true)}${proposalDocumentCss(header)}</style>
</head>
<body>
<section class="annex ${key}">
${documentHead(input, key)}
${body}
</section>
</body>
</html>`;
  return { key, title, fileName: proposalAnnexFileName(input.code, input.versionNumber, key), html };
}

function documentHead(input: ProposalAnnexInput, key: ProposalAnnexKey): string {
  const label = versionLabel(input.code, input.versionNumber);
  const by = key === 'hoeringssvar' ? COLLECTED_BY : COMPUTED_BY;
  return `<header class="doc-head">
<div class="kicker">Bilag · ${escape(input.code)} · version ${input.versionNumber}</div>
<h1>${escape(PROPOSAL_ANNEX_NAMES[key])}</h1>
<div class="proposal">${escape(`${label}: ${input.title}`)}</div>
<div class="source">${escape(by)}</div>
</header>`;
}

/**
 * Text for the running header, which is a CSS string inside <style>: there an HTML parser ends the style at "</style>"
 * whatever the CSS quoting, so angle brackets from user text are shown as the look-alike ‹ ›.
 */
export const marginText = (text: string) => text.replace(/</g, '‹').replace(/>/g, '›');

/** The CSS of the proposal's documents, added after the agenda's print CSS (shared with municipality-figures.ts). */
export function proposalDocumentCss(header: string): string {
  return `
/* An annex has no front page: the running header is on the first page too. */
@page :first { @top-left { content: ${cssString(header)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; } }
.doc-head { border-bottom: 0.4mm solid #333; padding-bottom: 2mm; margin-bottom: 3.5mm; }
.doc-head .kicker { font-size: 9.5pt; color: #555; font-weight: 700; margin-bottom: 1mm; }
.doc-head h1 { font-size: 19pt; margin: 0 0 1mm; line-height: 1.2; }
.doc-head .proposal { font-size: 11pt; color: #222; }
.doc-head .source { font-size: 9pt; color: #555; margin-top: 1mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; }
table { font-size: 9pt; line-height: 1.25; }
th, td { padding: 0.6mm 1.6mm; }
table.compact { font-size: 8.5pt; }
table.compact th, table.compact td { padding: 0.7mm 1.3mm; }
table.narrow { width: 120mm; }
table.medium { width: 150mm; }
thead th { font-weight: 700; vertical-align: bottom; }
tbody th { font-weight: 400; background: none; }
.block { break-inside: avoid; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; align-items: start; }
.pair table { width: 100%; }
table.levels thead th:first-child { width: 45mm; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead th.num { white-space: normal; }
tr.sum td, tr.sum th { font-weight: 700; border-top: 0.5mm solid #333; background: #f6f6f6; }
tr.sub td, tr.sub th { background: #fafafa; }
tr.key td, tr.key th { font-weight: 700; }
td.chosen, th.chosen { background: #eef4fb; }
tr.sum td.chosen { background: #e3edf8; }
.mark { display: block; font-size: 7.5pt; font-weight: 700; color: #1d4f8a; }
.scope { font-size: 9.5pt; margin: -1.5mm 0 3mm; }
.unit-note { font-size: 8.5pt; color: #555; margin: -0.5mm 0 1.5mm; }
.note { font-size: 8.5pt; color: #444; margin-top: -1mm; }
.lead { margin: 0 0 3mm; }
.warnings { border: 0.4mm solid #a33; background: #fbefef; padding: 2mm 3.5mm; margin: 3mm 0; break-inside: avoid; font-size: 9pt; line-height: 1.35; }
.warnings.checks { border-color: #b7791f; background: #fdf6e7; }
.warnings.checks .label { color: #8a5a12; }
.warnings .label { font-weight: 700; color: #a33; margin-bottom: 0.5mm; }
.warnings ul { margin: 0; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 4mm; margin: 0 0 4mm; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
.response { break-inside: avoid; border-top: 0.25mm solid #bbb; padding-top: 2mm; margin-top: 4mm; }
.response h3 { margin: 0 0 0.5mm; }
.response .meta { font-size: 9pt; color: #444; margin-bottom: 1.5mm; }
.stance { display: inline-block; border: 0.25mm solid #888; border-radius: 1mm; padding: 0 1.5mm; font-size: 8.5pt; }
.missing { border-left: 1mm solid #999; padding: 1mm 3mm; margin-top: 5mm; }
`;
}

// ---------------------------------------------------------------- numbers

/** "22.900.000 kr." */
export const kr = (ore: Ore) => formatKroner(ore);
/** "22.900.000" for a table whose unit is stated once. */
export const amount = (ore: Ore) => formatKroner(ore).replace(/ kr\.$/, '');
const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');
const signedKr = (ore: Ore) => `${sign(ore)}${kr(Math.abs(ore))}`;

/** A share with as few decimals as it needs, at most two: "90 %", "87,5 %", "6,12 %". */
export function percent(fraction: number): string {
  const hundredths = Math.round(fraction * 10_000);
  return formatPercent(fraction, hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2);
}

// ---------------------------------------------------------------- markup (also used by municipality-figures.ts)

export type Cell = { html: string; num?: boolean; className?: string; span?: number };
export const text = (value: string): Cell => ({ html: escape(value) });
export const num = (value: string): Cell => ({ html: escape(value), num: true });

const classes = (c: Cell) => {
  const names = [c.num && 'num', c.className].filter(Boolean);
  return (names.length ? ` class="${names.join(' ')}"` : '') + (c.span && c.span > 1 ? ` colspan="${c.span}"` : '');
};

export interface Row {
  cells: Cell[];
  className?: 'sum' | 'sub' | 'key';
}

/** A table whose header row repeats on every page and whose rows never break; the first cell of a row is its heading. */
export function table(opts: { className?: string; head: Cell[]; rows: (Cell[] | Row)[] }): string {
  const head = `<tr>${opts.head.map((c) => `<th scope="col"${classes(c)}>${c.html}</th>`).join('')}</tr>`;
  const rows = opts.rows.map((r) => {
    const { cells, className } = Array.isArray(r) ? { cells: r, className: undefined } : r;
    const tds = cells.map((c, i) => (i === 0 ? `<th scope="row"${classes(c)}>${c.html}</th>` : `<td${classes(c)}>${c.html}</td>`)).join('');
    return `<tr${className ? ` class="${className}"` : ''}>${tds}</tr>`;
  });
  return `<table${opts.className ? ` class="${opts.className}"` : ''}><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A heading with its table and notes, kept on one page when they fit. */
export const block = (title: string, html: string) => `<div class="block"><h2>${escape(title)}</h2>${html}</div>`;

function notesBox(title: string, notes: readonly string[], className = ''): string {
  if (notes.length === 0) return '';
  return `<div class="warnings${className ? ` ${className}` : ''}" role="note"><div class="label">${escape(title)}</div><ul>${notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul></div>`;
}

/** Text of a few paragraphs (blank lines between them) as HTML paragraphs, escaped. */
function paragraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A scenario's name as a column heading: it wraps, but never between a number and its per cent sign. */
const columnName = (name: string) => escape(name).replace(/ %/g, '\u00a0%');

const frozenText = (s: ScenarioFigures) => (s.frozenNumber === null ? UNFROZEN_NOTE : `fastfrosset version ${s.frozenNumber}`);

function chosenScenario(input: ProposalAnnexInput): ScenarioFigures | null {
  return input.economy.scenarios.find((s) => s.scenarioId === input.chosenScenarioId) ?? null;
}

function noScenarios(input: ProposalAnnexInput): string {
  return `<p class="lead">Der er ingen beregnede opstartsscenarier til denne version.</p>${notesBox('Kan ikke beregnes', input.economy.errors)}`;
}

// ---------------------------------------------------------------- budget ved fuld drift

function budgetBody(input: ProposalAnnexInput): string {
  const chosen = chosenScenario(input);
  const figures = chosen ?? input.economy.scenarios[0];
  if (!figures) return noScenarios(input);
  const which = chosen
    ? `Tallene er fra det valgte scenarie «${figures.name}» (${frozenText(figures)}).`
    : `Der er ikke valgt et scenarie; tallene er fra «${figures.name}» (${frozenText(figures)}).`;
  return `<p class="scope">${escape(which)}</p>
${notesBox('Advarsler fra beregningen', figures.warnings)}
<div class="pair">${keyFiguresTable(figures)}${budgetLinesTable(figures)}</div>
${levelsTable(figures, input.content)}`;
}

function averageLevelTariff(figures: ScenarioFigures): Ore | null {
  const places = figures.levels.reduce((a, l) => a + l.places, 0);
  if (places === 0) return null;
  return Math.round(figures.levels.reduce((a, l) => a + l.dailyTariffOre * l.places, 0) / places);
}

function keyFiguresTable(figures: ScenarioFigures): string {
  const average = averageLevelTariff(figures);
  const rows: Row[] = [
    { cells: [text('Pladser'), num(formatNumber(figures.places))] },
    { cells: [text('Budgetteret belægning'), num(percent(figures.occupancy))] },
    { cells: [text('Budget ved fuld drift (angivet)'), num(kr(figures.fullOperationBudgetOre))] },
    { cells: [text('Døgntakst af budgettet'), num(kr(figures.dailyTariffOre))], className: 'key' },
  ];
  if (average !== null) rows.push({ cells: [text('Takstniveauernes gennemsnitlige døgntakst'), num(kr(average))] });
  const note =
    'Døgntaksten af budgettet er budgettet delt med pladser × 365 dage × belægning.' +
    (average === null ? '' : ' Takstniveauernes gennemsnit er vægtet med pladserne i mixet.');
  return block('Nøgletal', `${table({ head: [text('Nøgletal'), { ...text('Værdi'), num: true }], rows })}<p class="note">${escape(note)}</p>`);
}

function budgetLinesTable(figures: ScenarioFigures): string {
  if (figures.budgetLines.length === 0) {
    return block('Budgetlinjer', '<p class="note">Scenariet har ingen budgetlinjer; kun budgettet i alt er angivet.</p>');
  }
  const difference = figures.budgetLinesSumOre - figures.fullOperationBudgetOre;
  const rows: Row[] = [
    ...figures.budgetLines.map((l) => ({ cells: [text(l.label), num(kr(l.ore))] })),
    { cells: [text('Sum af linjerne (beregnet)'), num(kr(figures.budgetLinesSumOre))], className: 'sum' },
    { cells: [text('Driftsudgifter i alt (angivet)'), num(kr(figures.fullOperationBudgetOre))], className: 'sub' },
    { cells: [text('Forskel (linjerne − angivet)'), num(difference === 0 ? kr(0) : signedKr(difference))], className: 'sub' },
  ];
  const note =
    difference === 0
      ? 'Linjerne summerer til den angivne total.'
      : `Linjerne summerer til ${kr(Math.abs(difference))} ${difference > 0 ? 'mere' : 'mindre'} end de angivne driftsudgifter i alt. Døgntaksten er beregnet af det angivne budget.`;
  return block('Budgetlinjer', `${table({ head: [text('Budgetlinje'), { ...text('Beløb'), num: true }], rows })}<p class="note">${escape(note)}</p>`);
}

function levelsTable(figures: ScenarioFigures, content: ProposalContent): string {
  if (figures.levels.length === 0) return '';
  const described = new Map(content.levels.map((l) => [l.name, l]));
  const revenueOf = (l: ScenarioFigures['levels'][number]) =>
    l.places === 0 ? 0 : levelMixRevenue({ rules: homeRuleSet(figures.agreementYear), levels: [{ name: l.name, dailyTariff: l.dailyTariffOre, places: l.places }], occupancy: figures.occupancy });
  const rows: Row[] = figures.levels.map((l) => {
    const hours = described.get(l.name)?.ataHours;
    return {
      cells: [
        text(l.name),
        num(hours === null || hours === undefined ? DASH : formatNumber(hours)),
        num(kr(l.dailyTariffOre)),
        num(formatNumber(l.places)),
        num(kr(revenueOf(l))),
      ],
    };
  });
  const places = figures.levels.reduce((a, l) => a + l.places, 0);
  const average = averageLevelTariff(figures);
  const revenue = figures.levelRevenueOre;
  rows.push({ cells: [text('I alt'), num(''), num(average === null ? '' : `gns. ${kr(average)}`), num(formatNumber(places)), num(revenue === null ? DASH : kr(revenue))], className: 'sum' });
  if (revenue !== null) {
    const gap = revenue - figures.fullOperationBudgetOre;
    rows.push(
      { cells: [{ ...text('Budget ved fuld drift (angivet)'), span: 4 }, num(kr(figures.fullOperationBudgetOre))], className: 'sub' },
      { cells: [{ ...text('Forskel (takstniveauer − budget)'), span: 4 }, num(gap === 0 ? kr(0) : signedKr(gap))], className: 'sub' },
    );
  }
  const head = [
    text('Takstniveau'),
    { ...text('ATA-timer pr. døgn'), num: true },
    { ...text('Døgntakst'), num: true },
    { ...text('Pladser i mixet'), num: true },
    { ...text(`Indtægt pr. år ved ${percent(figures.occupancy)} belægning`), num: true },
  ];
  const note = `Indtægten er døgntakst × pladser × 365 dage × ${percent(figures.occupancy)} belægning. ATA-timerne er forslagets beskrivelse af niveauet.`;
  return block('Takstniveauer', `${table({ className: 'levels', head, rows })}<p class="note">${escape(note)}</p>`);
}

// ---------------------------------------------------------------- opstartsscenarier

/** "Driftsår 2 (2025)" when every scenario has that year in the same place, else "Driftsår 2". */
function yearLabels(scenarios: readonly ScenarioFigures[]): { startup: string; years: string[] } {
  const count = Math.max(0, ...scenarios.map((s) => s.years.length));
  const same = (i: number) => {
    const years = new Set(scenarios.map((s) => s.years[i]?.year).filter((y) => y !== undefined));
    return years.size === 1 ? [...years][0]! : null;
  };
  const first = same(0);
  return {
    startup: first === null ? 'Etablering og opstart' : `Etablering og opstart (${first - 1})`,
    years: Array.from({ length: count }, (_, i) => {
      const year = same(i);
      return year === null ? `Driftsår ${i + 1}` : `Driftsår ${i + 1} (${year})`;
    }),
  };
}

function scenarioHead(scenarios: readonly ScenarioFigures[], chosenId: string | null, first: string): Cell[] {
  return [
    text(first),
    ...scenarios.map((s) => ({
      html: `${columnName(s.name)}${s.scenarioId === chosenId ? '<span class="mark">valgt</span>' : ''}`,
      num: true,
      className: s.scenarioId === chosenId ? 'chosen' : undefined,
    })),
  ];
}

/** One cell per scenario, the chosen one shaded. */
function scenarioCells(scenarios: readonly ScenarioFigures[], chosenId: string | null, value: (s: ScenarioFigures) => string): Cell[] {
  return scenarios.map((s) => ({ ...num(value(s)), className: s.scenarioId === chosenId ? 'chosen' : undefined }));
}

function scenariosBody(input: ProposalAnnexInput): string {
  const { scenarios } = input.economy;
  if (scenarios.length === 0) return noScenarios(input);
  const chosenId = input.chosenScenarioId;
  const labels = yearLabels(scenarios);
  const cells = (value: (s: ScenarioFigures) => string) => scenarioCells(scenarios, chosenId, value);
  const shares = new Set(scenarios.map((s) => s.regionShare));
  const uniformShare = shares.size === 1 ? scenarios[0]!.regionShare : null;
  const rows: Row[] = [
    { cells: [text(labels.startup), ...cells((s) => amount(s.startupCostsOre))] },
    ...labels.years.map((label, i) => ({ cells: [text(`Underskud ${label.charAt(0).toLowerCase()}${label.slice(1)}`), ...cells((s) => (s.years[i] ? amount(s.years[i].deficitOre) : DASH))] })),
    { cells: [text('I alt'), ...cells((s) => amount(s.totalOre))], className: 'sum' },
    { cells: [text('Heraf underskud i driftsårene'), ...cells((s) => amount(s.operatingDeficitOre))], className: 'sub' },
    {
      cells: [text(uniformShare === null ? 'Regionens andel' : `Regionens andel (${percent(uniformShare)})`), ...cells((s) => (uniformShare === null ? `${amount(s.regionTotalOre)} (${percent(s.regionShare)})` : amount(s.regionTotalOre)))],
    },
    {
      cells: [text(uniformShare === null ? 'Kommunernes andel' : `Kommunernes andel (${percent(1 - uniformShare)})`), ...cells((s) => amount(s.municipalTotalOre))],
      className: 'key',
    },
  ];
  const occupancyRows: Row[] = labels.years.map((label, i) => ({ cells: [text(label), ...cells((s) => (s.years[i] ? percent(s.years[i].occupancy) : DASH))] }));
  const chosen = scenarios.find((s) => s.scenarioId === chosenId);
  const list = scenarios.map((s) => `<li><strong>${escape(s.name)}</strong>${s.scenarioId === chosenId ? ' – valgt' : ''} (${escape(frozenText(s))})</li>`).join('');
  const intro = chosen
    ? `Versionen har ${scenarios.length === 1 ? 'ét scenarie' : `${scenarios.length} scenarier`} for opstarten. Det valgte er «${chosen.name}» (markeret).`
    : `Versionen har ${scenarios.length === 1 ? 'ét scenarie' : `${scenarios.length} scenarier`} for opstarten. Der er ikke valgt et scenarie.`;
  return `<p class="lead">${escape(intro)}</p>
<ul>${list}</ul>
${notesBox('Forslagets tekst og scenarierne stemmer ikke overens', input.economy.checks, 'checks')}
${notesBox('Kan ikke beregnes', input.economy.errors)}
${block('Udgifter ved etablering og opstart', `<p class="unit-note">${AMOUNTS_IN_KRONER} «I alt» er etablering og opstart plus underskuddene i driftsårene.</p>${table({ head: scenarioHead(scenarios, chosenId, 'Scenarie'), rows })}`)}
${block('Belægning pr. driftsår', table({ head: scenarioHead(scenarios, chosenId, 'Driftsår'), rows: occupancyRows }))}`;
}

// ---------------------------------------------------------------- fordeling pr. kommune

function distributionBody(input: ProposalAnnexInput): string {
  const { scenarios } = input.economy;
  if (scenarios.length === 0) return noScenarios(input);
  const chosenId = input.chosenScenarioId;
  const chosen = scenarios.find((s) => s.scenarioId === chosenId) ?? null;
  // The weights and shares shown are the chosen scenario's key (the first scenario's without a choice).
  const keyOf = chosen ?? scenarios[0]!;
  const names = [...new Set(scenarios.flatMap((s) => s.perMunicipality.map((m) => m.organisationName)))];
  const find = (s: ScenarioFigures, name: string) => s.perMunicipality.find((m) => m.organisationName === name);
  const cells = (value: (s: ScenarioFigures) => string) => scenarioCells(scenarios, chosenId, value);
  const sameKey = scenarios.every((s) => s.perMunicipality.length === keyOf.perMunicipality.length && keyOf.perMunicipality.every((m) => find(s, m.organisationName)?.weight === m.weight));
  const regionShares = new Set(scenarios.map((s) => s.regionShare));
  const anyRegion = scenarios.some((s) => s.regionTotalOre !== 0);
  const uniformShare = regionShares.size === 1 ? scenarios[0]!.regionShare : null;

  const rows: Row[] = names.map((name) => {
    const own = find(keyOf, name);
    return {
      cells: [
        text(name),
        num(own ? formatNumber(own.weight) : DASH),
        num(own ? formatPercent(own.share, 2) : DASH),
        ...cells((s) => {
          const m = find(s, name);
          return m ? amount(m.totalOre) : DASH;
        }),
      ],
    };
  });
  const weightSum = keyOf.perMunicipality.reduce((a, m) => a + m.weight, 0);
  const shareSum = keyOf.perMunicipality.reduce((a, m) => a + m.share, 0);
  const columnSum = (s: ScenarioFigures) => s.perMunicipality.reduce((a, m) => a + m.totalOre, 0);
  rows.push({ cells: [text(anyRegion ? 'Kommunerne i alt' : 'I alt'), num(formatNumber(weightSum)), num(formatPercent(shareSum, 2)), ...cells((s) => amount(columnSum(s)))], className: 'sum' });
  if (anyRegion) {
    rows.push(
      { cells: [{ ...text(uniformShare === null ? 'Regionen' : `Regionen (${percent(uniformShare)})`), span: 3 }, ...cells((s) => amount(s.regionTotalOre))], className: 'sub' },
      { cells: [{ ...text('Opstart og underskud i alt'), span: 3 }, ...cells((s) => amount(s.totalOre))], className: 'sub' },
    );
  }
  const head = [text('Kommune'), { ...text('Vægt'), num: true }, { ...text('Andel'), num: true }, ...scenarioHead(scenarios, chosenId, '').slice(1)];
  const keyLabel = input.content.deficitCoverage.keyLabel.trim();
  const what = anyRegion
    ? uniformShare === null
      ? 'Kommunernes andel af etablering, opstart og underskud, fordelt efter nøglen.'
      : `Kommunernes ${percent(1 - uniformShare)} af etablering, opstart og underskud, fordelt efter nøglen; Regionen dækker ${percent(uniformShare)}.`
    : 'Etablering, opstart og underskud, fordelt på kommunerne efter nøglen.';
  const facts = `<dl class="facts"><dt>Fordelingsnøgle</dt><dd>${keyLabel ? escape(keyLabel) : '<em>Ikke angivet i forslaget</em>'}</dd><dt>Hvad fordeles</dt><dd>${escape(what)}</dd></dl>`;
  const keyNote = sameKey ? '' : ` Scenarierne har ikke samme nøgle; vægt og andel er fra «${keyOf.name}».`;
  const totals = block(
    'Kommunernes andel i alt pr. scenarie',
    `<p class="unit-note">${escape(`${AMOUNTS_IN_KRONER} Vægten er kommunens tal i nøglen, andelen vægten delt med summen af vægtene.${keyNote}`)}</p>${table({ className: 'compact', head, rows })}<p class="note">${escape(ROUNDING_NOTE)}</p>`,
  );
  return `${facts}${totals}${chosen ? yearByYear(chosen) : ''}`;
}

/** The chosen scenario per municipality and year: what each municipality budgets for. */
function yearByYear(figures: ScenarioFigures): string {
  const columns = figures.perMunicipality[0]?.amounts.map((a) => a.label) ?? [];
  const rows: Row[] = figures.perMunicipality.map((m) => ({ cells: [text(m.organisationName), ...m.amounts.map((a) => num(amount(a.ore))), num(amount(m.totalOre))] }));
  const columnSums = columns.map((_, i) => figures.perMunicipality.reduce((a, m) => a + (m.amounts[i]?.ore ?? 0), 0));
  const total = figures.perMunicipality.reduce((a, m) => a + m.totalOre, 0);
  rows.push({ cells: [text(figures.regionTotalOre === 0 ? 'I alt' : 'Kommunerne i alt'), ...columnSums.map((s) => num(amount(s))), num(amount(total))], className: 'sum' });
  const head = [text('Kommune'), ...columns.map((c) => ({ ...text(c), num: true })), { ...text('I alt'), num: true }];
  return block(
    `Det valgte scenarie år for år: ${figures.name}`,
    `<p class="unit-note">${AMOUNTS_IN_KRONER} Det, hver kommune skal afsætte pr. år, hvis det valgte scenarie holder.</p>${table({ className: 'compact', head, rows })}`,
  );
}

// ---------------------------------------------------------------- høringssvar

function responsesBody(input: ProposalAnnexInput): string {
  const { consultation } = input;
  const period =
    consultation.start && consultation.end
      ? `${formatNumericDate(consultation.start)} – ${formatNumericDate(consultation.end)}`
      : consultation.end
        ? `Frist ${formatNumericDate(consultation.end)}`
        : consultation.start
          ? `Fra ${formatNumericDate(consultation.start)}`
          : 'Ikke angivet';
  const circle = consultation.circle.length ? consultation.circle.map(escape).join('<br>') : 'Ikke angivet';
  const facts = `<dl class="facts">
<dt>Høringsperiode</dt><dd>${escape(period)}</dd>
<dt>Høringskreds</dt><dd>${circle}</dd>
<dt>Svar</dt><dd>${escape(`${input.responses.length} modtaget${input.notAnswered.length ? `, ${input.notAnswered.length} har ikke svaret` : ''}`)}</dd>
</dl>`;
  const received = (r: ConsultationResponse) => (r.receivedOn ? formatNumericDate(r.receivedOn) : DASH);
  const overview = table({
    className: 'medium',
    head: [text('Fra'), text('Modtaget'), text('Holdning')],
    rows: input.responses.map((r) => [text(r.respondent), text(received(r)), text(STANCE_LABELS[r.stance])]),
  });
  const each = input.responses
    .map(
      (r) => `<article class="response">
<h3>${escape(r.respondent)}</h3>
<div class="meta">${r.receivedOn ? `Modtaget ${escape(formatNumericDate(r.receivedOn))} · ` : ''}<span class="stance">${escape(STANCE_LABELS[r.stance])}</span></div>
${paragraphs(r.text)}
</article>`,
    )
    .join('\n');
  const missing = input.notAnswered.length ? `<p class="missing"><strong>Har ikke svaret:</strong> ${input.notAnswered.map(escape).join(', ')}</p>` : '';
  return `${facts}${block('Oversigt', overview)}${missing}<h2>Svarene</h2>${each}`;
}
