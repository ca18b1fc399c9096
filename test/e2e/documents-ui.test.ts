import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let ui: AgendaPage;
beforeEach(async () => {
  app = session.app;
  ui = new AgendaPage(session.page);
  await ui.open(app.host.url);
});

const PSU_NOVEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';

describe('documents from the meeting page', () => {
  it('previews the public minutes without closed text and saves them as PDF and Word', async () => {
    await ui.page.goto(`${app.host.origin}/#/moeder/${PSU_NOVEMBER}`);
    await ui.page.getByRole('heading', { name: 'PSU · 8. november 2024' }).waitFor();
    await ui.page.keyboard.press('Control+Shift+P');
    const dialog = ui.page.getByRole('dialog', { name: 'Dagsorden, referat og bilagssamling' });
    await dialog.waitFor();
    const preview = ui.page.frameLocator('iframe[title^="Referat PSU"]');
    await preview.getByText('Indholdsfortegnelse').waitFor();
    await dialog.getByText('Offentlig', { exact: true }).click();
    await ui.page.frameLocator('iframe[title$="offentlig udgave"]').getByText('Offentlig udgave – lukkede punkter er udeladt').waitFor();
    expect(await ui.page.frameLocator('iframe[title$="offentlig udgave"]').getByText('Lukket punkt').count()).toBeGreaterThanOrEqual(3);
    // The preview runs no script: the frame is sandboxed without allow-scripts.
    expect(await dialog.locator('iframe').getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    await screenshot(ui.page, 'dokumenter-forhaandsvisning');

    const [pdf] = await Promise.all([ui.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Gem som PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('PSU referat 2024-11-08 (offentlig).pdf');
    const pdfFile = join(app.dataDir, 'hentet.pdf');
    await pdf.saveAs(pdfFile);
    expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain('Lukket punkt');
    await dialog.getByText('Dokumentet er dannet').waitFor();
    await screenshot(ui.page, 'dokumenter-gemt');

    const [word] = await Promise.all([ui.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Gem som Word' }).click()]);
    expect(word.suggestedFilename()).toBe('PSU referat 2024-11-08 (offentlig).docx');
    const wordFile = join(app.dataDir, 'hentet.docx');
    await word.saveAs(wordFile);
    expect((await mammoth.extractRawText({ path: wordFile })).value).toContain('Lukket punkt');
  });

  it('marks a closed item whose title the public edition shows, in the public preview only (issue 14)', async () => {
    const PSU_DECEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202412050001';
    const created = await call(app.backend, 'agenda.create', { meetingId: PSU_DECEMBER, title: 'Lukket sag: Økonomisk underskud på Botilbud Nord', closed: true });
    await call(app.backend, 'agenda.create', { meetingId: PSU_DECEMBER, title: 'Personsag om en ansat i Botilbud Syd', closed: true });
    await call(app.backend, 'agenda.update', { id: created.id, revision: created.revision, patch: { closedTitleVisible: true } });
    await ui.page.goto(`${app.host.origin}/#/moeder/${PSU_DECEMBER}`);
    await ui.page.getByRole('heading', { name: 'PSU · 5. december 2024' }).waitFor();
    await ui.page.keyboard.press('Control+Shift+P');
    const dialog = ui.page.getByRole('dialog', { name: 'Dagsorden, referat og bilagssamling' });
    await dialog.waitFor();
    await dialog.getByText('Offentlig', { exact: true }).click();
    const preview = ui.page.frameLocator('iframe[title$="offentlig udgave"]');
    await preview.getByText('Titel vises offentligt').first().waitFor();
    // In the contents and at the item: the chosen title with its mark; the other closed item only as "Lukket punkt".
    expect(await preview.getByText('Titel vises offentligt').count()).toBe(2);
    expect(await preview.getByText('Personsag om en ansat').count()).toBe(0);
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await preview.getByText('Titel vises offentligt').first().scrollIntoViewIfNeeded();
      await screenshot(ui.page, `dokumenter-titel-vises-offentligt-${width}x${height}`);
    }
    await dialog.getByText('Intern', { exact: true }).click();
    await ui.page.frameLocator('iframe[title$="intern udgave"]').getByText('Personsag om en ansat i Botilbud Syd').first().waitFor();
    expect(await ui.page.frameLocator('iframe').getByText('Titel vises offentligt').count()).toBe(0);
  });

  it('moves the minutes from draft to sent for comments to approved', async () => {
    await ui.page.goto(`${app.host.origin}/#/moeder/${PSU_NOVEMBER}`);
    await ui.page.getByRole('button', { name: 'Dokumenter' }).click();
    const dialog = ui.page.getByRole('dialog');
    await dialog.getByText('Udkastet er sendt til kommentering').waitFor();
    await ui.page.frameLocator('iframe').getByText('Udkast til referat – til kommentering, ikke godkendt').waitFor();
    await dialog.getByRole('button', { name: 'Godkend referatet' }).click();
    await dialog.getByText('Referatet er godkendt').waitFor();
    // The approved minutes are no longer a draft, in the preview as in the files.
    await expect.poll(() => ui.page.frameLocator('iframe').getByText('Udkast til referat').count()).toBe(0);
    const meeting = await app.backend.call('meetings.get', { id: PSU_NOVEMBER });
    expect(meeting).toMatchObject({ ok: true, data: { status: 'referat_godkendt' } });
  });
});
