import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
} from 'docx';
import { OUTCOME_LABELS } from '../../../shared/domain/agenda';
import { applyEdition } from '../../../shared/documents/edition';
import { attachmentLine, headingTitle, LAYOUTS, type ItemPart, type LayoutSpec } from '../../../shared/documents/layout';
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
} from '../../../shared/documents/labels';
import type { DocumentItem, DocumentModel } from '../../../shared/documents/model';
import { formatLongDate, formatTimeSpan } from '../../../shared/format';
import { BULLETS, LIST_NUMBERING, RichTextConverter, TABLE_TEXT_STYLE, xmlSafe, type Block } from './docx-rich-text';

/**
 * The agenda or minutes as a Word document, with the content of the PDF (shared/documents/render.ts, layout A):
 * front page, table of contents, and every item in the body's layout, each on a new page or on continuous pages. The
 * edition is applied here, exactly as renderDocument applies it, so a public .docx cannot be written from unfiltered items.
 */
export async function renderDocx(source: DocumentModel, options: { pageOf?: ReadonlyMap<string, number> | null } = {}): Promise<Uint8Array> {
  const model = applyEdition(source, source.edition);
  const rich = new RichTextConverter(TEXT_WIDTH);
  const body: FileChild[] = [...frontPage(model), ...contents(model, options.pageOf ?? null), ...model.items.flatMap((item, i) => renderItem(item, model, i === 0, rich))];
  // Word wants a paragraph after a table at the end of the document.
  if (body[body.length - 1] instanceof Table) body.push(new Paragraph({}));
  const document = new Document({
    title: xmlSafe(`${KIND_TITLES[model.kind]} – ${model.body.name} – ${formatLongDate(model.meeting.date)}`),
    subject: xmlSafe(`${KIND_TITLES[model.kind]} – ${EDITION_LABELS[model.edition]}`),
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    styles: STYLES,
    numbering: LIST_NUMBERING,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4_WIDTH, height: 16838 }, // A4
            margin: {
              top: mm(24),
              right: MARGIN_RIGHT,
              bottom: mm(22),
              left: MARGIN_LEFT,
              header: mm(12),
              footer: mm(11),
            },
          },
        },
        // The first page has the page number but not the running header, as in the PDF.
        headers: { default: runningHeaderOf(model), first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: pageFooter(), first: pageFooter() },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const MUTED = '555555';
const mm = convertMillimetersToTwip;
const A4_WIDTH = 11906;
const MARGIN_LEFT = mm(22);
const MARGIN_RIGHT = mm(20);
/** The width of the text on a page, which a table in the text fills. */
const TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/** The decision box's margins left and right. */
const BOX_MARGIN = mm(4);
/** The file's author in Word's properties (Word shows «Un-named» without one). */
const AUTHOR = 'Sekretariat for Nordjysk Socialaftale';

/** Every text goes through here, so nothing Word cannot read reaches the file. */
const run = (text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}) => new TextRun({ ...options, text: xmlSafe(text) });
const para = (text: string, style?: string) => new Paragraph({ style, children: [run(text)] });

const frame = (size: number, color: string) =>
  Object.fromEntries(['top', 'bottom', 'left', 'right'].map((side) => [side, { style: BorderStyle.SINGLE, size, color, space: 3 }]));

const paragraphStyle = (id: string, name: string, options: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  ...options,
});

