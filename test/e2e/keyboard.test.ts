import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: AppPage;
beforeEach(async () => {
  app = session.app;
  ui = new AppPage(session.page);
  await app.backend.call('settings.update', { welcomeDone: true });
  await ui.open(app.host.url);
});

/** What has keyboard focus: its accessible name as far as a test needs it, and whether it sits in an open dialog. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body', inDialog: false };
    const labelledBy = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.innerText ??
      '';
    return { name: name.replace(/\s+/g, ' ').trim(), tag: el.tagName.toLowerCase(), inDialog: el.closest('[role="dialog"]') !== null };
  });
}

/** Presses Tab until the focused element's name matches, as a keyboard user walks the page; fails after `max`. */
async function tabTo(page: Page, name: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    if (name.test((await focused(page)).name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${name} was not reached with ${max} Tab presses; focus is on «${(await focused(page)).name}»`);
}

describe('keyboard only (no mouse): from a new meeting to its minutes', () => {
  it('creates a meeting and an item, writes the Indstilling, records the decision and saves the minutes', async () => {
    const { page } = ui;
    const keys = page.keyboard;

    // New meeting: the dialog opens with focus on its first field, not on its close button.
    await keys.press('Control+Alt+N');
    await ui.dialog('Nyt møde').waitFor();
    await expect.poll(async () => (await focused(page)).name).toMatch(/^Dato/);
    await keys.type('14.01.2027');
    await tabTo(page, /^Opret møde$/);
    await keys.press('Enter');

    // The meeting's details open in a drawer that holds focus (not left behind on the dimmed page); Escape closes it.
    const drawer = page.getByRole('dialog', { name: /^Møde i DAS/ });
    await drawer.waitFor();
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
    await keys.press('Tab');
    expect((await focused(page)).inDialog).toBe(true);
    // Escape first closes a field's open calendar or list (the date field opens one on focus), then the drawer.
    // Pressed again until the drawer has gone, however long a busy machine takes to close the calendar first.
    await expect
      .poll(async () => {
        if (await drawer.isVisible()) await keys.press('Escape');
        return drawer.isVisible();
      }, { interval: 500 })
      .toBe(false);
    // Focus is not dropped on the page body.
    await expect.poll(async () => (await focused(page)).tag).not.toBe('body');

    // The meeting's row opens its agenda; the page's heading takes focus.
    await tabTo(page, /14\. januar 2027/);
    await keys.press('Enter');
    await page.getByRole('heading', { name: 'DAS · 14. januar 2027', level: 1 }).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('DAS · 14. januar 2027');

    // A new item.
    await keys.press('Control+Alt+N');
    await ui.dialog('Nyt punkt').waitFor();
    await keys.type('Orientering om takster 2027');
    await keys.press('Enter');
    const row = page.getByTestId('agenda-row').filter({ hasText: 'Orientering om takster 2027' });
    await row.waitFor();
    const itemId = (await row.getAttribute('data-item-id'))!;
    await page.locator(`[data-testid="item-editor"][data-item-id="${itemId}"]`).waitFor();

    // The Indstilling.
    await tabTo(page, /^Tilføj indstilling$/);
    await keys.press('Enter');
    await tabTo(page, /^Indstilling 1$/);
    await keys.type('at DAS tager orienteringen til efterretning.');

    // The decision: the outcome chosen with the arrow keys, the text typed in the rich-text field, Ctrl+Z and Ctrl+Y in it.
    await tabTo(page, /^Udfald$/, 120);
    await keys.press('ArrowDown');
    await keys.press('Enter');
    await tabTo(page, /^Beslutningstekst$/);
    await keys.type('DAS tog orienteringen til efterretning.');
    // Undo takes back the last burst of typing (how much depends on the typing speed), redo puts it back.
    await keys.press('Control+Z');
    await expect.poll(() => page.getByRole('textbox', { name: 'Beslutningstekst' }).innerText()).not.toBe('DAS tog orienteringen til efterretning.');
    await keys.press('Control+Y');
    await expect.poll(() => page.getByRole('textbox', { name: 'Beslutningstekst' }).innerText()).toContain('DAS tog orienteringen til efterretning.');
    await page.waitForFunction(() => !document.body.innerText.includes('Gemmer …'));
    await expect.poll(async () => (await call(app.backend, 'agenda.get', { id: itemId })).recommendations.map((r) => r.text)).toEqual(['at DAS tager orienteringen til efterretning.']);
    await expect.poll(async () => (await call(app.backend, 'agenda.get', { id: itemId })).decision?.text ?? '').toContain('DAS tog orienteringen til efterretning.');
    await screenshot(page, 'keyboard-decision');

    // The minutes, saved as Word from the documents dialog.
    await keys.press('Control+Shift+P');
    const documents = ui.dialog('Dagsorden, referat og bilagssamling');
    await documents.waitFor();
    // The document kinds are radio buttons: Tab reaches the chosen one, the arrow keys choose another.
    await tabTo(page, /^(Dagsorden|Referat|Dagsorden med bilag)$/);
    for (let i = 0; i < 3 && (await focused(page)).name !== 'Referat'; i++) await keys.press('ArrowDown');
    expect((await focused(page)).name).toBe('Referat');
    await tabTo(page, /^Gem som Word$/);
    const [download] = await Promise.all([page.waitForEvent('download'), keys.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^DAS referat 2027-01-14.*\.docx$/);
    await keys.press('Escape');
    await documents.waitFor({ state: 'hidden' });
  });

  it('lists the shortcuts under Tastaturgenveje (F1), and Escape gives focus back', async () => {
    const { page } = ui;
    await page.keyboard.press('F1');
    const help = ui.dialog('Tastaturgenveje');
    await help.waitFor();
    expect(await help.innerText()).toMatch(/Ctrl\s*\+\s*Alt\s*\+\s*Z[\s\S]*Fortryd den seneste sletning/);
    expect(await help.innerText()).toMatch(/Ctrl\s*\+\s*Y[\s\S]*Annuller fortryd/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('starts with «Gå til indhold», which skips the menu to the page heading', async () => {
    const { page } = ui;
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Gå til indhold');
    await screenshot(page, 'keyboard-skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Møder');
  });

  it('gives focus back to the rich-text field after «Dokumenter» (Ctrl+Shift+P, then Escape)', async () => {
    const { page } = ui;
    const das = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
    const meeting = await call(app.backend, 'meetings.create', { bodyId: das.id, date: '2027-02-11', startTime: '13:00', endTime: '16:00' });
    const item = await call(app.backend, 'agenda.create', { meetingId: meeting.id, title: 'Status på rammeaftalen' });
    await page.goto(`${app.host.origin}/#/moeder/${meeting.id}`);
    await page.getByTestId('agenda-row').filter({ hasText: item.title }).click();
    const caseText = page.getByRole('textbox', { name: 'Sagsfremstilling' });
    await caseText.click();
    await page.keyboard.type('Sekretariatet orienterer');
    // Twice: the first opening loads the dialog, the second finds it already there.
    for (let round = 0; round < 2; round++) {
      await page.keyboard.press('Control+Shift+P');
      const documents = ui.dialog('Dagsorden, referat og bilagssamling');
      await documents.waitFor();
      await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
      await page.keyboard.press('Escape');
      await documents.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await focused(page)).name).toBe('Sagsfremstilling');
    }
    // Typing goes on where it was.
    await page.keyboard.type(' om status.');
    await expect.poll(() => caseText.innerText()).toBe('Sekretariatet orienterer om status.');
  });
});
