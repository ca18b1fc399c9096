import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { DomUtils, parseDocument } from 'htmlparser2';
import { columnWidths } from './docx-table-widths';

/**
 * The rich text of an item (HTML from the editor, sanitised by the backend) as .docx paragraphs and tables.
 * It walks the DOM that htmlparser2 builds, so entities are decoded and any nesting is followed: unknown tags keep
 * their text, and text in odd places (a stray text node in a table row, a paragraph inside a link) is kept too.
 */

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
export type Block = Paragraph | Table;

/** Characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone surrogates): Word refuses a file with them. */
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlSafe = (text: string): string => text.replace(XML_INVALID, '');

export const BULLETS = 'bullets';
const ORDERED = 'ordered';
/** Word has nine list levels (0–8); deeper nesting stays at the last. */
const MAX_LEVEL = 8;
/** 6 mm per level, as the PDF's list padding. */
const LIST_INDENT = convertMillimetersToTwip(6);
const BULLET_GLYPHS = ['•', '◦', '▪'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

const levels = (text: (level: number) => string, format: (level: number) => (typeof LevelFormat)[keyof typeof LevelFormat]) =>
  Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
    level,
    format: format(level),
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
  }));

/** The document's list definitions: bullets (also for Indstilling and Bilag) and numbered lists. */
export const LIST_NUMBERING: INumberingOptions = {
  config: [
    { reference: BULLETS, levels: levels((l) => BULLET_GLYPHS[l % BULLET_GLYPHS.length]!, () => LevelFormat.BULLET) },
    { reference: ORDERED, levels: levels((l) => `%${l + 1}.`, (l) => ORDERED_FORMATS[l % ORDERED_FORMATS.length]!) },
  ],
};

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '888888' } as const;
const TABLE_BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER };
const CELL_MARGIN = convertMillimetersToTwip(1.5);
/** Word opens no table wider than 63 columns. */
const MAX_COLUMNS = 63;
/** The paragraph style of text in table cells (defined in docx.ts). */
export const TABLE_TEXT_STYLE = 'TableText';

interface Marks {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  link?: string;
}

type Piece = { text: string; marks: Marks } | { lineBreak: true; marks: Marks };

/** A list item: its first paragraph takes the bullet or number, the others are indented under it. */
interface ListSlot {
  reference: string;
  instance?: number;
  level: number;
  numbered: boolean;
}

/** How the paragraphs of one block (p, heading, list item, cell …) are written. A new object per block. */
interface BlockProps {
  heading?: IParagraphOptions['heading'];
  list?: ListSlot;
  quoteDepth: number;
  inCell: boolean;
  /** The width a table here may take, in twips. */
  width: number;
}

interface Context {
  block: BlockProps;
  marks: Marks;
}

const HEADINGS: Record<string, IParagraphOptions['heading']> = {
  // Heading 2 is the item title; the editor's headings sit below it in Word's navigation pane.
  h1: HeadingLevel.HEADING_3,
  h2: HeadingLevel.HEADING_3,
  h3: HeadingLevel.HEADING_4,
  h4: HeadingLevel.HEADING_5,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_5,
};
const INLINE_MARKS: Record<string, Marks> = {
  strong: { bold: true },
  b: { bold: true },
  em: { italics: true },
  i: { italics: true },
  u: { underline: true },
  s: { strike: true },
  strike: { strike: true },
  del: { strike: true },
};
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'address', 'pre', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'caption', 'hr']);
/** Not text: their content is not shown in a browser either. */
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'colgroup', 'col']);
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Paragraphs collected for one container (the rich text itself, or one table cell). */
class Sink {
  readonly blocks: Block[] = [];
  private pieces: Piece[] = [];
  private owner: BlockProps | null = null;

  text(raw: string, ctx: Context): void {
    this.claim(ctx.block);
    const last = this.pieces[this.pieces.length - 1];
    let text = xmlSafe(raw).replace(/[ \t\n\r\f]+/g, ' ');
    // HTML collapses white space: none at a line's start, none doubled across runs.
    if (!last || 'lineBreak' in last || last.text.endsWith(' ')) text = text.replace(/^ /, '');
    if (text) this.pieces.push({ text, marks: ctx.marks });
  }

  lineBreak(ctx: Context): void {
    this.claim(ctx.block);
    this.pieces.push({ lineBreak: true, marks: ctx.marks });
  }

  add(block: Block): void {
    this.flush();
    this.blocks.push(block);
  }