const STYLES = {
  default: {
    document: {
      run: { font: 'Arial', size: 21, color: '111111', language: { value: 'da-DK' } },
      // 10.5 pt with 1.45 line height and 2.5 mm after each paragraph, as the print CSS.
      paragraph: { spacing: { after: mm(2.5), line: 348 } },
    },
    title: { run: { font: 'Arial', size: 44, bold: true, color: '111111' }, paragraph: { spacing: { after: mm(4) } } },
    heading2: { run: { font: 'Arial', size: 28, bold: true, color: '111111' }, paragraph: { keepNext: true, outlineLevel: 1, spacing: { before: 0, after: mm(3) } } },
    heading3: { run: { font: 'Arial', size: 21, bold: true, color: '111111' }, paragraph: { keepNext: true, outlineLevel: 2, spacing: { before: mm(5), after: mm(1.5) } } },
    heading4: { run: { font: 'Arial', size: 21, bold: true, color: '111111' }, paragraph: { keepNext: true, outlineLevel: 3, spacing: { before: mm(4), after: mm(1) } } },
    heading5: { run: { font: 'Arial', size: 20, bold: true, italics: true, color: '111111' }, paragraph: { keepNext: true, outlineLevel: 4, spacing: { before: mm(4), after: mm(1) } } },
    // No space between the items of a list, only after it, as in the PDF.
    listParagraph: { paragraph: { contextualSpacing: true } },
  },
  paragraphStyles: [
    paragraphStyle('BodyName', 'Organ', { run: { size: 26, color: '333333' }, paragraph: { spacing: { after: mm(14) } } }),
    // "Dato", "Sted" … with their values lined up at 36 mm, as the front page's two columns.
    paragraphStyle('FrontField', 'Forsidefelt', {
      paragraph: { indent: { left: mm(36), hanging: mm(36) }, leftTabStop: mm(36), spacing: { after: mm(2) } },
    }),
    // The draft and edition labels are framed, and stand 10 mm below the meeting's details.
    paragraphStyle('DraftLabel', 'Udkast', {
      run: { bold: true, color: 'AA3333' },
      paragraph: { spacing: { before: mm(10), after: mm(4) }, border: frame(12, 'AA3333') },
    }),
    paragraphStyle('EditionLabel', 'Udgave', {
      run: { size: 18, color: '444444' },
      paragraph: { spacing: { before: mm(10) }, border: frame(4, '888888') },
    }),
    paragraphStyle('TOCHeading', 'TOC Heading', { run: { size: 28, bold: true }, paragraph: { spacing: { after: mm(3) } } }),
    // The entries of the table of contents are Heading 2, written with Word's "toc 2" style: no indent here.
    paragraphStyle('TOC2', 'toc 2', { paragraph: { spacing: { after: mm(1.5) } } }),
    paragraphStyle('ItemMeta', 'Sagsoplysninger', { run: { size: 19, color: '444444' }, paragraph: { keepNext: true, spacing: { after: mm(3) } } }),
    paragraphStyle('ClosedNotice', 'Lukket punkt', {
      run: { color: '444444' },
      paragraph: { indent: { left: mm(3) }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: '999999', space: 6 } } },
    }),
    paragraphStyle('SectionLabel', 'Afsnitsoverskrift', { run: { bold: true }, paragraph: { keepNext: true, spacing: { before: mm(4), after: mm(1) } } }),
    paragraphStyle(TABLE_TEXT_STYLE, 'Tabeltekst', { run: { size: 19 }, paragraph: { spacing: { after: 0, line: 276 } } }),
  ],
};

function runningHeaderOf(model: DocumentModel): Header {
  return new Header({ children: [new Paragraph({ children: [run(runningHeader(model), { size: 17, color: MUTED })] })] });
}

/** "Side X af Y", right-aligned; Word and LibreOffice fill the fields in on every page. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES], size: 17, color: MUTED })],
      }),
    ],
  });
}

function frontPage(model: DocumentModel): Paragraph[] {
  const present = model.participants.filter((p) => p.present);
  const absent = model.participants.filter((p) => !p.present);
  const field = (label: string, values: string[]) =>
    new Paragraph({
      style: 'FrontField',
      children: [run(label, { bold: true }), new TextRun({ children: [new Tab()] }), ...values.map((v, i) => run(v, i > 0 ? { break: 1 } : {}))],
    });
  const fields = [
    field(FRONT_LABELS.date, [meetingDateLine(model.meeting.date)]),
    model.meeting.startTime ? field(FRONT_LABELS.time, [formatTimeSpan(model.meeting.startTime, model.meeting.endTime)]) : null,
    model.meeting.location ? field(FRONT_LABELS.location, [model.meeting.location]) : null,
    present.length ? field(FRONT_LABELS.present, present.map(personLine)) : null,
    absent.length ? field(FRONT_LABELS.absent, absent.map(personLine)) : null,
  ];
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(KIND_TITLES[model.kind])] }),
    para(model.body.name, 'BodyName'),
    ...fields.filter((f): f is Paragraph => f !== null),
    ...(isDraftMinutes(model) ? [para(DRAFT_LABEL, 'DraftLabel')] : []),
    para(EDITION_LABELS[model.edition], 'EditionLabel'),
  ];
}

/**
 * A TOC field over the items' Heading 2 titles whose result is written here: "Punkt N. title", linked to the item,
 * and the page it starts on in the printed layout (`pageOf`, by item id), so the contents show whole where fields are
 * not updated (LibreOffice, previews) and Word shows them as written, without asking to update fields. Without the
 * pages (no Chromium to lay the document out) the field is marked for Word to fill them in.
 */
function contents(model: DocumentModel, pageOf: ReadonlyMap<string, number> | null): FileChild[] {
  return [
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [run(CONTENTS_TITLE)] }),
    new TableOfContents(CONTENTS_TITLE, {
      headingStyleRange: '2-2',
      hyperlink: true,
      beginDirty: pageOf === null,
      cachedEntries: model.items.map((item) => ({
        title: xmlSafe(`${itemNumberLabel(item.number)} ${item.title}`),
        level: 2,
        page: pageOf?.get(item.id),
        href: itemBookmark(item),
      })),
    }),
  ];
}

