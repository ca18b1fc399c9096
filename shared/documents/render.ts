import { OUTCOME_LABELS } from '../domain/agenda';
import { formatLongDate, formatTimeSpan } from '../format';
import { applyEdition } from './edition';
import { attachmentLine, headingTitle, LAYOUTS, type ItemPart, type LayoutSpec } from './layout';
import {
  CLOSED_ITEM_EMPTY,
  CLOSED_ITEM_NOTICE,
  CONTENTS_TITLE,
  DRAFT_LABEL,
  EDITION_LABELS,
  FRONT_LABELS,
  guestSentence,
  isDraftMinutes,
  isEmptyClosedItem,
  itemNumberLabel,
  KIND_TITLES,
  meetingDateLine,
  PUBLIC_TITLE_BADGE,
  metaParts,
  personLine,
  RECOMMENDATION_INTRO,
  FOLLOW_UPS_LABEL,
  followUpMeta,
  recommendationPoints,
  reservationLine,
  RESERVATIONS_LABEL,
  runningHeader,
  SECTION_LABELS,
} from './labels';
import type { DocumentItem, DocumentModel } from './model';
import { escapeHtml as escape } from '../format/html';

/** A CSS string literal (for the running header in the page margin). */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export interface RenderOptions {
  /** Page of each item, from a first print; the table of contents shows it when known. */
  pageOf?: ReadonlyMap<string, number>;
  /** False for the agenda of a pack, which is numbered as a whole after the attachments are added. */
  pageNumbers?: boolean;
  /** A note after an attachment in the list, e.g. where it starts in the pack ("side 24"). */
  attachmentNote?: (itemId: string, attachmentNumber: number) => string;
  /** The in-app preview: a public edition marks every closed item whose title it shows. Never set for a print. */
  preview?: boolean;
}

/**
 * The agenda or minutes as one HTML document with print CSS, in the body's layout (layout.ts): a front page, a table
 * of contents, then every item, each on a new page or on continuous pages as the body wants. The same HTML is the in-app preview and the PDF.
 * The edition is applied here, so a public document cannot be rendered from unfiltered items by mistake.
 */
