import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { buildDocumentModel } from '../../electron/backend/services/documents';
import { runCli } from '../../electron/host/cli';
import { closedTexts, findLeaks, renderDocument } from '../../shared/documents';
import { launchChromium, SCREENSHOT_DIR } from './support/app';

const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_NOVEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';

let browser: Browser;
let backend: Backend;
const dir = mkdtempSync(join(tmpdir(), 'sekretariat-pdf-'));

beforeAll(async () => {
  browser = await launchChromium();
  backend = await openBackend({ databaseFile: join(dir, 'db.sqlite'), appVersion: 'test' });
  await backend.call('demo.load', {});
});
afterAll(async () => {
  await backend.close();
  await browser.close();
});

/** Prints the HTML as the app will: Chromium's print engine, A4, tagged, with an outline. */
async function print(html: string, file: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true, preferCSSPageSize: true }));
  await page.close();
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('agenda and minutes as PDF (first cut of the document renderer)', () => {
  it('prints the DAS minutes of 27 May 2021 with every item, running header and "Side X af Y"', async () => {
    const model = await buildDocumentModel(backend.database.db, DAS_MAY, 'minutes', 'internal');
    const file = join(dir, 'referat-das-2021-05-27.pdf');
    const text = await print(renderDocument(model), file);
    const count = pages(file);
    expect(count).toBeGreaterThan(10);
    expect(text).toContain(`Side 1 af ${count}`);
    expect(text).toContain(`Side ${count} af ${count}`);
    expect(text).toContain('DAS · referat · 27. maj 2021');
    expect(text).toContain('Torsdag den 27. maj 2021');
    for (const item of model.items) expect(text).toContain(`Punkt ${item.number}.`);
    expect(text).toMatch(/Læsø og Morsø/);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, join(SCREENSHOT_DIR, 'pdf-das-2021-05-27')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '9', '-l', '9', file, join(SCREENSHOT_DIR, 'pdf-das-2021-05-27')]);
  });

  it('prints the public edition of the PSU meeting with closed items reduced to "Lukket punkt" and no leak', async () => {
    const internal = await buildDocumentModel(backend.database.db, PSU_NOVEMBER, 'minutes', 'internal');
    const file = join(dir, 'referat-psu-offentlig.pdf');
    const text = await print(renderDocument({ ...internal, edition: 'public' }), file);
    expect(text.match(/Lukket punkt/g)?.length).toBeGreaterThanOrEqual(3);
    expect(findLeaks(closedTexts(internal), text)).toEqual([]);
  });

  it('exports through the command line, refusing bad input with exit code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const env = { SEKRETARIAT_DATA_DIR: dir };
    await backend.close();
    const file = join(dir, 'dagsorden-das.pdf');
    const code = await runCli(['document', '--db', join(dir, 'db.sqlite'), '--meeting', DAS_MAY, '--kind', 'agenda', '--edition', 'public', '--out', file, '--json'], io, env);
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ file, kind: 'agenda', edition: 'public' });
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Dagsorden');
    expect(await runCli(['document', '--db', join(dir, 'db.sqlite'), '--meeting', DAS_MAY, '--kind', 'pamflet', '--out', file], io, env)).toBe(2);
    expect(err.join('\n')).toContain('Ukendt --kind: pamflet');
    backend = await openBackend({ databaseFile: join(dir, 'db.sqlite'), appVersion: 'test' });
  });
});