  /** Ends the paragraph being collected. An empty one is written only when it held a line break (a blank line). */
  flush(): void {
    const owner = this.owner;
    const pieces = this.pieces;
    this.pieces = [];
    this.owner = null;
    if (!owner || pieces.length === 0) return;
    // As in a browser, a line break at the end of a paragraph adds no line.
    if ('lineBreak' in pieces[pieces.length - 1]!) pieces.pop();
    const last = pieces[pieces.length - 1];
    if (last && 'text' in last) {
      const trimmed = last.text.replace(/ $/, '');
      if (trimmed) pieces[pieces.length - 1] = { ...last, text: trimmed };
      else pieces.pop();
    }
    this.blocks.push(new Paragraph({ ...paragraphOptions(owner), children: runs(pieces) }));
  }

  private claim(block: BlockProps): void {
    if (this.owner !== block) this.flush();
    this.owner = block;
  }
}

function paragraphOptions(block: BlockProps): Omit<IParagraphOptions, 'children'> {
  const quoteIndent = block.quoteDepth * convertMillimetersToTwip(10);
  const style = block.inCell && !block.heading ? TABLE_TEXT_STYLE : undefined;
  if (block.list && !block.list.numbered) {
    block.list.numbered = true;
    const { reference, level, instance } = block.list;
    return { style, heading: block.heading, numbering: { reference, level, ...(instance === undefined ? {} : { instance }) } };
  }
  // A list item's further paragraphs line up with its text.
  const listIndent = block.list ? LIST_INDENT * (block.list.level + 1) : 0;
  const left = quoteIndent + listIndent;
  return { style, heading: block.heading, ...(left ? { indent: { left } } : {}) };
}

function runs(pieces: Piece[]): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let linkRuns: TextRun[] = [];
  let link: string | undefined;
  const endLink = () => {
    if (link && linkRuns.length) children.push(new ExternalHyperlink({ link, children: linkRuns }));
    linkRuns = [];
    link = undefined;
  };
  for (const piece of pieces) {
    const { link: href, ...marks } = piece.marks;
    const run = new TextRun({
      ...('text' in piece ? { text: piece.text } : { break: 1 }),
      bold: marks.bold,
      italics: marks.italics,
      underline: marks.underline ? {} : undefined,
      strike: marks.strike,
      style: href ? 'Hyperlink' : undefined,
    });
    if (href !== link) endLink();
    if (href) {
      link = href;
      linkRuns.push(run);
    } else {
      children.push(run);
    }
  }
  endLink();
  return children;
}

/**
 * Converts the rich texts of one document. One converter per document, since each numbered list is given its own
 * list instance so that it counts from 1.
 */
export class RichTextConverter {
  private orderedLists = 0;

  /** `textWidth`: the width of the page's text, in twips, which a table fills. */
  constructor(private readonly textWidth: number) {}

  /** `width`: where the text stands narrower than the page (in a framed box), the width it has. */
  toBlocks(html: string, width = this.textWidth): Block[] {
    if (!html.trim()) return [];
    const sink = new Sink();
    this.walk(parseDocument(html).children, { block: { quoteDepth: 0, inCell: false, width }, marks: {} }, sink);
    sink.flush();
    return sink.blocks;
  }

  private walk(nodes: readonly DomNode[], ctx: Context, sink: Sink): void {
    for (const node of nodes) {
      if (DomUtils.isText(node)) sink.text(node.data, ctx);
      else if (DomUtils.isCDATA(node) || DomUtils.isDocument(node)) this.walk(node.children, ctx, sink);
      else if (DomUtils.isTag(node)) this.element(node, ctx, sink);
      // Comments and processing instructions are not text.
    }
  }

  private element(el: DomElement, ctx: Context, sink: Sink): void {
    const tag = el.name.toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') return sink.lineBreak(ctx);
    if (tag === 'ul' || tag === 'ol') return this.list(el, tag === 'ol', ctx, sink);
    if (tag === 'table') return this.table(el, ctx, sink);
    if (tag === 'li') {
      // A list item outside a list: a bullet all the same.
      return this.listItem(el, { reference: BULLETS, level: this.nextLevel(ctx), numbered: false }, ctx, sink);
    }
    if (tag === 'blockquote') return this.block(el, { ...ctx.block, heading: undefined, quoteDepth: ctx.block.quoteDepth + 1 }, ctx, sink);
    const heading = HEADINGS[tag];
    if (heading) return this.block(el, { ...ctx.block, heading }, ctx, sink);
    if (BLOCKS.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      // Table parts outside a table are read as plain blocks, so their text stays.
      return this.block(el, { ...ctx.block }, ctx, sink);
    }
    const marks = tag === 'a' ? linkMarks(el) : INLINE_MARKS[tag];
    this.walk(el.children, marks ? { ...ctx, marks: { ...ctx.marks, ...marks } } : ctx, sink);
  }

  /** A block element: its own paragraph(s), sharing the list slot of the item it is in. */
  private block(el: DomElement, block: BlockProps, ctx: Context, sink: Sink): void {
    sink.flush();
    this.walk(el.children, { block, marks: ctx.marks }, sink);
    sink.flush();
  }