/** The bookmark on an item's heading, which its contents entry links to. */
const itemBookmark = (item: DocumentItem) => `punkt_${item.number}`;

function section(label: string, blocks: Block[]): Block[] {
  return blocks.length ? [para(label, 'SectionLabel'), ...blocks] : [];
}

function renderItem(item: DocumentItem, model: DocumentModel, first: boolean, rich: RichTextConverter): Block[] {
  const layout = LAYOUTS[model.layout];
  // The first item starts after the contents; the others on a new page only where the body wants it.
  const newPage = first || model.itemBreak === 'page';
  // Number and title in one heading, so the navigation pane and the table of contents read "Punkt N. title".
  const head = new Paragraph({
    heading: HeadingLevel.HEADING_2,
    pageBreakBefore: newPage,
    ...(newPage ? {} : { spacing: { before: mm(10) } }),
    children: [new Bookmark({ id: itemBookmark(item), children: [run(itemNumberLabel(item.number), { color: MUTED }), run(` ${headingTitle(layout, item)}`)] })],
  });
  if (isEmptyClosedItem(item)) return [head, para(CLOSED_ITEM_EMPTY, 'ClosedNotice')];
  const meta = metaParts(item);
  const guests = guestSentence(item.guests, model.kind);
  return [
    head,
    ...(meta.length ? [para(meta.join(' · '), 'ItemMeta')] : []),
    ...(item.closed ? [para(CLOSED_ITEM_NOTICE, 'ClosedNotice')] : []),
    ...(guests ? [para(guests)] : []),
    ...layout.parts.flatMap((part) => renderPart(part, item, model.kind, layout, rich)),
  ];
}

function renderPart(part: ItemPart, item: DocumentItem, kind: DocumentModel['kind'], layout: LayoutSpec, rich: RichTextConverter): Block[] {
  const bullet = (children: TextRun[]) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children });
  switch (part) {
    case 'recommendations': {
      const points = recommendationPoints(item, kind);
      return points.length
        ? section(SECTION_LABELS.recommendations, [para(RECOMMENDATION_INTRO), ...points.map((r) => bullet([run(r.text), ...(r.outcome ? [run(` – ${r.outcome}`, { bold: true })] : [])]))])
        : [];
    }
    case 'decision':
      return kind === 'minutes' && item.decision ? [decisionBox(item.decision, item.followUps, layout.decisionLabel, rich)] : [];
    case 'attachments':
      // Layout C numbers its list itself («1. Titel (sagsnr.)»).
      return section(SECTION_LABELS.attachments, item.attachments.map((a) => (layout.attachmentWithCase ? para(attachmentLine(layout, item, a)) : bullet([run(attachmentLine(layout, item, a))]))));
    default:
      return section(SECTION_LABELS[part], rich.toBlocks(item[part]));
  }
}

/**
 * The decision in a framed box: a one-cell table, since a frame of paragraph borders cannot hold lists and tables.
 * Its row may break across pages (no cantSplit), as the box in the PDF does.
 */
function decisionBox(decision: NonNullable<DocumentItem['decision']>, followUps: DocumentItem['followUps'], decisionLabel: string, rich: RichTextConverter): Table {
  // No «keep with next» in the box: Word keeps a row with a kept paragraph whole, so a long decision would leave a
  // gap and jump to the next page instead of running on.
  const label = (text: string) => new Paragraph({ children: [run(text, { bold: true })] });
  const bullet = (children: TextRun[]) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children });
  const children: Block[] = [
    label(decisionLabel),
    ...(decision.outcome ? [new Paragraph({ children: [run(`${OUTCOME_LABELS[decision.outcome]}.`, { bold: true })] })] : []),
    ...rich.toBlocks(decision.text, TEXT_WIDTH - 2 * BOX_MARGIN),
    ...(decision.reservations.length ? [label(RESERVATIONS_LABEL), ...decision.reservations.map((r) => bullet([run(reservationLine(r))]))] : []),
    ...(followUps.length
      ? [
          label(FOLLOW_UPS_LABEL),
          ...followUps.map((f) => {
            const meta = followUpMeta(f);
            return bullet([run(f.action), ...(meta ? [run(meta, { break: 1, size: 19, color: '444444' })] : [])]);
          }),
        ]
      : []),
  ];
  if (children[children.length - 1] instanceof Table) children.push(new Paragraph({}));
  const border = { style: BorderStyle.SINGLE, size: 6, color: '333333' } as const;
  return new Table({
    width: { size: '100%', type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    margins: { top: mm(3), bottom: mm(1), left: BOX_MARGIN, right: BOX_MARGIN },
    rows: [new TableRow({ children: [new TableCell({ children })] })],
  });
}
