import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedTexts, findLeaks, renderDocument } from '../../shared/documents';
import { documentAttachment, documentItem, documentModel } from '../helpers/document-model';


const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const closedItem = documentItem(2, {
  title: 'Udbud af botilbud i Nordjylland',
  closed: true,
  closedTitleVisible: false,
  caseNumber: 'MDR-2024-00035',
  resume: '<p>Forhandlingerne med leverandøren om prisen er fortrolige indtil videre.</p>',
  recommendations: ['DAS godkender forhandlingsmandatet'],
  decision: { text: '<p>Mandatet blev givet med et loft på 4,2 mio. kr.</p>', outcome: 'godkendt', reservations: [] },
  attachments: [documentAttachment(1, 'Tilbudsliste fra leverandøren', true)],
});

describe('renderDocument', () => {
  it('prints the front page, table of contents and items in Danish, with the running header and page numbers in CSS', () => {
    const html = renderDocument(documentModel([documentItem(1, { resume: '<p>Resumé af punktet.</p>', recommendations: ['DAS godkender dagsordenen'], guests: [{ name: 'Anette Sloth', title: 'Psykiatridirektør', organisation: 'Psykiatrien', attended: false }] })]));
    const plain = text(html);
    expect(plain).toContain('Dagsorden');
    expect(plain).toContain('Torsdag den 27. maj 2021');
    expect(plain).toContain('kl. 13.00–16.00');
    expect(plain).toMatch(/Deltagere Henrik Aarup-Kristensen, Aalborg Kommune Afbud Lone Jensen, Læsø Kommune/);
    expect(plain).toContain('Punkt 1. Punkt om emne 1');
    expect(plain).toContain('Psykiatridirektør Anette Sloth (Psykiatrien) deltager under punktet.');
    expect(plain).toMatch(/Indstilling Det indstilles, at DAS godkender dagsordenen/);
    expect(html).toContain('"Side " counter(page) " af " counter(pages)');
    expect(html).toContain('"DAS · dagsorden · 27. maj 2021"');
  });

  it('shows the decision in the minutes only', () => {
    const items = [documentItem(1, { decision: { text: '<p>Dagsordenen blev godkendt.</p>', outcome: 'godkendt', reservations: [{ party: 'Læsø Kommune', text: 'forbehold for finansieringen' }] } })];
    expect(text(renderDocument(documentModel(items)))).not.toContain('Dagsordenen blev godkendt');
    const minutes = text(renderDocument(documentModel(items, { kind: 'minutes' })));
    expect(minutes).toContain('Referat');
    expect(minutes).toMatch(/Beslutning Godkendt\. Dagsordenen blev godkendt\. Forbehold Læsø Kommune: forbehold for finansieringen/);
  });

  it('lists the reservations one by one, without a stray «.;» after a full stop (trap 4)', () => {
    const reservations = [
      { party: 'Læsø Kommune', text: 'Forbehold for finansieringen.' },
      { party: 'Aalborg Kommune', text: '' },
    ];
    const html = renderDocument(documentModel([documentItem(1, { decision: { text: '<p>Godkendt.</p>', outcome: 'godkendt', reservations } })], { kind: 'minutes' }));
    expect(html).toContain('<ul><li>Læsø Kommune: Forbehold for finansieringen.</li><li>Aalborg Kommune</li></ul>');
    expect(text(html)).not.toContain('.;');
  });

  it('prints the follow-ups agreed at an item under its decision: what, who and the deadline (trap 4)', () => {
    const followUps = [
      { action: 'Give en foreløbig status på evalueringen.', owner: 'Sekretariatet', due: '26. august 2021' },
      { action: 'Udvælge fokuskommunerne.', owner: 'FU', due: '' },
    ];
    const item = documentItem(1, { decision: { text: '<p>Drøftet.</p>', outcome: 'droeftet', reservations: [] }, followUps, caseText: '<p>Sagen.</p>' });
    const minutes = text(renderDocument(documentModel([item], { kind: 'minutes' })));
    expect(minutes).toMatch(/Beslutning Drøftet\. Drøftet\. Opfølgning Give en foreløbig status på evalueringen\. Ansvarlig: Sekretariatet · Frist: 26\. august 2021 Udvælge fokuskommunerne\. Ansvarlig: FU Sagsfremstilling/);
    expect(text(renderDocument(documentModel([item])))).not.toContain('Opfølgning');
  });

  it('prints the outcome recorded for each Indstilling point in the minutes (trap 10)', () => {
    const item = documentItem(4, {
      recommendations: ['DAS evaluerer på det eksisterende setup', 'DAS aftaler formen for tilbagemeldingen'],
      decision: { text: '<p>DAS evaluerede.</p>', outcome: 'droeftet', pointOutcomes: ['droeftet', 'godkendt'], reservations: [] },
    });
    const minutes = text(renderDocument(documentModel([item], { kind: 'minutes' })));
    expect(minutes).toMatch(/Det indstilles, at DAS evaluerer på det eksisterende setup – Drøftet DAS aftaler formen for tilbagemeldingen – Godkendt Beslutning Drøftet\./);
    expect(text(renderDocument(documentModel([item])))).not.toContain('– Godkendt');
  });

  it('never prints a heading inside a section larger than the section label', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(renderDocument(documentModel([documentItem(1)])))![1]!;
    expect(css).toMatch(/\.section > \.label \{[^}]*font-size: 10\.5pt/);
    expect(css).toContain(':is(.section, .decision) :is(h1, h2, h3) { font-size: 10.5pt;');
  });

  it('escapes titles and names; a script in a title is text', () => {
    const html = renderDocument(documentModel([documentItem(1, { title: '<script>alert(1)</script> & "citat"' })]));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citat&quot;');
  });

  it('keeps a 2 000-character title and a 300-row table', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>Række ${i + 1}</td><td>${(i * 1234.5).toLocaleString('da-DK')}</td></tr>`).join('');
    const html = renderDocument(documentModel([documentItem(1, { title: 'Æ'.repeat(2000), caseText: `<table><thead><tr><th>Navn</th><th>Beløb</th></tr></thead><tbody>${rows}</tbody></table>` })]));
    expect(html).toContain('Æ'.repeat(2000));
    expect(html.match(/<tr>/g)).toHaveLength(301);
    expect(html).toContain('thead { display: table-header-group; }');
  });
});

describe('editions and the leak check', () => {
  const items = [documentItem(1, { attachments: [documentAttachment(1, 'Åbent bilag', false), documentAttachment(2, 'Fortroligt regnskab for tilbuddet', true), documentAttachment(3, 'Andet åbent bilag', false)] }), closedItem];

  it('the public edition keeps only "Punkt N. Lukket punkt" of a closed item and no closed attachment', () => {
    const plain = text(renderDocument(documentModel(items, { edition: 'public' })));
    expect(plain).toContain('Punkt 2. Lukket punkt');
    for (const secret of ['Udbud af botilbud', 'MDR-2024-00035', 'leverandøren', 'forhandlingsmandatet', '4,2 mio', 'Tilbudsliste', 'Fortroligt regnskab']) {
      expect(plain).not.toContain(secret);
    }
    expect(plain).toMatch(/Bilag 1: Åbent bilag Bilag 2: Andet åbent bilag/);
    expect(findLeaks(closedTexts(documentModel(items)), plain)).toEqual([]);
  });

  it('shows a closed item’s title in public where the item allows it', () => {
    const visible = [{ ...closedItem, closedTitleVisible: true }];
    expect(text(renderDocument(documentModel(visible, { edition: 'public' })))).toContain('Punkt 2. Udbud af botilbud i Nordjylland');
  });

  it('finds what leaked when closed text reaches the output, however it is cased or spelled', () => {
    const internal = text(renderDocument(documentModel(items)));
    const leaks = findLeaks(closedTexts(documentModel(items)), internal);
    expect(leaks.map((l) => l.source)).toEqual(expect.arrayContaining(['Udbud af botilbud i Nordjylland', 'Forhandlingerne med leverandøren om prisen er fortrolige indtil videre.']));
    expect(findLeaks(['Forhandlingerne med leverandøren om prisen'], 'FORHANDLINGERNE MED LEVERANDOEREN OM PRISEN')).toHaveLength(1);
  });

  it('never leaks a closed item into a public edition (random meetings)', () => {
    // Closed and open texts are drawn from different vocabularies, so any phrase found can only be a leak.
    const open = fc.constantFrom('takst', 'belægning', 'kommune', 'tilbud', 'budget', 'region', 'møde', 'beslutning');
    const secret = fc.constantFrom('fortrolig', 'hemmelig', 'forhandling', 'personsag', 'klagesag', 'lønforhold', 'udbudsmateriale', 'tavshedspligt');
    const sentence = (words: fc.Arbitrary<string>) => fc.array(words, { minLength: 2, maxLength: 12 }).map((w) => w.join(' '));
    const anItem = fc.record({ closed: fc.boolean(), visible: fc.boolean(), open: sentence(open), secret: sentence(secret), attachmentClosed: fc.boolean() });
    fc.assert(
      fc.property(fc.array(anItem, { minLength: 1, maxLength: 8 }), (specs) => {
        const items = specs.map((s, i) =>
          documentItem(i + 1, {
            title: s.closed ? s.secret : s.open,
            closed: s.closed,
            closedTitleVisible: s.visible && false,
            resume: `<p>${s.closed ? s.secret : s.open}</p>`,
            recommendations: [s.closed ? s.secret : s.open],
            attachments: [documentAttachment(1, s.attachmentClosed || s.closed ? `bilag ${s.secret}` : `bilag ${s.open}`, s.attachmentClosed || s.closed)],
          }),
        );
        const m = documentModel(items);
        expect(findLeaks(closedTexts(m), text(renderDocument({ ...m, edition: 'public' })))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('closedTexts', () => {
  it('leaves out what stands openly too: the placeholder title and a case number shared with open items', () => {
    const items = [documentItem(1, { caseNumber: 'MDR-2024-00035' }), documentItem(2, { title: 'Lukket punkt', closed: true, closedTitleVisible: false, caseNumber: 'MDR-2024-00035' }), documentItem(3, { closed: true, caseNumber: 'EMN-2024-00244' })];
    expect(closedTexts(documentModel(items))).toEqual(['EMN-2024-00244']);
  });

  it('keeps the follow-ups of a closed item, but not an owner who also stands openly', () => {
    const closed = documentItem(2, { closed: true, followUps: [{ action: 'Forhandle prisen med leverandøren igen.', owner: 'Sekretariatet', due: '' }] });
    const open = documentItem(1, { followUps: [{ action: 'Sende referatet.', owner: 'Sekretariatet', due: '' }] });
    const texts = closedTexts(documentModel([open, closed]));
    expect(texts).toContain('Forhandle prisen med leverandøren igen.');
    expect(texts).not.toContain('Sekretariatet');
  });

  it('keeps a closed sentence copied whole into an open item, and a closed attachment’s title and text (issue 14)', () => {
    const sentence = '<p>Botilbud Nord har et underskud på 4,2 mio. kr.</p>';
    const items = [
      documentItem(1, { resume: sentence, attachments: [{ number: 1, title: 'Regnskab 2024', closed: true, sha256: null, mediaType: null, text: 'Tab på driften af Botilbud Syd' }] }),
      documentItem(2, { closed: true, caseText: sentence }),
    ];
    const closed = closedTexts(documentModel(items));
    expect(closed).toEqual(expect.arrayContaining([sentence, 'Regnskab 2024', 'Tab på driften af Botilbud Syd']));
  });
});

describe('table of contents', () => {
  it('shows page numbers with dot leaders once they are known from a first print', () => {
    const items = [documentItem(1), documentItem(2)];
    expect(renderDocument(documentModel(items))).not.toContain('class="page"');
    const html = renderDocument(documentModel(items), { pageOf: new Map([[items[0]!.id, 3], [items[1]!.id, 5]]) });
    expect(text(html)).toMatch(/Punkt 1\. Punkt om emne 1 3 Punkt 2\. Punkt om emne 2 5/);
  });
});