  private nextLevel(ctx: Context): number {
    return ctx.block.list ? Math.min(ctx.block.list.level + 1, MAX_LEVEL) : 0;
  }

  /** A list item that starts with a nested list or table shows its own bullet first, on a line of its own. */
  private numberPendingItem(ctx: Context, sink: Sink): void {
    sink.flush();
    const slot = ctx.block.list;
    if (slot && !slot.numbered) sink.add(new Paragraph({ ...paragraphOptions({ ...ctx.block, heading: undefined }), children: [] }));
  }

  private list(el: DomElement, ordered: boolean, ctx: Context, sink: Sink): void {
    this.numberPendingItem(ctx, sink);
    const level = this.nextLevel(ctx);
    const instance = ordered ? ++this.orderedLists : undefined;
    const loose: DomNode[] = [];
    const flushLoose = () => {
      // Text straight inside <ul>/<ol> (not in an <li>) is kept as an indented paragraph of the list.
      if (loose.length) this.walk(loose.splice(0), { block: { ...ctx.block, heading: undefined, list: { reference: BULLETS, level, numbered: true } }, marks: ctx.marks }, sink);
      sink.flush();
    };
    for (const child of el.children) {
      if (DomUtils.isTag(child) && child.name.toLowerCase() === 'li') {
        flushLoose();
        this.listItem(child, { reference: ordered ? ORDERED : BULLETS, instance, level, numbered: false }, ctx, sink);
      } else {
        loose.push(child);
      }
    }
    flushLoose();
  }

  private listItem(li: DomElement, slot: ListSlot, ctx: Context, sink: Sink): void {
    sink.flush();
    this.walk(li.children, { block: { ...ctx.block, heading: undefined, list: slot }, marks: ctx.marks }, sink);
    // An empty item still shows its bullet or number, as in the browser.
    this.numberPendingItem({ ...ctx, block: { ...ctx.block, list: slot } }, sink);
  }

