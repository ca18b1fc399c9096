import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { PDFDict, PDFDocument, PDFName, type PDFHexString, type PDFRef, type PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../electron/backend/backend';
import { chromiumPrinter } from '../../../electron/host/chromium-printer';
import type { MethodInput, MethodOutput } from '../../../shared/contract';

/**
 * Issue 16, the papers as DAS prints them: the demo's minutes of DAS 27 May 2021 and the public agenda of PSU
 * 5 December 2024 (closed items), exported as a user would and read back with poppler, pdf-lib and the .docx's XML.
 */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_DECEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202412050001';
const PSU_NOVEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';
const printer = chromiumPrinter();
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-papers-'));
let backend: Backend;

beforeAll(async () => {
  backend = await openBackend({ databaseFile: join(dir, 'db.sqlite'), appVersion: '9.8.7', printer, log: { error: () => {} } });
  await backend.call('demo.load', {});
}, 300_000);
afterAll(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exported(input: MethodInput<'documents.export'>): Promise<string> {
  const result = await backend.call('documents.export', input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const data = result.data as MethodOutput<'documents.export'>;
  return join(backend.exports.dir, data.exportId, data.fileName);
}

const poppler = (tool: string, file: string) => execFileSync(tool, [file], { encoding: 'utf8' });

/** The outline's top-level titles as a reader lists them, and whether it opens beside the pages. */
async function outlineOf(file: string) {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const titles: string[] = [];
  let ref = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).get(PDFName.of('First')) as PDFRef | undefined;
  while (ref) {
    const entry = doc.context.lookup(ref, PDFDict);
    titles.push((entry.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText());
    ref = entry.get(PDFName.of('Next')) as PDFRef | undefined;
  }
  return { titles, pageMode: doc.catalog.get(PDFName.of('PageMode')) };
}

/** Every font pdffonts lists, with its "emb" column. */
const fontsOf = (file: string) =>
  poppler('pdffonts', file)
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => ({ name: line.split(/\s+/)[0]!, embedded: /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)?.[1] === 'yes' }));

describe.skipIf(!printer)('the minutes of DAS 27 May 2021 as PDF', () => {
  let file: string;
  beforeAll(async () => {
    file = await exported({ meetingId: DAS_MAY, kind: 'minutes', edition: 'internal', format: 'pdf' });
  }, 300_000);

  it('print the follow-ups under the decision, and the outcome by each Indstilling point (traps 4 and 10)', () => {
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Opfølgning Give en foreløbig status på evalueringen af Socialudviklingsgruppen og Psykiatri- og handicapchefkredsen på DAS-mødet i august. Ansvarlig: Sekretariatet · Frist: 23. august 2021',
    );
    // Punkt 4: the item is «Drøftet», its second point «Godkendt».
    expect(text).toMatch(/DAS aftaler i hvilken form man vil foretage en tilbagemelding til kommunaldirektørkredsen – Godkendt Beslutning Drøftet\./);
    expect(text).toMatch(/Forbehold Morsø Kommune: [^;]*\. Læsø Kommune:/);
    expect(text).not.toContain('.;');
  });

  it('has its properties: title, the secretariat as author, subject, creator and producer', () => {
    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/^Title:\s+Referat – Den Administrative Styregruppe \(DAS Social\) – 27\. maj 2021$/m);
    expect(info).toMatch(/^Author:\s+Sekretariat for Nordjysk Socialaftale$/m);
    expect(info).toMatch(/^Subject:\s+Referat for mødet i Den Administrative Styregruppe \(DAS Social\) torsdag den 27\. maj 2021 – intern udgave$/m);
    expect(info).toMatch(/^Creator:\s+Sekretariat$/m);
    expect(info).toMatch(/^Producer:\s+Sekretariat 9\.8\.7 \(Chromium og pdf-lib\)$/m);
  });

  it('embeds every font', () => {
    const fonts = fontsOf(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('opens with an outline of «Punkt N. title» on one line, without the case text’s sub-headings', async () => {
    const { titles, pageMode } = await outlineOf(file);
    expect(pageMode).toBe(PDFName.of('UseOutlines'));
    expect(titles.slice(0, 3)).toEqual(['Referat – Den Administrative Styregruppe (DAS Social)', 'Indholdsfortegnelse', 'Punkt 1. Godkendelse af dagsorden']);
    expect(titles).toContain('Punkt 6. Fokuskommuner/region vedr. udviklingshæmmede borgere med demens/udadreagerende adfærd');
    expect(titles.slice(2).every((t, i) => t.startsWith(`Punkt ${i + 1}. `))).toBe(true);
    expect(titles).not.toContain('Baggrund');
  });
});

describe.skipIf(!printer)('the public agenda of PSU 5 December 2024 as PDF', () => {
  it('names a closed item in the outline only as «Punkt N. Lukket punkt», and embeds every font', async () => {
    const file = await exported({ meetingId: PSU_DECEMBER, kind: 'agenda', edition: 'public', format: 'pdf' });
    const { titles } = await outlineOf(file);
    expect(titles).toContain('Punkt 1. Lukket punkt');
    expect(titles).toContain('Punkt 4. Lukket punkt');
    expect(titles).toContain('Punkt 3. Aftale om sundhedsreform');
    expect(titles).not.toContain('Sekretariatets bemærkninger');
    expect(fontsOf(file).filter((f) => !f.embedded)).toEqual([]);
    expect(poppler('pdfinfo', file)).toMatch(/^Subject:\s+Dagsorden for mødet i Psykiatri- og Socialudvalget \(Danske Regioner\) torsdag den 5\. december 2024 – offentlig udgave$/m);
  });
});

describe.skipIf(!printer)('the minutes of PSU 8 November 2024 as PDF, in the committee\'s layout C', () => {
  let pages: string[];
  beforeAll(async () => {
    const file = await exported({ meetingId: PSU_NOVEMBER, kind: 'minutes', edition: 'internal', format: 'pdf' });
    pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').map((page) => page.replace(/\s+/g, ' '));
  }, 300_000);
  const pageOf = (text: string) => pages.findIndex((page) => page.includes(text));

  it('prints an item as the committee does: (Offentlig) in the heading, Beslutninger after the case, before Bilag', () => {
    const text = pages.join(' ');
    const item = text.slice(text.indexOf('(Offentlig) Godkendelse af åbent referat'), text.indexOf('(Offentlig) Drøftelse af kommende sundhedsreform'));
    const labels = ['Resumé', 'Indstilling', 'Sagsfremstilling', 'Økonomi', 'Beslutninger', 'Bilag', '1. Referat - Åben (1728338 - MDR-2024-00034)'];
    const at = labels.map((label) => item.indexOf(label));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain('Punkt 1. (Fortrolig) Lukket punkt');
  });

  it('lets the items flow on continuous pages instead of a page each', () => {
    // Items 1 and 2 share a page; with a page per item each would have its own.
    expect(pageOf('(Offentlig) Godkendelse af åbent referat')).toBe(pageOf('(Fortrolig) Lukket punkt'));
  });
});

describe('the minutes of DAS 27 May 2021 as .docx', () => {
  it('lists the follow-ups and reservations in the decision box, and the outcome by each point (traps 4 and 10)', async () => {
    const file = await exported({ meetingId: DAS_MAY, kind: 'minutes', edition: 'internal', format: 'docx' });
    const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p\b.*?<\/w:p>/g)].map((m) => m[0].replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '').replace(/&apos;/g, "'"));
    const at = (text: string) => paragraphs.findIndex((p) => p.startsWith(text));
    const followUp = at('Give en foreløbig status på evalueringen af Socialudviklingsgruppen');
    expect(paragraphs[followUp]).toMatch(/\nAnsvarlig: Sekretariatet · Frist: 23\. august 2021$/);
    expect(paragraphs.slice(followUp - 6, followUp)).toContain('Opfølgning');
    expect(paragraphs).toContain('DAS aftaler i hvilken form man vil foretage en tilbagemelding til kommunaldirektørkredsen – Godkendt');
    const morsø = at('Morsø Kommune: ');
    expect(paragraphs[morsø - 1]).toBe('Forbehold');
    expect(paragraphs[morsø + 1]).toMatch(/^Læsø Kommune: /);
  });
});

