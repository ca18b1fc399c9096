import type { MunicipalityShare, ScenarioFigures } from '../domain/proposal';
import { formatLongDate, formatNumber, formatNumericDate, formatPercent } from '../format';
import { documentFileName } from '../format/file-name';
import { amount, block, COMPUTED_BY, kr, marginText, num, percent, proposalDocumentCss, table, text, versionLabel, type Cell, type Row } from './proposal-annexes';
import { escapeHtml as escape } from '../format/html';
import { printCss } from './render';

/*
 * One municipality's part of a proposal's start-up costs and deficits, on one page its finance staff can put in their
 * budget: what it pays each year, its weight and share in the key, the scenario's totals with the Region's share, and
 * the basis of the figures. Chromium prints it (electron/backend/documents/proposal-documents.ts), which also writes
 * the same figures as a workbook. Every text from the user is escaped.
 */

export interface MunicipalityFiguresInput {
  code: string;
  title: string;
  versionNumber: number;
  scenario: ScenarioFigures;
  municipality: MunicipalityShare;
  /** The key as printed: "Befolkningstal pr. 2. kvartal 2021". */
  keyLabel: string;
  /** The Region's share as the proposal states it (the amounts use the scenario's own). */
  regionShare: number;
  /** ISO date the figures were made. */
  madeOn: string;
  /** The Styringsaftale whose rules the scenario follows (2022), when known. */
  agreementYear?: number;
}

export const LARGEST_REMAINDER_NOTE =
  'Beløbene er hele kroner. Kommunernes andel er fordelt efter største brøkdels metode, så kommunernes beløb summerer præcist til kommunernes samlede andel.';

/** "NT-1 v2 – Aalborg Kommune – scenarie 2", the base of the file names (.xlsx, .pdf). */
export function municipalityFiguresBaseName(input: Pick<MunicipalityFiguresInput, 'code' | 'versionNumber' | 'scenario' | 'municipality'>): string {
  return `${versionLabel(input.code, input.versionNumber)} – ${input.municipality.organisationName} – ${scenarioShortName(input.scenario.name, input.code, input.versionNumber)}`;
}

export function municipalityFiguresFileName(input: Pick<MunicipalityFiguresInput, 'code' | 'versionNumber' | 'scenario' | 'municipality'>, extension: 'xlsx' | 'pdf'): string {
  return documentFileName(municipalityFiguresBaseName(input), extension, `${input.municipality.organisationName || 'Kommune'} – betaling`);
}

/** "scenarie 2" from "NT-1 v2 – scenarie 2": the scenario's name without the proposal's label it repeats. */
export function scenarioShortName(name: string, code: string, versionNumber: number): string {
  const prefix = `${versionLabel(code, versionNumber)} – `;
  const short = name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return short.trim() || name.trim() || 'scenarie';
}

/** What the municipality, all municipalities, the Region and the scenario pay in each column (start-up, then years). */
export interface PaymentRow {
  label: string;
  year: number | null;
  municipalityOre: number;
  municipalitiesOre: number;
  regionOre: number;
  totalOre: number;
}

/**
 * The payment table of the page and the workbook: one row per column of the municipality's amounts. The start-up row's
 * Region and municipal parts are the scenario's totals less its operating years (the engine splits the start-up costs
 * the same way as the deficits).
 */
export function paymentRows(scenario: ScenarioFigures, municipality: MunicipalityShare): PaymentRow[] {
  const years = scenario.years;
  const sum = (of: (y: ScenarioFigures['years'][number]) => number) => years.reduce((a, y) => a + of(y), 0);
  return municipality.amounts.map((a, i) => {
    if (i === 0) {
      return {
        label: a.label,
        year: a.year,
        municipalityOre: a.ore,
        municipalitiesOre: scenario.municipalTotalOre - sum((y) => y.municipalOre),
        regionOre: scenario.regionTotalOre - sum((y) => y.regionOre),
        totalOre: scenario.startupCostsOre,
      };
    }
    const y = years[i - 1];
    return { label: a.label, year: a.year, municipalityOre: a.ore, municipalitiesOre: y?.municipalOre ?? 0, regionOre: y?.regionOre ?? 0, totalOre: y?.deficitOre ?? 0 };
  });
}

/** "Befolkningstal pr. 2. kvartal 2021" → "befolkningstal pr. 2. kvartal 2021" (an abbreviation such as "DST" stays). */
const inSentence = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label);

/** The basis of the figures, as sentences (the page's «Grundlag» and the workbook's notes). */
export function municipalityFiguresBasis(input: MunicipalityFiguresInput): string[] {
  const { scenario } = input;
  const keyLabel = input.keyLabel.trim();
  const agreement = input.agreementYear === undefined ? 'Styringsaftalen for Nordjysk Socialaftale' : `Styringsaftalen for Nordjysk Socialaftale ${input.agreementYear}`;
  const split =
    scenario.regionShare === 0
      ? 'kommunerne dækker det hele'
      : `Regionen dækker ${percent(scenario.regionShare)} og kommunerne ${percent(1 - scenario.regionShare)}`;
  const basis = [
    keyLabel ? `Fordelt efter ${inSentence(keyLabel)}.` : 'Fordelingsnøglen er ikke angivet i forslaget.',
    `Beregnet efter ${agreement} og forslagets model for underskudsdækning: etablering, opstart og underskud i driftsårene, hvor ${split}.`,
    LARGEST_REMAINDER_NOTE,
  ];
  if (Math.abs(input.regionShare - scenario.regionShare) > 1e-9) {
    basis.push(`Forslaget angiver Regionens andel til ${percent(input.regionShare)}, men scenariet regner med ${percent(scenario.regionShare)}; beløbene følger scenariet.`);
  }
  if (scenario.frozenNumber === null) basis.push('Scenariet er ikke fastfrosset – tallene kan ændres.');
  return basis;
}

