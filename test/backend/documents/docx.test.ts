import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/backend/documents/docx';
import { closedTexts, findLeaks, type DocumentModel } from '../../../shared/documents';
import { documentAttachment, documentItem, documentModel } from '../../helpers/document-model';


/** What a user sees: the text as mammoth reads it, and the XML parts for what mammoth does not show (header, footer, fields). */
async function open(m: DocumentModel, options?: Parameters<typeof renderDocx>[1]) {
  const bytes = await renderDocx(m, options);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const parts = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await part(n)] as const)));
  const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return { text, xml: parts['word/document.xml']!, parts, all: Object.values(parts).join('\n') };
}

/** The header part a section refers to for the given page type. */
function headerOf(parts: Record<string, string>, kind: 'header' | 'footer', type: 'default' | 'first'): string {
  const rid = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="(\\w+)"`).exec(parts['word/document.xml']!)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(parts['word/_rels/document.xml.rels']!);
  return parts[`word/${target?.[1] ?? target?.[2]}`] ?? '';
}

const plain = (xml: string) => xml.replace(/<[^>]+>/g, '');

const closedItem = documentItem(2, {
  title: 'Udbud af botilbud i Nordjylland',
  closed: true,
  closedTitleVisible: false,
  caseNumber: 'MDR-2024-00035',
  resume: '<p>Forhandlingerne med leverandøren om prisen er fortrolige indtil videre.</p>',
  recommendations: ['DAS godkender forhandlingsmandatet'],
  caseText: '<p>Sagen om udbuddet af pladserne i det nordlige opland.</p>',
  decision: { text: '<p>Mandatet blev givet med et loft på 4,2 mio. kr.</p>', outcome: 'godkendt', reservations: [] },
  attachments: [documentAttachment(1, 'Tilbudsliste fra leverandøren', true)],
});

const fullItem = documentItem(1, {
  title: 'Godkendelse af takster for 2022 – særlige pladser på Østergård',
  caseNumber: 'EMN-2021-00412',
  caseOfficer: 'Åse Møller',
  guests: [{ name: 'Anette Sloth', title: 'Psykiatridirektør', organisation: 'Psykiatrien', attended: false }],
  resume: '<p>Resumé af punktet om takster for Ærø og Østjylland.</p>',
  recommendations: ['DAS godkender taksterne', 'DAS orienteres om udviklingen'],
  caseText: '<p>Sagsfremstilling med <strong>fed</strong>, <em>kursiv</em>, <u>understreget</u> og <s>overstreget</s> tekst.</p>',
  economy: '<p>Økonomien er uændret.</p>',
  consultation: '<p>Høringen er gennemført.</p>',
  decision: { text: '<p>Taksterne blev godkendt.</p>', outcome: 'godkendt', reservations: [{ party: 'Læsø Kommune', text: 'forbehold for finansieringen' }] },
  attachments: [documentAttachment(1, 'Takstoversigt 2022', false)],
});

describe('renderDocx: the agenda', () => {
  it('has the front page, the table of contents and every item, in Danish', async () => {
    const { text, xml, parts } = await open(documentModel([fullItem, documentItem(2, { title: 'Eventuelt' })]));
    for (const expected of [
      'Dagsorden',
      'Den Administrative Styregruppe (DAS Social)',
      'Dato\tTorsdag den 27. maj 2021',
      'Tidspunkt\tkl. 13.00–16.00',
      'Sted\tAalborg ÆH, Hammer Bakker',
      'Deltagere\tHenrik Aarup-Kristensen, Aalborg Kommune',
      'Afbud\tLone Jensen, Læsø Kommune',
      'Intern udgave – indeholder lukkede punkter',
      'Sagsnr. EMN-2021-00412 · Sagsbehandler: Åse Møller',
      'Psykiatridirektør Anette Sloth (Psykiatrien) deltager under punktet.',
      'Resumé af punktet om takster for Ærø og Østjylland.',
      'Sagsfremstilling med fed, kursiv, understreget og overstreget tekst.',
      'Økonomien er uændret.',
      'Høringen er gennemført.',
      'Bilag 1: Takstoversigt 2022',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Indstilling\s+Det indstilles, at\s+DAS godkender taksterne\s+DAS orienteres om udviklingen/);
    // The table of contents lists the items, and each item's heading follows.
    expect(text).toMatch(/Indholdsfortegnelse\s+Punkt 1\. Godkendelse af takster for 2022 – særlige pladser på Østergård\s+Punkt 2\. Eventuelt\s+Punkt 1\. Godkendelse/);
    expect(text).not.toContain('Beslutning');
    expect(text).not.toContain('Taksterne blev godkendt');
    // Front page order, as in the PDF.
    expect(text.indexOf('Dagsorden')).toBeLessThan(text.indexOf('Dato'));
    expect(text.indexOf('Afbud')).toBeLessThan(text.indexOf('Indholdsfortegnelse'));

    // Each item is a Heading 2 on a new page.
    const headings = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading2"\/><w:pageBreakBefore\/><\/w:pPr>(.*?)<\/w:p>/g)].map((m) => plain(m[1]!));
    expect(headings).toEqual(['Punkt 1. Godkendelse af takster for 2022 – særlige pladser på Østergård', 'Punkt 2. Eventuelt']);
    // A TOC field over the Heading 2 titles, with the entries written in it; without the printed layout's pages, the
    // field is marked for Word to fill them in.
    expect(xml).toContain('TOC \\h \\o &quot;2-2&quot;');
    expect(xml).toMatch(/<w:sdtContent>.*Punkt 1\. Godkendelse.*Punkt 2\. Eventuelt.*<\/w:sdtContent>/);
    expect(xml).toContain('<w:fldChar w:fldCharType="begin" w:dirty="true"/>');
    // The recommendations and attachments are bullets; the section labels bold.
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">DAS godkender taksterne/);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="SectionLabel".*?<w:b\/>.*?<\/w:style>/);
  });

  it('is Danish, Arial 10.5 pt on A4 with the margins of the PDF', async () => {
    const { xml, parts } = await open(documentModel([documentItem(1)]));
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(parts['word/styles.xml']!)?.[0];
    expect(defaults).toContain('<w:lang w:val="da-DK"/>');
    expect(defaults).toContain('w:ascii="Arial"');
    expect(defaults).toContain('<w:sz w:val="21"/>');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // 24/20/22/22 mm in twips
    expect(xml).toMatch(/<w:pgMar w:top="136\d" w:right="113\d" w:bottom="124\d" w:left="124\d"/);
    expect(xml).toContain('<w:titlePg/>');
  });

  it('has the running header on all pages but the first, and "Side X af Y" in the footer', async () => {
    const { parts } = await open(documentModel([documentItem(1)]));
    expect(plain(headerOf(parts, 'header', 'default'))).toBe('DAS · dagsorden · 27. maj 2021');
    expect(plain(headerOf(parts, 'header', 'first'))).toBe('');
    for (const type of ['default', 'first'] as const) {
      const footer = headerOf(parts, 'footer', type);
      expect(footer).toContain('<w:jc w:val="right"/>');
      expect(footer).toMatch(/Side .*PAGE.* af .*NUMPAGES/);
    }
    const minutes = await open(documentModel([documentItem(1)], { kind: 'minutes', edition: 'public' }));
    expect(plain(headerOf(minutes.parts, 'header', 'default'))).toBe('DAS · referat · 27. maj 2021 · offentlig udgave');
  });
});

describe('renderDocx: the minutes', () => {
  it('shows the decision box with outcome, text and reservations', async () => {
    const { text, xml } = await open(documentModel([fullItem, documentItem(2)], { kind: 'minutes' }));
    expect(text).toContain('Referat');
    expect(text).toMatch(/Beslutning\s+Godkendt\.\s+Taksterne blev godkendt\.\s+Forbehold\s+Læsø Kommune: forbehold for finansieringen/);
    // After the recommendation and before the case text, as in the PDF.
    expect(text.indexOf('DAS orienteres om udviklingen')).toBeLessThan(text.indexOf('Beslutning'));
    expect(text.indexOf('Beslutning')).toBeLessThan(text.indexOf('Sagsfremstilling med'));
    // Framed: a one-cell table with borders.
    expect(xml).toMatch(/<w:tbl><w:tblPr>.*?<w:tblBorders><w:top w:val="single"[^>]*\/>.*?Beslutning/);
  });

  it('lists reservations and the follow-ups agreed (what, who, deadline) in the decision box (trap 4)', async () => {
    const item = documentItem(1, {
      decision: { text: '<p>Drøftet.</p>', outcome: 'droeftet', reservations: [{ party: 'Læsø Kommune', text: 'Forbehold for finansieringen.' }, { party: 'Aalborg Kommune', text: '' }] },
      followUps: [{ action: 'Give en foreløbig status på evalueringen.', owner: 'Sekretariatet', due: '26. august 2021' }],
    });
    const { xml } = await open(documentModel([item], { kind: 'minutes' }));
    const box = plain(/<w:tbl>.*?<\/w:tbl>/.exec(xml)![0].replace(/<\/w:p>/g, '\n').replace(/<w:br\/>/g, '\n'));
    expect(box.split('\n').filter(Boolean)).toEqual([
      'Beslutning',
      'Drøftet.',
      'Drøftet.',
      'Forbehold',
      'Læsø Kommune: Forbehold for finansieringen.',
      'Aalborg Kommune',
      'Opfølgning',
      'Give en foreløbig status på evalueringen.',
      'Ansvarlig: Sekretariatet · Frist: 26. august 2021',
    ]);
    // Each reservation and follow-up is a bullet of its own.
    expect(/<w:tbl>.*?<\/w:tbl>/.exec(xml)![0].match(/<w:numPr>/g)).toHaveLength(3);
  });

  it('prints the outcome recorded for each Indstilling point (trap 10)', async () => {
    const item = documentItem(4, {
      recommendations: ['DAS evaluerer på det eksisterende setup', 'DAS aftaler formen for tilbagemeldingen'],
      decision: { text: '<p>DAS evaluerede.</p>', outcome: 'droeftet', pointOutcomes: ['droeftet', 'godkendt'], reservations: [] },
    });
    const { text } = await open(documentModel([item], { kind: 'minutes' }));
    expect(text).toMatch(/DAS evaluerer på det eksisterende setup – Drøftet\s+DAS aftaler formen for tilbagemeldingen – Godkendt\s+Beslutning\s+Drøftet\./);
  });

  it('marks minutes not yet approved as a draft, on the front page and in the running header', async () => {
    const draft = await open(documentModel([documentItem(1)], { kind: 'minutes', minutesApproved: false }));
    expect(draft.text).toMatch(/Udkast til referat – til kommentering, ikke godkendt\s+Intern udgave/);
    expect(plain(headerOf(draft.parts, 'header', 'default'))).toBe('DAS · referat · 27. maj 2021 · udkast');
    const approved = await open(documentModel([documentItem(1)], { kind: 'minutes' }));
    expect(approved.text).not.toContain('Udkast');
    // The agenda is never a draft.
    expect((await open(documentModel([documentItem(1)], { minutesApproved: false }))).text).not.toContain('Udkast');
  });

  it('names the guests who came', async () => {
    const guests = [
      { name: 'Anette Sloth', title: 'Psykiatridirektør', organisation: 'Psykiatrien', attended: true },
      { name: 'Ole Hansen', title: '', organisation: '', attended: false },
    ];
    const { text } = await open(documentModel([documentItem(1, { guests })], { kind: 'minutes' }));
    expect(text).toContain('Psykiatridirektør Anette Sloth (Psykiatrien) deltog under punktet.');
    expect(text).not.toContain('Ole Hansen');
  });
});

describe('renderDocx: rich text', () => {
  it('keeps emphasis, lists, links, headings, quotes and entities', async () => {
    const html = [
      '<h2>Baggrund</h2>',
      '<p><strong>Fed</strong> <em>kursiv</em> <u>under</u> <s>over</s> &amp; &lt;tegn&gt; &#230;&oslash;&aring;&nbsp;slut</p>',
      '<ul><li>Første<ul><li>Indrykket</li></ul></li><li>Anden</li></ul>',
      '<ol><li>En</li><li>To</li></ol><p>Mellem</p><ol><li>Igen en</li></ol>',
      '<p>Se <a href="https://www.socialaftale.dk/takster">taksterne</a> her.</p>',
      '<blockquote><p>Citat fra loven</p></blockquote>',
      '<p>Linje et<br>Linje to</p>',
      '<p><mark>Ukendt</mark> <custom-tag>mærke</custom-tag></p>',
    ].join('');
    const { text, xml, parts } = await open(documentModel([documentItem(1, { caseText: html })]));
    for (const expected of ['Baggrund', 'Fed kursiv under over & <tegn> æøå\u00a0slut', 'Første', 'Indrykket', 'Anden', 'En', 'To', 'Mellem', 'Igen en', 'Se taksterne her.', 'Citat fra loven', 'Ukendt mærke']) {
      expect(text).toContain(expected);
    }
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>.*?Baggrund/);
    expect(xml).toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Fed</);
    expect(xml).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">kursiv</);
    expect(xml).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">under</);
    expect(xml).toMatch(/<w:strike\/><\/w:rPr><w:t xml:space="preserve">over</);
    expect(xml).toMatch(/<w:br\/>.*?Linje to/);
    // Nested list on level 1; two numbered lists, each counting from 1 (a list instance each).
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>.*?Indrykket/);
    const numId = (t: string) => new RegExp(`<w:numId w:val="(\\d+)"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${t}<`).exec(xml)?.[1];
    expect(numId('En')).toBe(numId('To'));
    expect(numId('Igen en')).not.toBe(numId('En'));
    expect(numId('Første')).not.toBe(numId('En'));
    expect(parts['word/numbering.xml']).toContain('<w:numFmt w:val="decimal"/>');
    // The link is a hyperlink to the address.
    // (The relationship id is random and may contain "-".)
    expect(xml).toMatch(/<w:hyperlink[^>]*r:id="[^"]+".*?taksterne/);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://www.socialaftale.dk/takster" TargetMode="External"');
  });

  it('writes tables with borders, spans and a header row repeated on every page', async () => {
    const table =
      '<table><thead><tr><th>Kommune</th><th>Pladser</th><th>Beløb</th></tr></thead><tbody>' +
      '<tr><td rowspan="2">Aalborg</td><td>12</td><td>1.234.567 kr.</td></tr>' +
      '<tr><td>3</td><td>45.000 kr.</td></tr>' +
      '<tr><td colspan="3">I alt for Læsø og Ærø</td></tr>' +
      '<tr><td>Kort række</td></tr></tbody></table>';
    const { text, xml } = await open(documentModel([documentItem(1, { economy: table })]));
    for (const cell of ['Kommune', 'Pladser', 'Beløb', 'Aalborg', '1.234.567 kr.', '45.000 kr.', 'I alt for Læsø og Ærø', 'Kort række']) expect(text).toContain(cell);
    const tbl = /<w:tbl>(?:(?!<\/w:tbl>).)*Kommune.*?<\/w:tbl>/.exec(xml)![0];
    expect(tbl.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(tbl).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(tbl).toContain('<w:gridSpan w:val="3"/>');
    expect(tbl).toContain('<w:vMerge w:val="restart"/>');
    expect(tbl).toContain('<w:vMerge w:val="continue"/>');
    expect(tbl.match(/<w:gridCol /g)).toHaveLength(3);
    // The short row is filled up to three cells, so Word draws the grid whole.
    const lastRow = /<w:tr>(?:(?!<w:tr>).)*Kort række.*?<\/w:tr>/.exec(tbl)![0];
    expect(lastRow.match(/<w:tc>/g)).toHaveLength(3);
  });

  it('takes a first row of <th> cells (without <thead>) as the header row', async () => {
    const { xml } = await open(documentModel([documentItem(1, { caseText: '<table><tbody><tr><th>Navn</th></tr><tr><td>Værdi</td></tr></tbody></table>' })]));
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('never drops text from bad or odd HTML', async () => {
    const odd = [
      '<p><strong>Ulukket fed',
      '<table></table>',
      '<tr><td>Løs celle</td></tr>',
      '<ul>Løs tekst i liste<li></li><li><p>Afsnit et</p><p>Afsnit to</p></li><li><table><tr><td>Tabel i punkt</td></tr></table></li></ul>',
      '<li>Punkt uden liste</li>',
      '<a href="javascript:alert(1)">Farligt link</a>',
      '<a href="https://x.dk"><p>Afsnit i link</p></a>',
      '<table><caption>Overskrift på tabel</caption>Tekst i tabel<tr>Tekst i række<td>Celle</td></tr></table>',
      '<!-- en kommentar -->',
    ].join('');
    const { text, all } = await open(documentModel([documentItem(1, { resume: odd })]));
    for (const expected of ['Ulukket fed', 'Løs celle', 'Løs tekst i liste', 'Afsnit et', 'Afsnit to', 'Tabel i punkt', 'Punkt uden liste', 'Farligt link', 'Afsnit i link', 'Overskrift på tabel', 'Tekst i tabel', 'Tekst i række', 'Celle']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('en kommentar');
    expect(all).not.toContain('javascript:');
  });
});

describe('renderDocx: editions', () => {
  const items = [
    documentItem(1, {
      attachments: [
        documentAttachment(1, 'Åbent bilag', false),
        documentAttachment(2, 'Fortroligt regnskab for tilbuddet', true),
        documentAttachment(3, 'Andet åbent bilag', false),
      ],
    }),
    closedItem,
    documentItem(3, { title: 'Eventuelt' }),
  ];

  it('the public edition keeps only "Punkt N. Lukket punkt" of a closed item and no closed attachment', async () => {
    for (const kind of ['agenda', 'minutes'] as const) {
      const { text, all } = await open(documentModel(items, { kind, edition: 'public' }));
      expect(text).toContain('Offentlig udgave – lukkede punkter er udeladt');
      expect(text).toMatch(/Punkt 2\. Lukket punkt\s+Punktet er lukket\./);
      for (const secret of ['Udbud af botilbud', 'MDR-2024-00035', 'leverandøren', 'forhandlingsmandatet', 'nordlige opland', '4,2 mio', 'Tilbudsliste', 'Fortroligt regnskab']) {
        // Nowhere in the file: not in the text, the table of contents, a bookmark or the properties.
        expect(all).not.toContain(secret);
      }
      expect(text).toMatch(/Bilag 1: Åbent bilag\s+Bilag 2: Andet åbent bilag/);
      expect(findLeaks(closedTexts(documentModel(items)), text)).toEqual([]);
    }
  });

  it('shows a closed item’s title in public where the item allows it, but nothing else of it', async () => {
    const { text } = await open(documentModel([{ ...closedItem, closedTitleVisible: true }], { kind: 'minutes', edition: 'public' }));
    expect(text).toMatch(/Punkt 2\. Udbud af botilbud i Nordjylland\s+Punktet er lukket\./);
    expect(text).not.toContain('Mandatet blev givet');
    expect(text).not.toContain('Beslutning');
  });

  it('the internal edition shows the closed item marked as confidential', async () => {
    const { text } = await open(documentModel(items, { kind: 'minutes' }));
    expect(text).toContain('Intern udgave – indeholder lukkede punkter');
    expect(text).toMatch(/Punkt 2\. Udbud af botilbud i Nordjylland\s+Sagsnr\. MDR-2024-00035\s+Lukket punkt – fortroligt\./);
    expect(text).toContain('Mandatet blev givet med et loft på 4,2 mio. kr.');
    expect(text).toContain('Bilag 2: Fortroligt regnskab for tilbuddet');
  });
});

describe('renderDocx: bad input', () => {
  it('keeps a 2 000-character title and a 300-row table', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Række ${i + 1}</td><td>${(i * 1234.5).toLocaleString('da-DK')}</td></tr>`).join('');
    const title = 'Æ'.repeat(2000);
    const { text, xml } = await open(documentModel([documentItem(1, { title, caseText: `<table><thead><tr><th>Navn</th><th>Beløb</th></tr></thead><tbody>${rows}</tbody></table>` })]));
    expect(text).toContain(`Punkt 1. ${title}`);
    expect(text).toContain('Række 1');
    expect(text).toContain('Række 300');
    expect(xml.match(/<w:tr>/g)).toHaveLength(301);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('strips characters that XML forbids, so Word opens the file', async () => {
    const dirty = 'Kontrol\u0001tegn\u0008 og \uFFFE\uFFFF og \uD800';
    const { text, all } = await open(
      documentModel([documentItem(1, { title: `Titel ${dirty}`, resume: `<p>Resumé ${dirty} &#1;</p>`, recommendations: [dirty], attachments: [documentAttachment(1, dirty, false)] })], {
        body: { code: 'DAS\u0002', name: `Organ ${dirty}` },
      }),
    );
    expect(text).toContain('Titel Kontroltegn og  og');
    expect(text).toContain('Resumé Kontroltegn og og'); // white space in rich text collapses, as in HTML
    expect(text).toContain('Bilag 1: Kontroltegn og  og');
    // eslint-disable-next-line no-control-regex
    expect(all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('leaves out empty sections, and copes with a meeting without time, place, participants or items', async () => {
    const { text } = await open(documentModel([documentItem(1, { resume: '  ', caseText: '<p></p>', economy: '<p> </p>', recommendations: [' '] })], {}));
    for (const label of ['Resumé', 'Indstilling', 'Sagsfremstilling', 'Økonomi', 'Høring', 'Bilag']) expect(text).not.toMatch(new RegExp(`^${label}$`, 'm'));
    const empty = await open(documentModel([], { meeting: { date: '2024-01-04', startTime: null, endTime: null, location: '' }, participants: [] }));
    expect(empty.text).toContain('Dato\tTorsdag den 4. januar 2024');
    expect(empty.text).not.toContain('Tidspunkt');
    expect(empty.text).not.toContain('Deltagere');
    expect(empty.text).toContain('Indholdsfortegnelse');
  });
});

describe('renderDocx: what Word and LibreOffice show without updating anything', () => {
  it('writes the page each item starts on into the contents, linked to the item, and asks Word for nothing', async () => {
    const items = [fullItem, documentItem(2, { title: 'Eventuelt' }), documentItem(3, { title: 'Næste møde' })];
    const pageOf = new Map([[items[0]!.id, 3], [items[1]!.id, 5], [items[2]!.id, 6]]);
    const { xml, parts } = await open(documentModel(items), { pageOf });
    const field = /<w:sdtContent>(.*?)<\/w:sdtContent>/.exec(xml)![1]!;
    // The field's result (after "separate") holds every entry with its page number, as Word writes a table of contents.
    const result = field.slice(field.indexOf('w:fldCharType="separate"'));
    const entries = [...result.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"[^>]*>(.*?)<\/w:hyperlink>/g)].map((m) => ({ anchor: m[1]!, text: plain(m[2]!) }));
    expect(entries.map((e) => e.text)).toEqual([
      'Punkt 1. Godkendelse af takster for 2022 – særlige pladser på Østergård3',
      'Punkt 2. Eventuelt5',
      'Punkt 3. Næste møde6',
    ]);
    expect(field).toMatch(/Østergård<\/w:t><w:tab\/><w:t[^>]*>3<\/w:t>/);
    // Each entry links to the bookmark on its item's heading.
    for (const [i, entry] of entries.entries()) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading2"/><w:pageBreakBefore/></w:pPr><w:bookmarkStart w:name="${entry.anchor}" w:id="\\d+"/>.*?Punkt ${i + 1}\\.`));
    }
    // Clean: Word shows the numbers as written and does not ask to update fields when it opens the file.
    expect(field).not.toContain('w:dirty="true"');
    expect(parts['word/settings.xml']).not.toContain('updateFields');
  });

  it('lets a long decision box run on across pages instead of jumping whole to the next one', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `<p>Afsnit ${i + 1} af en lang beslutning om takster og pladser.</p>`).join('');
    const { xml } = await open(documentModel([documentItem(1, { decision: { text: long, outcome: 'godkendt', reservations: [] } })], { kind: 'minutes' }));
    const box = /<w:tbl>(?:(?!<\/w:tbl>).)*?Beslutning.*?<\/w:tbl>/.exec(xml)![0];
    expect(box).toContain('Afsnit 40');
    // A row that cannot split, or a paragraph kept with the next in it, makes Word move the whole box.
    expect(box).not.toMatch(/<w:cantSplit(?! w:val="(?:false|off|0)")/);
    expect(box).not.toContain('<w:keepNext/>');
  });

  it('gives table columns widths by their content, filling the text width', async () => {
    const table =
      '<table><thead><tr><th>Kommune</th><th>Pladser</th><th>Bemærkning</th></tr></thead><tbody>' +
      '<tr><td>Frederikshavn</td><td>12</td><td>Pladserne tages i brug i løbet af foråret, når ombygningen af afdelingen er færdig.</td></tr>' +
      '<tr><td>Læsø</td><td>1</td><td>Ingen</td></tr></tbody></table>';
    const { xml } = await open(documentModel([documentItem(1, { economy: table })]));
    const tbl = /<w:tbl>(?:(?!<\/w:tbl>).)*Kommune.*?<\/w:tbl>/.exec(xml)![0];
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(3);
    const [name, places, remark] = grid as [number, number, number];
    expect(places).toBeLessThan(name);
    expect(name).toBeLessThan(remark);
    // The page's text width: A4 less 22 mm and 20 mm margins.
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 1247 - 1133);
    // Each cell says its width too, which Word prefers over the grid.
    expect(tbl).toContain(`<w:tcW w:type="dxa" w:w="${places}"/>`);
  });

  it('names the secretariat as author, with the document’s title and subject', async () => {
    const { parts } = await open(documentModel([documentItem(1)], { kind: 'minutes' }));
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:creator>Sekretariat for Nordjysk Socialaftale</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Sekretariat for Nordjysk Socialaftale</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>Referat – Den Administrative Styregruppe (DAS Social) – 27. maj 2021</dc:title>');
    expect(core).toContain('<dc:subject>Referat – Intern udgave – indeholder lukkede punkter</dc:subject>');
    expect(core).not.toContain('Un-named');
  });
});
