import { OUTCOME_LABELS } from '../domain/agenda';
import { formatLongDate, formatTimeSpan, formatWeekday } from '../format';
import { applyEdition } from './edition';
import type { DocumentItem, DocumentModel } from './model';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A CSS string literal (for the running header in the page margin). */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export interface RenderOptions {
  /** Page of each item, from a first print; the table of contents shows it when known. */
  pageOf?: ReadonlyMap<string, number>;
}

const KIND_TITLES = { agenda: 'Dagsorden', minutes: 'Referat' } as const;

/**
 * The agenda or minutes as one HTML document with print CSS (layout A of the DAS papers, domain.md §1.3):
 * a front page, a table of contents, then every item. The same HTML is the in-app preview and the PDF.
 * The edition is applied here, so a public document cannot be rendered from unfiltered items by mistake.
 */
export function renderDocument(source: DocumentModel, options: RenderOptions = {}): string {
  const model = applyEdition(source, source.edition);
  const date = formatLongDate(model.meeting.date);
  const title = `${KIND_TITLES[model.kind]} – ${model.body.name} – ${date}`;
  const header = `${model.body.code} · ${KIND_TITLES[model.kind].toLowerCase()} · ${date}${model.edition === 'public' ? ' · offentlig udgave' : ''}`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${printCss(header)}</style>
</head>
<body>
${frontPage(model)}
${contents(model, options.pageOf)}
${model.items.map((item) => renderItem(item, model.kind)).join('\n')}
</body>
</html>`;
}

function printCss(header: string): string {
  return `
@page {
  size: A4;
  margin: 24mm 20mm 22mm 22mm;
  @top-left { content: ${cssString(header)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; }
  @bottom-right { content: "Side " counter(page) " af " counter(pages); font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; }
}
@page :first { @top-left { content: none; } }
html { font: 10.5pt/1.45 "Liberation Sans", Arial, "DejaVu Sans", sans-serif; color: #111; }
body { margin: 0; }
h1 { font-size: 22pt; margin: 0 0 4mm; font-weight: 700; }
h2 { font-size: 14pt; margin: 0 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2.5mm; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 2.5mm; padding-left: 6mm; }
a { color: inherit; text-decoration: none; }
.front { break-after: page; }
.front .body-name { font-size: 13pt; color: #333; margin-bottom: 14mm; }
.front dl { display: grid; grid-template-columns: 32mm 1fr; gap: 2mm 4mm; margin: 10mm 0; }
.front dt { font-weight: 700; }
.front dd { margin: 0; }
.edition { display: inline-block; border: 0.3mm solid #888; padding: 1mm 3mm; font-size: 9pt; color: #444; }
.contents { break-after: page; }
.contents ol { list-style: none; padding: 0; }
.contents li { display: flex; align-items: flex-end; gap: 2mm; margin-bottom: 1.5mm; }
.contents .title { flex: 0 1 auto; max-width: 85%; }
.contents .dots { flex: 1 1 auto; border-bottom: 0.25mm dotted #999; margin-bottom: 1.2mm; min-width: 8mm; }
.contents .page { min-width: 8mm; text-align: right; }
.item { break-before: page; }
.item .number { font-size: 10pt; color: #555; font-weight: 700; margin-bottom: 1mm; }
.item .meta { color: #444; font-size: 9.5pt; margin-bottom: 3mm; }
.item .closed { border-left: 1mm solid #999; padding-left: 3mm; color: #444; }
.section { margin-top: 4mm; }
.section > .label { font-weight: 700; font-size: 10.5pt; margin-bottom: 1mm; break-after: avoid; }
.decision { border: 0.3mm solid #333; padding: 3mm 4mm; margin-top: 4mm; break-inside: avoid-page; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.25mm solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.attachments li { margin-bottom: 1mm; }
`;
}

function frontPage(model: DocumentModel): string {
  const present = model.participants.filter((p) => p.present);
  const absent = model.participants.filter((p) => !p.present);
  const person = (p: { name: string; organisation: string }) => escape(p.organisation ? `${p.name}, ${p.organisation}` : p.name);
  const weekday = formatWeekday(model.meeting.date);
  return `<section class="front">
<h1>${KIND_TITLES[model.kind]}</h1>
<div class="body-name">${escape(model.body.name)}</div>
<dl>
<dt>Dato</dt><dd>${escape(`${weekday[0]!.toUpperCase()}${weekday.slice(1)} den ${formatLongDate(model.meeting.date)}`)}</dd>
${model.meeting.startTime ? `<dt>Tidspunkt</dt><dd>${escape(formatTimeSpan(model.meeting.startTime, model.meeting.endTime))}</dd>` : ''}
${model.meeting.location ? `<dt>Sted</dt><dd>${escape(model.meeting.location)}</dd>` : ''}
${present.length ? `<dt>Deltagere</dt><dd>${present.map(person).join('<br>')}</dd>` : ''}
${absent.length ? `<dt>Afbud</dt><dd>${absent.map(person).join('<br>')}</dd>` : ''}
</dl>
<div class="edition">${model.edition === 'public' ? 'Offentlig udgave – lukkede punkter er udeladt' : 'Intern udgave – indeholder lukkede punkter'}</div>
</section>`;
}

function contents(model: DocumentModel, pageOf?: ReadonlyMap<string, number>): string {
  const rows = model.items.map((item) => {
    const page = pageOf?.get(item.id);
    const leader = page === undefined ? '' : `<span class="dots"></span><span class="page">${page}</span>`;
    return `<li><a href="#punkt-${item.number}" class="title">Punkt ${item.number}. ${escape(item.title)}</a>${leader}</li>`;
  });
  return `<section class="contents"><h2>Indholdsfortegnelse</h2><ol>${rows.join('')}</ol></section>`;
}

function section(label: string, html: string): string {
  return html.trim() ? `<div class="section"><div class="label">${label}</div>${html}</div>` : '';
}

function renderItem(item: DocumentItem, kind: DocumentModel['kind']): string {
  const head = `<div class="number">Punkt ${item.number}.</div><h2 id="punkt-${item.number}">${escape(item.title)}</h2>`;
  if (item.closed && !item.resume && !item.caseText && item.recommendations.length === 0 && !item.decision) {
    return `<section class="item" data-item="${item.id}">${head}<p class="closed">Punktet er lukket.</p></section>`;
  }
  const meta = [item.caseNumber && `Sagsnr. ${item.caseNumber}`, item.caseOfficer && `Sagsbehandler: ${item.caseOfficer}`].filter(Boolean).map((m) => escape(m as string));
  const announced = item.guests.filter((g) => kind === 'agenda' || !g.attended);
  const attended = item.guests.filter((g) => g.attended);
  const guest = (g: DocumentItem['guests'][number]) => [g.title, g.name, g.organisation && `(${g.organisation})`].filter(Boolean).join(' ');
  const guests = kind === 'agenda'
    ? announced.length ? `<p>${escape(announced.map(guest).join(' og '))} deltager under punktet.</p>` : ''
    : attended.length ? `<p>${escape(attended.map(guest).join(' og '))} deltog under punktet.</p>` : '';
  const recommendations = item.recommendations.filter((r) => r.trim());
  const decision = kind === 'minutes' && item.decision ? renderDecision(item.decision) : '';
  const attachments = item.attachments.length
    ? `<ul class="attachments">${item.attachments.map((a) => `<li>Bilag ${a.number}: ${escape(a.title)}</li>`).join('')}</ul>`
    : '';
  return `<section class="item" data-item="${item.id}">
${head}
${meta.length ? `<div class="meta">${meta.join(' · ')}</div>` : ''}
${item.closed ? '<p class="closed">Lukket punkt – fortroligt.</p>' : ''}
${guests}
${section('Resumé', item.resume)}
${recommendations.length ? section('Indstilling', `<p>Det indstilles, at</p><ul>${recommendations.map((r) => `<li>${escape(r)}</li>`).join('')}</ul>`) : ''}
${decision}
${section('Sagsfremstilling', item.caseText)}
${section('Økonomi', item.economy)}
${section('Høring', item.consultation)}
${section('Bilag', attachments)}
</section>`;
}

function renderDecision(decision: NonNullable<DocumentItem['decision']>): string {
  const outcome = decision.outcome ? `<p><strong>${OUTCOME_LABELS[decision.outcome]}.</strong></p>` : '';
  const reservations = decision.reservations.length
    ? `<p>Forbehold: ${decision.reservations.map((r) => escape(r.text ? `${r.party}: ${r.text}` : r.party)).join('; ')}</p>`
    : '';
  return `<div class="decision"><div class="label"><strong>Beslutning</strong></div>${outcome}${decision.text}${reservations}</div>`;
}