export function renderMunicipalityFigures(input: MunicipalityFiguresInput): string {
  const { scenario, municipality } = input;
  const name = municipality.organisationName;
  const label = versionLabel(input.code, input.versionNumber);
  const title = `${label} – ${name}`;
  const header = marginText(`${title} · ${formatLongDate(input.madeOn)}`);
  const rows = paymentRows(scenario, municipality);

  const own = (c: Cell): Cell => ({ ...c, className: 'chosen' });
  const paymentTable = table({
    head: [text('År'), own({ ...text(name), num: true }), { ...text('Alle kommuner'), num: true }, { ...text(`Regionen (${percent(scenario.regionShare)})`), num: true }, { ...text('Opstart og underskud i alt'), num: true }],
    rows: [
      ...rows.map((r) => [text(r.label), own(num(amount(r.municipalityOre))), num(amount(r.municipalitiesOre)), num(amount(r.regionOre)), num(amount(r.totalOre))]),
      {
        cells: [text('I alt'), own(num(amount(municipality.totalOre))), num(amount(scenario.municipalTotalOre)), num(amount(scenario.regionTotalOre)), num(amount(scenario.totalOre))],
        className: 'sum',
      } satisfies Row,
    ],
  });

  const weightSum = scenario.perMunicipality.reduce((a, m) => a + m.weight, 0);
  const keyRows: Row[] = [
    { cells: [text('Kommunens vægt'), num(formatNumber(municipality.weight))] },
    { cells: [text('Alle kommuners vægt'), num(formatNumber(weightSum))] },
    { cells: [text('Andel af kommunernes del'), num(formatPercent(municipality.share, 2))], className: 'key' },
  ];
  const scenarioRows: Row[] = [
    { cells: [text('Opstart og underskud i alt'), num(kr(scenario.totalOre))] },
    { cells: [text(`Regionens andel (${percent(scenario.regionShare)})`), num(kr(scenario.regionTotalOre))] },
    { cells: [text(`Kommunernes andel (${percent(1 - scenario.regionShare)})`), num(kr(scenario.municipalTotalOre))] },
    { cells: [text(`Heraf ${name}`), num(kr(municipality.totalOre))], className: 'key' },
  ];
  const basis = municipalityFiguresBasis(input)
    .map((s) => `<li>${escape(s)}</li>`)
    .join('');
  const frozen = scenario.frozenNumber === null ? 'ikke fastfrosset' : `fastfrosset version ${scenario.frozenNumber}`;

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(`${title}: betaling – ${scenario.name}`)}</title>
<style>${printCss(header, true)}${proposalDocumentCss(header)}${pageCss}</style>
</head>
<body>
<section class="annex municipality">
<header class="doc-head">
<div class="kicker">${escape(`${label} · ${scenarioShortName(scenario.name, input.code, input.versionNumber)} (${frozen})`)}</div>
<h1>${escape(name)}</h1>
<div class="proposal">${escape(`Betaling til etablering, opstart og underskud – ${label}: ${input.title}`)}</div>
<div class="source">${escape(`${COMPUTED_BY} · ${formatNumericDate(input.madeOn)}`)}</div>
</header>
<div class="total-box"><span class="label">${escape(`${name} betaler i alt`)}</span><span class="value">${escape(kr(municipality.totalOre))}</span><span class="sub">${escape(`${formatPercent(municipality.share, 2)} af kommunernes andel på ${kr(scenario.municipalTotalOre)}`)}</span></div>
${block('Betaling pr. år', `<p class="unit-note">Beløb i kr.</p>${paymentTable}`)}
<div class="pair">
${block('Kommunens andel', `<p class="unit-note">${escape(`Fordelingsnøgle: ${input.keyLabel.trim() || 'ikke angivet'}`)}</p>${table({ head: [text('Nøgle'), { ...text('Værdi'), num: true }], rows: keyRows })}`)}
${block('Scenariet i alt', `<p class="unit-note">${escape(`${scenarioShortName(scenario.name, input.code, input.versionNumber)}: etablering, opstart og underskud`)}</p>${table({ head: [text('Hvem'), { ...text('Beløb'), num: true }], rows: scenarioRows })}`)}
</div>
${block('Grundlag', `<ul class="basis">${basis}</ul>`)}
</section>
</body>
</html>`;
}

const pageCss = `
.total-box { border: 0.4mm solid #1d4f8a; background: #eef4fb; padding: 3mm 4mm; margin: 0 0 3mm; display: grid; grid-template-columns: 1fr auto; align-items: baseline; gap: 0 4mm; break-inside: avoid; }
.total-box .label { font-weight: 700; font-size: 11pt; }
.total-box .value { font-weight: 700; font-size: 16pt; font-variant-numeric: tabular-nums; }
.total-box .sub { grid-column: 1 / -1; font-size: 9pt; color: #333; }
ul.basis { font-size: 9.5pt; }
ul.basis li { margin-bottom: 1mm; }
`;
