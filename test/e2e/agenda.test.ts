import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: AgendaPage;
beforeEach(() => {
  app = session.app;
  ui = new AgendaPage(session.page);
});

async function ok<T>(promise: Promise<{ ok: boolean; data?: unknown }>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data as T;
}

async function makePdf(dir: string, text: string): Promise<string> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText(text, { x: 50, y: 750, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const file = join(dir, 'Bilag Analyse selvskadende unge.pdf');
  writeFileSync(file, await pdf.save());
  return file;
}

describe('a meeting from agenda to approved minutes', () => {
  it('prepares, holds and records a DAS meeting, follows up on the next one and finds the decision by search', async () => {
    await app.backend.call('settings.update', { welcomeDone: true, userName: 'Mette Sørensen' });
    const bodies = await ok<{ id: string; code: string }[]>(app.backend.call('bodies.list', {}));
    const das = bodies.find((b) => b.code === 'DAS')!.id;
    const may = await ok<{ id: string }>(app.backend.call('meetings.create', { bodyId: das, date: '2021-05-27', startTime: '13:00', endTime: '16:00', location: 'Teams' }));
    const august = await ok<{ id: string }>(app.backend.call('meetings.create', { bodyId: das, date: '2021-08-23', startTime: '13:00', endTime: '16:00' }));

    // Prepare: standing items from the template, two items of our own, reordered by keyboard.
    await ui.page.goto(`${app.host.url.replace('#token', `#token`)}`);
    await ui.page.getByTestId('meeting-row').first().waitFor();
    await ui.page.goto(`${app.host.origin}/#/moeder/${may.id}`);
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
    await ui.page.getByRole('button', { name: 'Indsæt standardpunkter' }).click();
    await ui.item('Næste møde').waitFor();
    await ui.addItem('Socialtilsyn Nords årsrapport 2020');
    await ui.addItem('Oplæg til tilbud for børn og unge med svær selvskadende adfærd');
    expect(await ui.titles()).toEqual([
      'Punkt 1. Godkendelse af dagsorden',
      'Punkt 2. Godkendelse af referat fra seneste møde',
      'Punkt 3. Socialtilsyn Nords årsrapport 2020',
      'Punkt 4. Oplæg til tilbud for børn og unge med svær selvskadende adfærd',
      'Punkt 5. FU orienterer',
      'Punkt 6. Eventuelt',
      'Punkt 7. Næste møde',
    ]);
    await ui.item('Oplæg til tilbud').locator('button[data-select]').focus();
    await ui.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => ui.titles().then((t) => t[2])).toBe('Punkt 3. Oplæg til tilbud for børn og unge med svær selvskadende adfærd');

    // Write the Indstilling and the case text; attach the analysis.
    await ui.select('Oplæg til tilbud');
    await ui.page.getByRole('button', { name: 'Tilføj indstilling' }).click();
    await ui.page.getByRole('textbox', { name: 'Indstilling 1' }).fill('DAS drøfter oplægget og finansieringsmodellen');
    await ui.page.locator('[aria-label="Sagsfremstilling"] .ProseMirror').fill('Tilbuddet etableres af Region Nordjylland med 10 pladser.');
    await ui.saved();
    const chooser = ui.page.waitForEvent('filechooser');
    await ui.page.getByRole('button', { name: 'Vælg filer' }).click();
    await (await chooser).setFiles(await makePdf(app.dataDir, 'Analyse af unge med selvskadende adfaerd i Nordjylland'));
    await ui.page.getByTestId('attachment-row').filter({ hasText: 'Bilag 1:' }).waitFor();
    await screenshot(ui.page, 'agenda-prepared', { fullPage: true });

    // Hold the meeting: decision with a reservation and a follow-up.
    const decision = ui.page.getByTestId('decision-panel');
    await ui.choose(decision.getByRole('textbox', { name: 'Udfald' }), 'Godkendt med ændringer');
    await decision.locator('[aria-label="Beslutningstekst"] .ProseMirror').fill('DAS beslutter, at FU og Regionen mødes om målgruppe, pladser og underskudsdækning.');
    await decision.getByRole('button', { name: 'Tilføj forbehold' }).click();
    await decision.getByRole('textbox', { name: 'Forbehold 1 fra' }).fill('Læsø og Morsø kommuner');
    await decision.getByRole('textbox', { name: 'Forbehold 1 tekst' }).fill('svært ved at få politisk opbakning til underskudsfinansiering');
    await ui.saved();
    const followUps = ui.page.getByTestId('item-follow-ups');
    await followUps.getByRole('textbox', { name: 'Det aftales, at …' }).fill('FU og Regionen mødes om et revideret ideoplæg');
    await followUps.getByRole('textbox', { name: 'Ansvarlig' }).fill('FU');
    await followUps.getByRole('button', { name: 'Tilføj' }).click();
    await followUps.getByText('FU og Regionen mødes om et revideret ideoplæg').waitFor();
    await expect.poll(() => ui.item('Oplæg til tilbud').innerText()).toContain('Besluttet');
    await screenshot(ui.page, 'agenda-decision', { fullPage: true });

    // The next meeting: the follow-up shows up by itself; approving the minutes locks May.
    await ui.page.goto(`${app.host.origin}/#/moeder/${august.id}`);
    await ui.page.getByRole('heading', { name: 'DAS · 23. august 2021' }).waitFor();
    await ui.page.getByRole('button', { name: 'Opfølgninger fra tidligere møder (1)' }).click();
    await ui.page.getByTestId('meeting-follow-ups').getByText('FU og Regionen mødes om et revideret ideoplæg').waitFor();
    await ui.page.getByRole('button', { name: 'Indsæt standardpunkter' }).click();
    await ui.select('Godkendelse af referat');
    expect(await ui.page.getByRole('textbox', { name: 'Indstilling 1' }).inputValue()).toBe('DAS godkender referatet fra mødet den 27. maj 2021');
    await ui.choose(ui.page.getByTestId('decision-panel').getByRole('textbox', { name: 'Udfald' }), 'Godkendt');
    await ui.saved();
    await screenshot(ui.page, 'agenda-next-meeting', { fullPage: true });
    await ui.page.goto(`${app.host.origin}/#/moeder/${may.id}`);
    await ui.page.getByText('Referatet er godkendt og låst –').waitFor();

    // A later correction makes a new version with a reason.
    await ui.page.getByRole('button', { name: 'Ret referatet' }).click();
    await ui.dialog('Ret godkendt referat').getByRole('textbox', { name: 'Årsag til rettelsen' }).fill('Forkert stavning af Læsø i beslutningen');
    await ui.dialog('Ret godkendt referat').getByRole('button', { name: 'Opret ny version' }).click();
    await ui.page.getByTestId('minutes-version').filter({ hasText: 'Version 2' }).waitFor();
    expect(await ui.page.getByText('Referatet er godkendt og låst –').count()).toBe(0);

    // Find the decision.
    await ui.goTo('Beslutninger');
    await ui.page.getByRole('textbox', { name: 'Søg' }).fill('laesoe underskud');
    const hit = ui.page.getByTestId('search-hit').first();
    await hit.waitFor();
    expect(await hit.innerText()).toMatch(/DAS 27\. maj 2021 · Punkt 3\. Oplæg til tilbud/);
    expect(await hit.locator('mark').allInnerTexts()).toEqual(expect.arrayContaining(['Læsø']));
    await screenshot(ui.page, 'search');
    await hit.click();
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
  });
});

describe('an agenda item opened from the decision register', () => {
  it('opens on the item with its texts on a fresh page load, while the meeting page is still loading', async () => {
    await call(app.backend, 'demo.load', {});
    const { rows } = await call(app.backend, 'decisions.register', { year: 2021, limit: 100 });
    const target = rows.find((r) => r.bodyCode === 'DAS' && r.meetingDate === '2021-05-27' && r.itemNumber === 7)!;
    const { page } = ui;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The page's clock is the test's from the start (React reads it as it loads); it runs by itself until the click.
    await page.clock.install();
    await ui.open(app.host.url);
    await ui.goTo('Beslutninger');
    await ui.choose(page.getByRole('textbox', { name: 'År' }), '2021');
    const row = page.getByTestId('register-row').filter({ hasText: 'DAS 27. maj 2021 · Punkt 7. Oplæg til tilbud' });
    await row.waitFor();

    // The meeting page's code is not loaded yet, and the item is selected while it loads. Time then moves 1 ms a step,
    // as on a slow machine: React shows a lazily loaded page no sooner than 300 ms after its "loading" fallback, long
    // after TipTap has destroyed any editor made during a render that was not shown within 1 ms.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await row.click();
    for (let ms = 0; ms < 400; ms++) await page.clock.runFor(1);
    await page.clock.resume();
    expect(errors).toEqual([]);

    const editor = page.locator(`[data-testid="item-editor"][data-item-id="${target.itemId}"]`);
    await page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
    expect(await editor.getByRole('textbox', { name: 'Titel', exact: true }).inputValue()).toBe('Oplæg til tilbud for børn og unge med svær selvskadende adfærd');
    await expect.poll(() => editor.locator('[aria-label="Resumé"] .ProseMirror').innerText()).toContain('Børne- og ungedirektørkredsen og DAS Social har bedt');
    expect(await editor.locator('[aria-label="Sagsfremstilling"] .ProseMirror').innerText()).toContain('På DAS møde den 9. marts 2020');

    // The editor made after the page appeared saves what is typed, and its undo takes it back.
    const economy = editor.locator('[aria-label="Økonomi"] .ProseMirror');
    await economy.fill('Finansieres af de deltagende kommuner.');
    await ui.saved();
    expect((await call(app.backend, 'agenda.get', { id: target.itemId })).economy).toContain('Finansieres af de deltagende kommuner.');
    await page.keyboard.press('Control+Z');
    await ui.saved();
    expect((await call(app.backend, 'agenda.get', { id: target.itemId })).economy).not.toContain('Finansieres af de deltagende kommuner.');
  });
});
