import { formatNumber, formatNumericDate, formatPercent } from '../format';
import { documentFileName } from '../format/file-name';
import { escapeHtml as escape } from '../format/html';
import type { Takstbilag, TakstbilagOperator, TakstbilagRow } from '../logic/tariff/takstbilag';
import { amount, marginText, proposalDocumentCss } from './proposal-annexes';
import { printCss } from './render';

/*
 * The takstbilag as a printed annex in the meeting papers' layout (the agenda's print CSS and the proposal annexes'
 * tables), on landscape A4 so that its ten columns fit: one table per operator whose header repeats on each page,
 * a row per legal basis between the offers, the operator's totals, and the checks' sentences after the tables.
 */

export const takstbilagFileName = (year: number, extension: 'pdf' | 'xlsx') => documentFileName(`Takstbilag ${year}`, extension, 'Takstbilag');

const signedAmount = (ore: number) => `${ore > 0 ? '+' : ore < 0 ? '−' : ''}${amount(Math.abs(ore))}`;
const signedShare = (share: number) => `${share > 0 ? '+' : share < 0 ? '−' : ''}${formatPercent(Math.abs(share), 1)}`;
const COLUMNS = 10;

function offerRow(row: TakstbilagRow, noteNumber: number | null): string {
  const flags = row.flags.length ? `${row.flags.map((f) => escape(f.short)).join('<br>')}${noteNumber === null ? '' : ` <span class="ref">(${noteNumber})</span>`}` : '';
  const cells = [
    `<th scope="row">${escape(row.offerName)}</th>`,
    `<td>${escape(row.unitLabel)}</td>`,
    `<td class="num">${escape(formatNumber(row.places))}</td>`,
    `<td class="num">${escape(formatPercent(row.occupancy, 1))}</td>`,
    `<td class="num">${escape(amount(row.tariff))}</td>`,
    `<td class="num">${row.previousTariff === null ? '–' : escape(amount(row.previousTariff))}</td>`,
    `<td class="num">${row.change === null ? '–' : escape(signedAmount(row.change))}</td>`,
    `<td class="num">${row.changeShare === null ? '–' : escape(signedShare(row.changeShare))}</td>`,
    `<td>${escape(row.statusLabel)}${row.version > 1 ? ` (v${row.version})` : ''}</td>`,
    `<td class="flags${row.flags.some((f) => f.severity !== 'hint') ? ' flagged' : ''}">${flags}</td>`,
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function operatorTable(operator: TakstbilagOperator, year: number, noteNumbers: Map<string, number>): string {
  const head = ['Tilbud', 'Enhed', 'Pladser', 'Belægning', `Takst ${year} (kr.)`, `Takst ${year - 1} (kr.)`, 'Ændring (kr.)', 'Ændring (%)', 'Status', 'Bemærkninger'];
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const thead = `<tr>${head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${escape(h)}</th>`).join('')}</tr>`;
  const body = operator.groups
    .map((g) => `<tr class="basis"><th scope="rowgroup" colspan="${COLUMNS}">${escape(g.label)}</th></tr>${g.rows.map((r) => offerRow(r, noteNumbers.get(r.offerId) ?? null)).join('')}`)
    .join('');
  const t = operator.totals;
  const total = `<tr class="sum"><th scope="row">${escape(`I alt ${operator.operatorName}`)}</th><td>${escape(`${formatNumber(t.offers)} tilbud`)}</td><td class="num">${escape(formatNumber(t.places))}</td><td></td><td></td><td></td><td></td><td class="num avg">${t.averageChangeShare === null ? '–' : escape(`gns. ${signedShare(t.averageChangeShare)}`)}</td><td></td><td>${t.flags ? escape(`${formatNumber(t.flags)} bemærkninger`) : ''}</td></tr>`;
  // A short table is kept on one page; a long one breaks between rows with its header repeated.
  const rows = operator.groups.reduce((n, g) => n + g.rows.length + 1, 1);
  return `<section class="operator${rows <= 12 ? ' short' : ''}"><h2>${escape(operator.operatorName)}</h2><table class="annex-table"><colgroup><col class="c-offer"><col class="c-unit"><col class="c-places"><col class="c-occ"><col class="c-money"><col class="c-money"><col class="c-money"><col class="c-share"><col class="c-status"><col class="c-flags"></colgroup><thead>${thead}</thead><tbody>${body}${total}</tbody></table></section>`;
}

export function renderTakstbilag(annex: Takstbilag, madeOn: string): string {
  const title = `Takstbilag ${annex.year}`;
  const header = marginText(`${title} · Nordjysk Socialaftale`);
  const flagged = annex.operators.flatMap((o) => o.groups.flatMap((g) => g.rows.filter((r) => r.flags.length > 0).map((r) => ({ operator: o.operatorName, row: r }))));
  const noteNumbers = new Map(flagged.map((f, i) => [f.row.offerId, i + 1]));
  const t = annex.totals;
  const summary = [
    `${formatNumber(t.offers)} tilbud hos ${formatNumber(t.operators)} driftsherrer, ${formatNumber(t.places)} pladser.`,
    t.averageChangeShare === null ? '' : `Taksterne ændres i gennemsnit ${signedShare(t.averageChangeShare)} i forhold til ${annex.year - 1}.`,
    t.flags ? `Kontrollen giver ${formatNumber(t.flags)} bemærkninger ved ${formatNumber(t.flaggedOffers)} tilbud (se nederst).` : 'Kontrollen giver ingen bemærkninger.',
  ].filter(Boolean);
  const notes = flagged.length
    ? `<section class="checks"><h2>Bemærkninger fra kontrollen</h2><ol>${flagged
        .map((f) => `<li><strong>${escape(`${f.row.offerName} (${f.operator})`)}</strong><ul>${f.row.flags.map((flag) => `<li>${escape(flag.message)}</li>`).join('')}</ul></li>`)
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${printCss(header, true)}${proposalDocumentCss(header)}${pageCss}</style>
</head>
<body>
<header class="doc-head">
<div class="kicker">Bilag · Nordjysk Socialaftale</div>
<h1>${escape(title)}</h1>
<div class="proposal">Takster for tilbuddene i Socialaftalen efter driftsherre og lovgrundlag, med sidste års takst og ændringen</div>
<div class="source">${escape(`Beregnet af Sekretariat ud fra takstberegningsskemaerne og takstreglerne · ${formatNumericDate(madeOn)}`)}</div>
</header>
<p class="lead">${escape(summary.join(' '))}</p>
${annex.notes.length ? `<div class="warnings checks" role="note"><div class="label">Regelsæt</div><ul>${annex.notes.map((n) => `<li>${escape(n)}</li>`).join('')}</ul></div>` : ''}
<p class="unit-note">Takster i kr. pr. enhed (døgn, dag, time eller ydelse); belægning er den budgetterede. Ændringen er i forhold til ${annex.year - 1}s takst. For time- og enhedstakster er «Pladser» årets kapacitet i timer eller ydelser; de tælles ikke med i summen af pladser.</p>
${annex.operators.map((o) => operatorTable(o, annex.year, noteNumbers)).join('\n')}
${notes}
</body>
</html>`;
}

const pageCss = `
@page { size: A4 landscape; margin: 18mm 14mm 16mm 14mm; }
.operator { margin-top: 5mm; }
.operator h2 { break-after: avoid; }
.operator.short { break-inside: avoid; }
table.annex-table { width: 100%; table-layout: fixed; font-size: 8.5pt; }
table.annex-table th, table.annex-table td { padding: 0.6mm 1.3mm; vertical-align: top; }
table.annex-table thead { display: table-header-group; }
col.c-offer { width: 24%; } col.c-unit { width: 8%; } col.c-places { width: 5.5%; } col.c-occ { width: 7%; }
col.c-money { width: 8%; } col.c-share { width: 8%; } col.c-status { width: 7.5%; } col.c-flags { width: 16%; }
td.avg { white-space: normal; }
table.annex-table tbody th { overflow-wrap: anywhere; }
tr.basis { break-after: avoid; }
tr.basis th { background: #eef1f4; font-weight: 700; text-align: left; font-size: 8.5pt; padding-top: 1mm; }
td.flags { font-size: 7.5pt; line-height: 1.25; }
td.flags.flagged { color: #8a5a12; }
.ref { color: #555; }
.checks ol { font-size: 8.5pt; padding-left: 6mm; }
.checks li { margin-bottom: 1mm; break-inside: avoid; }
.checks ul { margin: 0.5mm 0 0; }
`;
