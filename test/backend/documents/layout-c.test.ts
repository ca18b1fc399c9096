import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/backend/documents/docx';
import { renderDocument, type DocumentModel } from '../../../shared/documents';
import { documentAttachment, documentItem, documentModel } from '../../helpers/document-model';

/**
 * Issue 16, layout C: the minutes of a Danske Regioner committee (file 003) as its papers look, in the HTML the PDF is
 * printed from and in the .docx.
 */
const reform = documentItem(3, {
  title: 'Aftale om sundhedsreform',
  caseNumber: 'EMN-2022-00567',
  caseOfficer: 'Julie Kjærgaard',
  resume: '<p>Den 15. november 2024 blev Aftale om sundhedsreform præsenteret.</p>',
  recommendations: ['Psykiatri- og Socialudvalget drøfter sundhedsreformaftalen'],
  caseText: '<p>Regeringen offentliggjorde aftalen om sundhedsreform.</p>',
  economy: '<p>Ingen bemærkninger</p>',
  decision: { text: '<p>Udvalget drøftede aftalen.</p>', outcome: 'droeftet', reservations: [] },
  attachments: [documentAttachment(1, 'Sundhedsreformen ift. psykiatri og socialområdet', false)],
});
const secret = documentItem(4, {
  title: 'Forhandling om sikrede pladser',
  closed: true,
  closedTitleVisible: false,
  resume: '<p>Forhandlingen er fortrolig.</p>',
});
const plan = documentItem(5, { title: 'Udkast til mødeplan for 2025', resume: '<p>Mødeplanen for 2025.</p>' });

const psu = (patch: Partial<DocumentModel> = {}) =>
  documentModel([reform, secret, plan], {
    kind: 'minutes',
    body: { code: 'PSU', name: 'Psykiatri- og Socialudvalget (Danske Regioner)' },
    layout: 'C',
    itemBreak: 'continuous',
    ...patch,
  });

/** The item's text in reading order, tags left out. */
const textOf = (html: string, itemNumber: number) => {
  const start = html.indexOf(`id="punkt-${itemNumber}"`);
  return html.slice(start, html.indexOf('</section>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};
const order = (text: string, labels: string[]) => labels.map((label) => text.indexOf(label));
const ascending = (positions: number[]) => positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!));

async function docxXml(model: DocumentModel) {
  const zip = await JSZip.loadAsync(await renderDocx(model));
  const xml = await zip.file('word/document.xml')!.async('string');
  // One string per paragraph, so headings and their page breaks can be read together.
  return { xml, paragraphs: xml.split('</w:p>').map((p) => ({ breaks: p.includes('<w:pageBreakBefore/>'), text: p.replace(/<[^>]+>/g, '') })) };
}

describe('layout C in the HTML the PDF is printed from', () => {
  it('marks each heading (Offentlig) or (Fortrolig) and lists Beslutninger after the case, before Bilag', () => {
    const html = renderDocument(psu());
    expect(html).toContain('<h2 id="punkt-3">(Offentlig) Aftale om sundhedsreform</h2>');
    expect(html).toContain('<h2 id="punkt-4">(Fortrolig) Forhandling om sikrede pladser</h2>');
    const text = textOf(html, 3);
    expect(ascending(order(text, ['Resumé', 'Indstilling', 'Sagsfremstilling', 'Økonomi', 'Beslutninger', 'Bilag']))).toBe(true);
    expect(text).toContain('1. Sundhedsreformen ift. psykiatri og socialområdet (EMN-2022-00567)');
    expect(text).not.toContain('Bilag 1:');
  });

  it('lets the items flow on continuous pages', () => {
    expect(renderDocument(psu())).toContain('<body class="continuous">');
    expect(renderDocument(psu({ itemBreak: 'page' }))).toContain('<body>');
  });

  it('never shows a closed item\'s title in the public edition, only (Fortrolig)', () => {
    const html = renderDocument(psu({ edition: 'public' }));
    expect(html).toContain('<h2 id="punkt-4">(Fortrolig) Lukket punkt</h2>');
    expect(html).not.toContain('Forhandling om sikrede pladser');
  });

  it('leaves layout A as DAS prints it: the decision right after the Indstilling, no marks', () => {
    const html = renderDocument(psu({ layout: 'A', itemBreak: 'page' }));
    expect(html).toContain('<h2 id="punkt-3">Aftale om sundhedsreform</h2>');
    expect(ascending(order(textOf(html, 3), ['Indstilling', 'Beslutning', 'Sagsfremstilling', 'Økonomi', 'Bilag 1: Sundhedsreformen']))).toBe(true);
  });
});

describe('layout C in the .docx', () => {
  it('has the marks in the headings and the sections in the committee\'s order', async () => {
    const { paragraphs } = await docxXml(psu());
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Punkt 3. (Offentlig) Aftale om sundhedsreform');
    expect(texts).toContain('Punkt 4. (Fortrolig) Forhandling om sikrede pladser');
    const from = texts.indexOf('Punkt 3. (Offentlig) Aftale om sundhedsreform');
    const at = (label: string) => texts.indexOf(label, from);
    expect(ascending(['Resumé', 'Indstilling', 'Sagsfremstilling', 'Økonomi', 'Beslutninger', 'Bilag'].map(at))).toBe(true);
    expect(texts).toContain('1. Sundhedsreformen ift. psykiatri og socialområdet (EMN-2022-00567)');
  });

  it('starts only the first item on a new page when the items flow, every item with a page per item', async () => {
    const headings = <P extends { text: string }>(p: P[]) => p.filter((x) => /^Punkt \d+\. \(/.test(x.text));
    const flowing = headings((await docxXml(psu())).paragraphs).filter((p) => p.breaks).map((p) => p.text);
    expect(flowing).toEqual(['Punkt 3. (Offentlig) Aftale om sundhedsreform']);
    const paged = headings((await docxXml(psu({ itemBreak: 'page' }))).paragraphs).filter((p) => p.breaks);
    expect(paged).toHaveLength(3);
  });
});