  private table(el: DomElement, ctx: Context, sink: Sink): void {
    this.numberPendingItem(ctx, sink);
    const rows: { cells: DomElement[]; header: boolean }[] = [];
    const collect = (nodes: readonly DomNode[], inHead: boolean) => {
      for (const node of nodes) {
        const tag = DomUtils.isTag(node) ? node.name.toLowerCase() : '';
        if (DomUtils.isTag(node) && tag === 'tr') {
          const cells = node.children.filter((c): c is DomElement => DomUtils.isTag(c) && (c.name === 'td' || c.name === 'th'));
          const stray = node.children.filter((c) => !cells.includes(c as DomElement));
          this.stray(stray, ctx, sink);
          rows.push({ cells, header: inHead || (cells.length > 0 && cells.every((c) => c.name === 'th')) });
        } else if (DomUtils.isTag(node) && (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')) {
          collect(node.children, tag === 'thead');
        } else if (DomUtils.isTag(node) && tag === 'caption') {
          this.block(node, { ...ctx.block }, { ...ctx, marks: { ...ctx.marks, bold: true } }, sink);
        } else if (DomUtils.isTag(node) && (tag === 'td' || tag === 'th')) {
          rows.push({ cells: [node], header: tag === 'th' });
        } else if (!DomUtils.isText(node) || node.data.trim()) {
          this.stray([node], ctx, sink);
        }
      }
    };
    collect(el.children, false);
    sink.flush();
    const table = this.buildTable(rows, ctx);
    if (table) sink.add(table);
  }

  /** Text in a table but outside its cells: a paragraph of its own before the table, as a browser shows it. */
  private stray(nodes: DomNode[], ctx: Context, sink: Sink): void {
    if (nodes.every((n) => DomUtils.isText(n) && !n.data.trim())) return;
    sink.flush();
    this.walk(nodes, { ...ctx, block: { ...ctx.block } }, sink);
    sink.flush();
  }

  private buildTable(rows: { cells: DomElement[]; header: boolean }[], ctx: Context): Table | null {
    // Lay the cells out on a grid first, so short rows can be padded: Word and LibreOffice draw ragged rows badly.
    const layout = layoutGrid(rows.map((r) => r.cells));
    if (layout.columns === 0) return null;
    // Only the first rows can repeat on every page.
    let headerRows = 0;
    while (headerRows < rows.length && rows[headerRows]!.header) headerRows++;
    const widths = columnWidths(
      layout.rows.flat().map((cell) => ({ start: cell.start, colSpan: cell.colSpan, text: cell.els.map((el) => DomUtils.textContent(el)).join(' ') })),
      layout.columns,
      ctx.block.width,
    );
    const tableRows = layout.rows.map((gridRow, r) => {
      const cells = gridRow.map(({ els, colSpan, rowSpan, start }) => {
        const header = els[0]?.name === 'th';
        const cellSink = new Sink();
        const width = widths.slice(start, start + colSpan).reduce((a, b) => a + b, 0);
        // A table in the cell has the cell's width less its margins.
        const cellCtx: Context = { block: { quoteDepth: 0, inCell: true, width: width - CELL_MARGIN * 2 }, marks: header ? { ...ctx.marks, bold: true } : ctx.marks };
        for (const el of els) this.block(el, { ...cellCtx.block }, cellCtx, cellSink);
        cellSink.flush();
        const children = cellSink.blocks;
        // A cell must end with a paragraph.
        if (!(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({ style: TABLE_TEXT_STYLE, children: [] }));
        return new TableCell({
          children,
          width: { size: width, type: WidthType.DXA },
          columnSpan: colSpan > 1 ? colSpan : undefined,
          rowSpan: rowSpan > 1 ? rowSpan : undefined,
          shading: header ? { fill: 'EEEEEE', type: ShadingType.CLEAR, color: 'auto' } : undefined,
        });
      });
      return new TableRow({ children: cells, tableHeader: r < headerRows, cantSplit: true });
    });
    return new Table({
      rows: tableRows,
      columnWidths: widths,
      width: { size: ctx.block.width, type: WidthType.DXA },
      borders: TABLE_BORDERS,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    });
  }
}

function linkMarks(el: DomElement): Marks {
  const href = xmlSafe(el.attribs.href ?? '').trim();
  return SAFE_LINK.test(href) ? { link: href } : {};
}

const span = (value: string | undefined, max: number) => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

interface GridCell {
  /** Usually one; the cells past Word's last column are put into the row's last cell, so their text stays. */
  els: DomElement[];
  /** The grid column it starts in. */
  start: number;
  colSpan: number;
  rowSpan: number;
}

/**
 * The cells of each row with their spans checked (at least 1, a row span no further than the last row, at most 63
 * columns), and empty cells added where a row is shorter than the widest one. The cells that a row span covers in
 * the rows below are left out here: docx adds them.
 */
export function layoutGrid(rows: DomElement[][]): { rows: GridCell[][]; columns: number } {
  // A column span past the last column any cell starts in (colspan="500") would only add empty columns; as in a
  // browser, the table is as wide as its cells need.
  const first = placeCells(rows, MAX_COLUMNS);
  const needed = Math.max(0, ...first.placed.flat().map((p) => p.start + 1));
  const { placed, coveredByRow } = needed < MAX_COLUMNS ? placeCells(rows, needed) : first;
  const columns = Math.max(0, ...placed.map((cells, r) => Math.max(cells.reduce((end, c) => Math.max(end, c.start + c.cell.colSpan), 0), coveredByRow[r]!.lastIndexOf(true) + 1)));
  const padded = placed.map((cells, r) => {
    const taken = new Set<number>();
    for (const { cell, start } of cells) for (let k = start; k < start + cell.colSpan; k++) taken.add(k);
    const out = cells.map((c) => c.cell);
    for (let col = 0; col < columns; col++) {
      if (!taken.has(col) && !coveredByRow[r]![col]) out.push({ els: [], colSpan: 1, rowSpan: 1, start: col });
    }
    return out;
  });
  return { rows: padded, columns };
}

/** Places the cells row by row, left of the columns that row spans above cover, in at most `limit` columns. */
function placeCells(rows: DomElement[][], limit: number) {
  const covered: number[] = []; // per column: how many more rows a row span above covers it
  const placed: { cell: GridCell; start: number }[][] = [];
  const coveredByRow: boolean[][] = [];
  rows.forEach((cells, r) => {
    const above = covered.map((n) => n > 0);
    coveredByRow.push(above);
    const out: { cell: GridCell; start: number }[] = [];
    let col = 0;
    for (const el of cells) {
      while (above[col]) col++;
      const last = out[out.length - 1];
      if (col >= limit && last) {
        last.cell.els.push(el);
        continue;
      }
      let colSpan = span(el.attribs.colspan, Math.max(1, limit - col));
      // A column span cannot reach across a cell that a row span above covers.
      for (let k = 1; k < colSpan; k++) if (above[col + k]) colSpan = k;
      const rowSpan = span(el.attribs.rowspan, rows.length - r);
      for (let k = col; k < col + colSpan; k++) covered[k] = rowSpan;
      out.push({ cell: { els: [el], colSpan, rowSpan, start: col }, start: col });
      col += colSpan;
    }
    placed.push(out);
    for (let k = 0; k < covered.length; k++) covered[k] = Math.max(0, (covered[k] ?? 0) - 1);
  });
  return { placed, coveredByRow };
}
