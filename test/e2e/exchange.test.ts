/**
 * Udveksling in the real UI: one laptop exports a meeting as a package, another imports it — preview, a conflict
 * settled by the user, the import, and the same package again changing nothing. A file that is not a package is
 * refused in Danish.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { AppPage } from './pages/app-page';
import { screenshot, startApp, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
const DAS_2021_05_27 = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
let ui: AppPage;
let other: RunningApp | null = null;
let dir: string;

beforeEach(async () => {
  ui = new AppPage(session.page);
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-e2e-exchange-'));
});
afterEach(async () => {
  // The page leaves the second laptop before it stops, so its event stream does not log a refused reconnect.
  if (other) await session.page.goto('about:blank');
  await other?.close();
  other = null;
});

async function prepare(app: RunningApp, patch: { note: string; location?: string }) {
  await app.backend.call('settings.update', { welcomeDone: true });
  await app.backend.call('demo.load', {});
  const meeting = (await app.backend.call('meetings.get', { id: DAS_2021_05_27 })) as { ok: true; data: { revision: number } };
  await app.backend.call('meetings.update', { id: DAS_2021_05_27, revision: meeting.data.revision, patch });
}

describe('exchange between two laptops', () => {
  it('exports a meeting on one, previews and imports it on the other with a conflict settled by the user', async () => {
    // Laptop A: the secretariat's. It exports the DAS meeting of 27 May 2021.
    await prepare(session.app, { note: 'Noten skrevet på A' });
    await ui.open(session.app.host.url);
    await ui.goTo('Udveksling');
    const page = ui.page;
    await page.getByRole('radio', { name: 'Ét møde' }).check();
    await page.getByRole('textbox', { name: 'Møde' }).click();
    await page.getByRole('option', { name: /DAS 27\.05\.2021/ }).click();
    await screenshot(page, 'udveksling-eksport');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér pakke' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Sekretariat-\d{4}-\d{2}-\d{2}-moede-2021-05-27\.sekretariat$/);
    const packageFile = join(dir, download.suggestedFilename());
    await download.saveAs(packageFile);
    await ui.notification('Pakken er gemt').waitFor();

    // Laptop B: a colleague's, with its own note on the same meeting, and a new location only B changed.
    other = await startApp();
    await prepare(other, { note: 'Noten skrevet på B', location: 'Regionshuset, lokale 2' });
    await ui.open(other.host.url);
    await ui.goTo('Udveksling');
    await page.locator('input[type=file]').setInputFiles(packageFile);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const counts = page.getByRole('table', { name: 'Hvad importen gør' });
    expect(await counts.getByRole('row', { name: /^Møder/ }).innerText()).toMatch(/^Møder\s+1\s+0\s+0\s+0\s+0\s+1\s+0\s+0$/);
    const conflict = page.getByTestId('conflict-row');
    expect(await conflict.count()).toBe(1);
    expect(await conflict.innerText()).toMatch(/^Møde 27\.05\.2021/);
    // Only the note was changed on both laptops: one field, with the common version, B's and A's side by side.
    const fields = conflict.getByTestId('conflict-field');
    expect(await fields.count()).toBe(1);
    const note = fields.first();
    expect(await note.getAttribute('data-field')).toBe('note');
    expect(await note.innerText()).toMatch(/Note[\s\S]*Noten skrevet på B[\s\S]*Noten skrevet på A/);
    expect(await note.locator('[data-word-changed]').count()).toBeGreaterThan(0);
    // The location only B changed is merged without a question and named as such.
    expect(await conflict.innerText()).toMatch(/Flettes uden spørgsmål: Sted herfra\./);
    await note.getByText('I pakken', { exact: true }).click();
    await screenshot(page, 'udveksling-forhaandsvisning', { fullPage: true });
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      await conflict.scrollIntoViewIfNeeded();
      await screenshot(page, `udveksling-konflikt-${width}x${height}`);
    }

    await page.getByRole('button', { name: 'Importér' }).click();
    // The job's progress shows while it runs (the step, the bar and «Afbryd»).
    await page.getByTestId('job-progress').waitFor();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/sikkerhedskopien «\d{8}-\d{6}-import\.db»/);
    await screenshot(page, 'udveksling-importeret');
    const taken = (await other.backend.call('meetings.get', { id: DAS_2021_05_27 })) as { ok: true; data: { note: string; location: string } };
    expect(taken.data).toMatchObject({ note: 'Noten skrevet på A', location: 'Regionshuset, lokale 2' });

    // The same package again: the preview says so, and nothing can be imported twice.
    await done.getByRole('button', { name: 'Indlæs en pakke mere' }).click();
    await page.locator('input[type=file]').setInputFiles(packageFile);
    await page.getByText('Pakken er allerede indlæst i denne database; en ny import ændrer intet.').waitFor();
    expect(await page.getByRole('button', { name: 'Importér' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('button', { name: 'Vælg en pakke …' }).waitFor();
  });

  it('lists first, in red, a closed item the package would open; unchosen it stays closed', async () => {
    // Both laptops load the demo (the same ids); on A a closed item is opened behind the app's back, as a hostile
    // or careless package would carry it.
    for (const app of [session.app, (other = await startApp())]) {
      await app.backend.call('settings.update', { welcomeDone: true });
      await app.backend.call('demo.load', {});
    }
    const a = session.app.backend.database.db;
    const item = await a.selectFrom('agenda_items').select(['id', 'title', 'meeting_id', 'revision']).where('closed', '=', 1).where('deleted_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await a.updateTable('agenda_items').set({ closed: 0, revision: item.revision + 1, updated_at: new Date().toISOString() }).where('id', '=', item.id).execute();
    const packageFile = join(dir, 'aabner-lukket.sekretariat');
    await writePackage({ db: a, databaseFile: session.app.backend.database.file, files: session.app.backend.files, scope: { kind: 'meeting', id: item.meeting_id }, target: packageFile, appVersion: '0.0.0-e2e', schemaVersion: session.app.backend.database.migration.to });

    await ui.open(other.host.url);
    await ui.goTo('Udveksling');
    const page = ui.page;
    await page.locator('input[type=file]').setInputFiles(packageFile);
    const openings = page.getByTestId('import-openings');
    await openings.waitFor();
    expect(await openings.innerText()).toMatch(/Pakken gør disse lukkede punkter åbne/);
    expect(await openings.getByTestId('opening-row').count()).toBe(1);
    expect(await openings.getByTestId('opening-row').innerText()).toContain(item.title.slice(0, 40));
    // The red list comes before everything else the preview says.
    const first = await page.getByTestId('import-preview').locator('[role=alert]').first().getAttribute('data-testid');
    expect(first).toBe('import-openings');
    await page.getByTestId('import-source').waitFor();
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `udveksling-lukkede-punkter-${width}x${height}`);
    }
    await page.getByRole('button', { name: 'Importér' }).click();
    await page.getByTestId('import-done').waitFor();
    const row = await other.backend.database.db.selectFrom('agenda_items').select('closed').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.closed).toBe(1);
  });

  it('refuses a file that is not a package, in Danish, and changes nothing', async () => {
    await session.app.backend.call('settings.update', { welcomeDone: true });
    const before = await session.app.backend.call('meetings.list', {});
    await ui.open(session.app.host.url);
    await ui.goTo('Udveksling');
    const fake = join(dir, 'referat.sekretariat');
    writeFileSync(fake, 'Dette er et referat, ikke en pakke.');
    await ui.page.locator('input[type=file]').setInputFiles(fake);
    await ui.notification('Filen er ikke en Sekretariat-pakke: den er ikke en zip-fil.').waitFor();
    expect(await session.app.backend.call('meetings.list', {})).toEqual(before);
    // The refused file is not kept waiting (the window discards it just after telling the user).
    await expect.poll(() => session.app.backend.call('exchange.incoming', {})).toEqual({ ok: true, data: [] });
  });
});
