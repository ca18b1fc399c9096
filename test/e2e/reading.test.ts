import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage, MeetingsPage } from './pages/app-page';
import { ReadingPage } from './pages/reading-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let meetings: MeetingsPage;
let ui: ReadingPage;
beforeEach(async () => {
  app = session.app;
  meetings = new MeetingsPage(session.page);
  ui = new ReadingPage(session.page);
});

/** The demo's DAS meeting of 27 May 2021: minutes sent for comments (23 pages). */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';

const agendaTitles = async (meetingId: string) => (await call(app.backend, 'agenda.list', { meetingId })).map((i) => `${i.number}. ${i.title}`);

async function screenshots(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
}

describe('the reading view of a meeting', () => {
  it('opens an approved meeting on its minutes as printed, with the items in order beside them', async () => {
    await meetings.open(app.host.url);
    await meetings.row('25. marts 2021').click();
    await ui.page.getByRole('heading', { name: 'DAS · 25. marts 2021', level: 1 }).waitFor();
    expect(ui.page.url()).toMatch(/#\/moeder\/[0-9a-f-]{36}\/laes$/);
    await ui.paper().getByRole('heading', { name: 'Referat', level: 1 }).waitFor();
    const expected = await agendaTitles('5a3e8c21-7d4f-4b6a-9c0e-202103250001');
    expect(expected.length).toBeGreaterThan(3);
    expect(await ui.headings()).toEqual(expected);
    expect((await ui.items().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim().replace(/^(\d+) /, '$1. '))).toEqual(expected);
    // The papers run no script of their own.
    expect(await ui.page.getByTestId('reading-paper').getAttribute('sandbox')).toBe('allow-same-origin');
    await screenshots(ui.page, 'laesevisning-godkendt-referat');
  });

  it('jumps to an item by click or by Tab and Enter, marks it as read, and «Redigér» opens the editor at it', async () => {
    await ui.open(`${app.host.url}`);
    await ui.page.goto(`${app.host.origin}/#/moeder/${DAS_MAY}/laes`);
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021', level: 1 }).waitFor();
    await ui.paper().getByText('Indholdsfortegnelse').waitFor();
    const items = await call(app.backend, 'agenda.list', { meetingId: DAS_MAY });
    const target = items.find((i) => i.title.startsWith('Socialtilsyn Nords årsrapport'))!;

    await ui.item(target.title).click();
    await expect.poll(() => ui.headingOffset(target.number)).toBeLessThan(120);
    expect(await ui.headingOffset(target.number)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => ui.item(target.title).getAttribute('aria-current')).toBe('location');
    await screenshots(ui.page, 'laesevisning-punkt');
    // A narrower window reflows the sheets; the item being read stays in place.
    await expect.poll(() => ui.headingOffset(target.number)).toBeLessThan(120);
    expect(await ui.headingOffset(target.number)).toBeGreaterThanOrEqual(0);

    // From the keyboard: Tab from «Redigér» into the list, on to the third item, Enter.
    const third = items[2]!;
    await ui.page.getByRole('button', { name: 'Redigér' }).focus();
    for (let i = 0; i < 3; i++) await ui.page.keyboard.press('Tab');
    expect(await ui.page.evaluate(() => document.activeElement?.textContent)).toContain(third.title);
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => ui.headingOffset(third.number)).toBeLessThan(120);
    await expect.poll(() => ui.item(third.title).getAttribute('aria-current')).toBe('location');

    await ui.page.getByRole('button', { name: 'Redigér' }).click();
    await ui.page.locator(`[data-testid="item-editor"][data-item-id="${third.id}"]`).waitFor();
    expect(ui.page.url()).toMatch(new RegExp(`#/moeder/${DAS_MAY}$`));
    await screenshots(ui.page, 'laesevisning-til-redigering');
    // And back again from the editor.
    await ui.page.getByRole('link', { name: 'Læsevisning' }).click();
    await ui.paper().getByText('Indholdsfortegnelse').waitFor();
  });

  it('leaves a closed item’s title out of the public edition, in the papers and in the list', async () => {
    const SECRET = 'Personsag om en ansat i Botilbud Syd';
    const closed = await call(app.backend, 'agenda.create', { meetingId: DAS_MAY, title: SECRET, closed: true });
    await ui.open(`${app.host.url}`);
    await ui.page.goto(`${app.host.origin}/#/moeder/${DAS_MAY}/laes`);
    await ui.paper().locator('[id^="punkt-"]').filter({ hasText: SECRET }).waitFor();
    await ui.item(SECRET).waitFor();

    await ui.page.getByText('Offentlig', { exact: true }).click();
    await ui.page.frameLocator('iframe[title$="offentlig udgave"]').getByText('Offentlig udgave – lukkede punkter er udeladt').waitFor();
    expect(await ui.text()).not.toContain(SECRET);
    expect(await ui.text()).toContain(`Punkt ${closed.number}. Lukket punkt`);
    expect(await ui.page.getByRole('navigation', { name: 'Punkter' }).innerText()).not.toContain(SECRET);
    expect(await ui.items().filter({ hasText: 'Lukket punkt' }).count()).toBe(1);
    await screenshots(ui.page, 'laesevisning-offentlig');
  });

  it('opens a meeting still being prepared in the editor, as before', async () => {
    await meetings.open(app.host.url);
    await meetings.row('23. august 2021').click();
    await ui.page.getByRole('heading', { name: 'DAS · 23. august 2021', level: 1 }).waitFor();
    expect(ui.page.url()).toMatch(/#\/moeder\/[0-9a-f-]{36}$/);
    expect(await ui.page.getByTestId('reading-paper').count()).toBe(0);
    expect(await new AgendaPage(ui.page).page.getByRole('button', { name: 'Nyt punkt' }).count()).toBe(1);
  });
});