describe('«jf. bilag N» in the printed papers after the attachments changed', () => {
  it('prints the number the cited attachment has now, in the agenda as PDF and as Word', async () => {
    const ok = async <T>(result: Promise<{ ok: true; data: unknown } | { ok: false; error: { message: string } }>) => {
      const r = await result;
      if (!r.ok) throw new Error(r.error.message);
      return r.data as T;
    };
    const attach = async (itemId: string, title: string) => {
      const file = await backend.files!.storeStream(Readable.from([Buffer.from(`indhold af ${title}`)]), `${title}.pdf`);
      await ok(backend.call('attachments.add', { itemId, sha256: file.sha256, fileName: file.fileName, title }));
    };
    const das = (await ok<MethodOutput<'bodies.list'>>(backend.call('bodies.list', {}))).find((b) => b.code === 'DAS')!;
    const meeting = await ok<MethodOutput<'meetings.create'>>(backend.call('meetings.create', { bodyId: das.id, date: '2027-03-04', startTime: '13:00', endTime: '16:00' }));
    const first = await ok<MethodOutput<'agenda.create'>>(backend.call('agenda.create', { meetingId: meeting.id, title: 'Rammeaftale 2027' }));
    const second = await ok<MethodOutput<'agenda.create'>>(backend.call('agenda.create', { meetingId: meeting.id, title: 'Takster 2027' }));
    await attach(first.id, 'Rammeaftalen');
    await attach(second.id, 'Takstoversigt');
    await ok(backend.call('agenda.update', { id: second.id, revision: second.revision, patch: { caseText: '<p>Taksterne fremgår af takstoversigten, jf. bilag 2.</p>' } }));
    // Written when the takstoversigt was Bilag 2; an attachment sent later to Punkt 1 makes it Bilag 3.
    await attach(first.id, 'Eftersendt notat');
    if (printer) {
      const pdf = await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'pdf' });
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('takstoversigten, jf. bilag 3.');
    }
    const docx = await exported({ meetingId: meeting.id, kind: 'agenda', edition: 'internal', format: 'docx' });
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('takstoversigten, jf. bilag 3.');
  });
});