export function renderDocument(source: DocumentModel, options: RenderOptions = {}): string {
  const model = applyEdition(source, source.edition);
  const date = formatLongDate(model.meeting.date);
  const title = `${KIND_TITLES[model.kind]} – ${model.body.name} – ${date}`;
  const header = runningHeader(model);
  const badge = badgeOf(model, options);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>${printCss(header, options.pageNumbers ?? true)}</style>
</head>
<body${model.itemBreak === 'continuous' ? ' class="continuous"' : ''}>
${frontPage(model)}
${contents(model, options.pageOf, badge)}
${model.items.map((item) => renderItem(item, model, options.attachmentNote, badge)).join('\n')}
</body>
</html>`;
}

function printCss(header: string, pageNumbers: boolean): string {
  return `
@page {
  size: A4;
  margin: 24mm 20mm 22mm 22mm;
  @top-left { content: ${cssString(header)}; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; }
  ${pageNumbers ? '@bottom-right { content: "Side " counter(page) " af " counter(pages); font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; }' : ''}
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
.draft { border: 0.6mm solid #a33; color: #a33; padding: 2mm 3mm; font-weight: 700; margin-bottom: 4mm; display: inline-block; }
.edition { display: inline-block; border: 0.3mm solid #888; padding: 1mm 3mm; font-size: 9pt; color: #444; }
.contents { break-after: page; }
.contents ol { list-style: none; padding: 0; }
.contents li { display: flex; align-items: flex-end; gap: 2mm; margin-bottom: 1.5mm; }
.contents .title { flex: 0 1 auto; max-width: 85%; }
.contents .dots { flex: 1 1 auto; border-bottom: 0.25mm dotted #999; margin-bottom: 1.2mm; min-width: 8mm; }
.contents .page { min-width: 8mm; text-align: right; }
.item { break-before: page; }
/* Items on continuous pages: the first still starts after the contents' page break. */
.continuous .item { break-before: auto; margin-top: 10mm; }
.item .number { font-size: 10pt; color: #555; font-weight: 700; margin-bottom: 1mm; break-after: avoid; }
.item .meta { color: #444; font-size: 9.5pt; margin-bottom: 3mm; break-after: avoid; }
.item .closed { border-left: 1mm solid #999; padding-left: 3mm; color: #444; }
.section { margin-top: 4mm; }
.section > .label { font-weight: 700; font-size: 10.5pt; margin-bottom: 1mm; break-after: avoid; }
.decision { border: 0.3mm solid #333; padding: 3mm 4mm; margin-top: 4mm; break-inside: avoid-page; }
.decision > .label { font-weight: 700; margin: 3mm 0 1mm; break-after: avoid; }
.decision > .label:first-child { margin-top: 0; }
.decision ul:last-child { margin-bottom: 0; }
.follow-ups li { margin-bottom: 1mm; }
.follow-up-meta { color: #444; font-size: 9.5pt; }
/* A heading inside a section's text never outranks the section's own label (10.5 pt bold). */
:is(.section, .decision) :is(h1, h2, h3) { font-size: 10.5pt; margin: 3mm 0 1mm; }
:is(.section, .decision) :is(h4, h5, h6) { font-size: 10pt; font-style: italic; margin: 2.5mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.25mm solid #888; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
/* On screen (the in-app preview) each front page, contents and item is a sheet of paper. */
@media screen {
  html { background: #e9ecef; }
  body > section { background: #fff; max-width: 166mm; margin: 6mm auto; padding: 18mm 20mm; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.18); }
}
.attachments li { margin-bottom: 1mm; }
/* Layout C numbers its list itself («1. Titel (sagsnr.)»). */
.attachments.numbered { list-style: none; padding-left: 0; }
.attachments .note { color: #555; font-size: 9pt; }
.public-title-badge { display: inline-block; margin-left: 2mm; padding: 0.3mm 2mm; border-radius: 2mm; background: #fff3bf; color: #7c5800; border: 0.3mm solid #e8b500; font-size: 8.5pt; font-weight: 600; vertical-align: middle; }
`;
}

function frontPage(model: DocumentModel): string {
  const present = model.participants.filter((p) => p.present);
  const absent = model.participants.filter((p) => !p.present);
  const person = (p: { name: string; organisation: string }) => escape(personLine(p));
  return `<section class="front">
<h1>${KIND_TITLES[model.kind]}</h1>
<div class="body-name">${escape(model.body.name)}</div>
<dl>
<dt>${FRONT_LABELS.date}</dt><dd>${escape(meetingDateLine(model.meeting.date))}</dd>
${model.meeting.startTime ? `<dt>${FRONT_LABELS.time}</dt><dd>${escape(formatTimeSpan(model.meeting.startTime, model.meeting.endTime))}</dd>` : ''}
${model.meeting.location ? `<dt>${FRONT_LABELS.location}</dt><dd>${escape(model.meeting.location)}</dd>` : ''}
${present.length ? `<dt>${FRONT_LABELS.present}</dt><dd>${present.map(person).join('<br>')}</dd>` : ''}
${absent.length ? `<dt>${FRONT_LABELS.absent}</dt><dd>${absent.map(person).join('<br>')}</dd>` : ''}
</dl>
${isDraftMinutes(model) ? `<div class="draft">${DRAFT_LABEL}</div><br>` : ''}<div class="edition">${EDITION_LABELS[model.edition]}</div>
</section>`;
}

/** The preview's mark after a closed item's title that the public edition shows; empty elsewhere. */
function badgeOf(model: DocumentModel, options: RenderOptions): (item: DocumentItem) => string {
  if (!options.preview || model.edition !== 'public') return () => '';
  return (item) => (item.closed && item.closedTitleVisible ? ` <span class="public-title-badge">${PUBLIC_TITLE_BADGE}</span>` : '');
}

function contents(model: DocumentModel, pageOf: ReadonlyMap<string, number> | undefined, badge: (item: DocumentItem) => string): string {
  const rows = model.items.map((item) => {
    const page = pageOf?.get(item.id);
    const leader = page === undefined ? '' : `<span class="dots"></span><span class="page">${page}</span>`;
    return `<li><a href="#punkt-${item.number}" class="title">${itemNumberLabel(item.number)} ${escape(item.title)}</a>${badge(item)}${leader}</li>`;
  });
  return `<section class="contents"><h2>${CONTENTS_TITLE}</h2><ol>${rows.join('')}</ol></section>`;
}

function section(label: string, html: string): string {
  return html.trim() ? `<div class="section"><div class="label">${label}</div>${html}</div>` : '';
}

function renderItem(item: DocumentItem, model: DocumentModel, attachmentNote: RenderOptions['attachmentNote'], badge: (item: DocumentItem) => string): string {
  const layout = LAYOUTS[model.layout];
  const head = `<div class="number">${itemNumberLabel(item.number)}</div><h2 id="punkt-${item.number}">${escape(headingTitle(layout, item))}${badge(item)}</h2>`;
  if (isEmptyClosedItem(item)) {
    return `<section class="item" data-item="${item.id}">${head}<p class="closed">${CLOSED_ITEM_EMPTY}</p></section>`;
  }
  const meta = metaParts(item).map(escape);
  const guestText = guestSentence(item.guests, model.kind);
  const guests = guestText ? `<p>${escape(guestText)}</p>` : '';
  return `<section class="item" data-item="${item.id}">
${head}
${meta.length ? `<div class="meta">${meta.join(' · ')}</div>` : ''}
${item.closed ? `<p class="closed">${CLOSED_ITEM_NOTICE}</p>` : ''}
${guests}
${layout.parts.map((part) => renderPart(part, item, model.kind, layout, attachmentNote)).join('\n')}
</section>`;
}

function renderPart(part: ItemPart, item: DocumentItem, kind: DocumentModel['kind'], layout: LayoutSpec, attachmentNote: RenderOptions['attachmentNote']): string {
  switch (part) {
    case 'recommendations': {
      const points = recommendationPoints(item, kind).map(
        (r) => `<li>${escape(r.text)}${r.outcome ? ` <strong class="point-outcome">– ${escape(r.outcome)}</strong>` : ''}</li>`,
      );
      return points.length ? section(SECTION_LABELS.recommendations, `<p>${RECOMMENDATION_INTRO}</p><ul>${points.join('')}</ul>`) : '';
    }
    case 'decision':
      return kind === 'minutes' && item.decision ? renderDecision(item.decision, item.followUps, layout.decisionLabel) : '';
    case 'attachments':
      return item.attachments.length
        ? section(SECTION_LABELS.attachments, `<ul class="attachments${layout.attachmentWithCase ? ' numbered' : ''}">${item.attachments.map((a) => `<li>${escape(attachmentLine(layout, item, a))}${noteOf(attachmentNote?.(item.id, a.number))}</li>`).join('')}</ul>`)
        : '';
    default:
      return section(SECTION_LABELS[part], item[part]);
  }
}

const noteOf = (note: string | undefined) => (note ? ` <span class="note">(${escape(note)})</span>` : '');

function renderDecision(decision: NonNullable<DocumentItem['decision']>, followUps: DocumentItem['followUps'], label: string): string {
  const outcome = decision.outcome ? `<p><strong>${OUTCOME_LABELS[decision.outcome]}.</strong></p>` : '';
  const reservations = decision.reservations.length
    ? `<div class="label">${RESERVATIONS_LABEL}</div><ul>${decision.reservations.map((r) => `<li>${escape(reservationLine(r))}</li>`).join('')}</ul>`
    : '';
  const meta = (text: string) => (text ? `<br><span class="follow-up-meta">${escape(text)}</span>` : '');
  const agreed = followUps.length
    ? `<div class="label">${FOLLOW_UPS_LABEL}</div><ul class="follow-ups">${followUps.map((f) => `<li>${escape(f.action)}${meta(followUpMeta(f))}</li>`).join('')}</ul>`
    : '';
  return `<div class="decision"><div class="label"><strong>${escape(label)}</strong></div>${outcome}${decision.text}${reservations}${agreed}</div>`;
}

/** For other printed documents of the same family (the scenario annex): the same page, fonts, tables and escaping. */
export { cssString, printCss };
