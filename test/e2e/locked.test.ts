import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage, ProposalsPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: AgendaPage;
beforeEach(async () => {
  app = session.app;
  ui = new AgendaPage(session.page);
  await call(app.backend, 'demo.load', {});
});

/** The demo's DAS meeting whose minutes were approved on 27 May 2021, and so are locked. */
const DAS_MARCH = '5a3e8c21-7d4f-4b6a-9c0e-202103250001';
/** The demo's DAS meeting of 27 May 2021: minutes sent for comments, not approved. */
const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';

const LOCK_REFUSAL = 'Ikke gemt – Referatet af mødet 27. maj 2021 er godkendt og dermed låst. Vælg «Ret referatet» for at åbne en ny version, hvis noget skal rettes.';

/** The page at the two window sizes the secretariat uses, scrolled to the top, kept as test artefacts. */
async function screenshots(page: Page, name: string) {
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${name}-${width}x${height}`);
  }
}

async function firstItem(meetingId: string) {
  const [first] = await call(app.backend, 'agenda.list', { meetingId });
  return call(app.backend, 'agenda.get', { id: first!.id });
}

describe('approved, locked minutes', () => {
  it('cannot be typed into: the Resumé of Punkt 1 is read-only, says why, and nothing changes in the database', async () => {
    const before = await firstItem(DAS_MARCH);

    // Møder → 25. marts 2021 (opens to be read) → Redigér → Punkt 1 → Resumé → type.
    await ui.open(app.host.url);
    await ui.page.getByTestId('meeting-row').filter({ hasText: '25. marts 2021' }).click();
    await ui.page.getByRole('heading', { name: 'DAS · 25. marts 2021' }).waitFor();
    await ui.page.getByRole('button', { name: 'Redigér' }).click();
    await ui.select(ui.rows().first());
    const editor = ui.page.locator(`[data-testid="item-editor"][data-item-id="${before.id}"]`);
    const resume = editor.locator('[aria-label="Resumé"] .ProseMirror');
    await resume.click();
    await ui.page.keyboard.type('Tilføjet bagefter');

    expect(await resume.getAttribute('contenteditable')).toBe('false');
    expect(await resume.innerText()).not.toContain('Tilføjet bagefter');
    // No toolbar to format what cannot be changed, in any section or the decision.
    expect(await ui.page.getByRole('button', { name: 'Fed' }).count()).toBe(0);
    expect(await editor.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);
    await ui.page.getByText('Referatet er godkendt og låst – vælg «Ret referatet» for at åbne en ny version.').waitFor();
    await editor.getByText('Låst – referatet er godkendt').first().waitFor();
    // Nothing claims a save that did not happen.
    expect(await ui.page.getByText(/gemmes automatisk|Gemt kl\.|Gemmer/).count()).toBe(0);
    // Nor can anything else of the item or the agenda be changed.
    expect(await editor.getByRole('textbox', { name: 'Titel', exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await editor.getByRole('textbox', { name: 'Indstilling 1' }).getAttribute('readonly')).not.toBeNull();
    for (const name of ['Tilføj indstilling', 'Tilføj gæst', 'Tilføj forbehold', 'Vælg filer', 'Nyt punkt', 'Indsæt standardpunkter', 'Tilføj']) {
      expect(await ui.page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await ui.page.getByRole('button', { name: /^Flyt punkt/ }).count()).toBe(0);
    await screenshots(ui.page, 'locked-item');

    await ui.page.reload();
    await ui.page.getByRole('heading', { name: 'DAS · 25. marts 2021' }).waitFor();
    await editor.waitFor();
    expect(await resume.innerText()).not.toContain('Tilføjet bagefter');
    const after = await call(app.backend, 'agenda.get', { id: before.id });
    expect(after).toMatchObject({ resume: before.resume, revision: before.revision });
  });

  it('shows the meeting details and participants of approved minutes read-only, saying why', async () => {
    const meeting = await call(app.backend, 'meetings.get', { id: DAS_MARCH });
    await ui.open(`${app.host.url}`);
    await ui.page.goto(`${app.host.origin}/#/moeder/${DAS_MARCH}`);
    await ui.page.getByRole('button', { name: 'Mødeoplysninger' }).click();
    const drawer = ui.page.getByRole('dialog', { name: /^Møde i DAS/ });
    await drawer.getByTestId('meeting-locked').getByText('Referatet er godkendt og låst – vælg «Ret referatet» for at åbne en ny version.').waitFor();
    const place = drawer.getByRole('textbox', { name: 'Sted' });
    expect(await place.getAttribute('readonly')).not.toBeNull();
    await place.click();
    await ui.page.keyboard.type(' og Aalborg');
    expect(await place.inputValue()).toBe(meeting.location);
    expect(await drawer.getByRole('button', { name: 'Tilføj deltager' }).count()).toBe(0);
    expect(await drawer.getByText(/Gemt kl\.|Gemmer/).count()).toBe(0);
    expect(await call(app.backend, 'meetings.get', { id: DAS_MARCH })).toMatchObject({ location: meeting.location, revision: meeting.revision });
  });
});

describe('a save the backend refuses', () => {
  it('says «Ikke gemt» with the reason, keeps the typed text, and «Prøv igen» saves it once the minutes are reopened', async () => {
    const item = await firstItem(DAS_MAY);
    const { page } = ui;
    // The page's clock is the test's, so the typing is still waiting to be saved when the lock arrives.
    await page.clock.install();
    await ui.open(app.host.url);
    await page.goto(`${app.host.origin}/#/moeder/${DAS_MAY}`);
    await page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
    await ui.select(ui.rows().first());
    const resume = page.locator(`[data-testid="item-editor"][data-item-id="${item.id}"] [aria-label="Resumé"] .ProseMirror`);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await resume.click();
    await page.keyboard.type('Rettet efter mødet');
    await page.getByText('Gemmer …').first().waitFor();

    // Another window approves the minutes meanwhile: this one turns read-only at once, the typing still unsaved.
    const meeting = await call(app.backend, 'meetings.get', { id: DAS_MAY });
    await call(app.backend, 'meetings.update', { id: DAS_MAY, revision: meeting.revision, patch: { status: 'referat_godkendt' } });
    await page.getByTestId('minutes-locked').waitFor();
    await expect.poll(() => resume.getAttribute('contenteditable')).toBe('false');

    // The save goes out and is refused: the reason in Danish, the text kept, a way to send it again.
    await page.clock.resume();
    const refusal = page.getByTestId('item-editor').getByTestId('save-state');
    await expect.poll(() => refusal.textContent()).toBe(`${LOCK_REFUSAL}Prøv igen`);
    expect(await resume.innerText()).toContain('Rettet efter mødet');
    expect((await call(app.backend, 'agenda.get', { id: item.id })).resume).toBe(item.resume);
    await screenshots(page, 'save-refused');
    await page.setViewportSize({ width: 1366, height: 850 });

    // Reopened as a new version of the minutes, the same change is sent again and saved.
    await page.getByRole('button', { name: 'Ret referatet' }).click();
    await ui.dialog('Ret godkendt referat').getByRole('textbox', { name: 'Årsag til rettelsen' }).fill('Resuméet manglede');
    await ui.dialog('Ret godkendt referat').getByRole('button', { name: 'Opret ny version' }).click();
    await expect.poll(() => resume.getAttribute('contenteditable')).toBe('true');
    await refusal.getByRole('button', { name: 'Prøv igen' }).click();
    await page.getByTestId('item-editor').getByText(/^Gemt kl\. \d\d\.\d\d$/).waitFor();
    expect((await call(app.backend, 'agenda.get', { id: item.id })).resume).toContain('Rettet efter mødet');

    await page.reload();
    await expect.poll(() => resume.innerText()).toContain('Rettet efter mødet');
  });

  it('tells a refusal the window could not foresee (locked by another program) and then shows the meeting locked', async () => {
    const item = await firstItem(DAS_MAY);
    await ui.open(app.host.url);
    await ui.page.goto(`${app.host.origin}/#/moeder/${DAS_MAY}`);
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
    await ui.select(ui.rows().first());

    // Written straight into the database, as another program on the same file would: no window hears of it.
    app.backend.database.raw.prepare("UPDATE meetings SET status = 'referat_godkendt' WHERE id = ?").run(DAS_MAY);
    const resume = ui.page.locator(`[data-testid="item-editor"][data-item-id="${item.id}"] [aria-label="Resumé"] .ProseMirror`);
    await resume.click();
    await ui.page.keyboard.type('Skrevet for sent');

    const refusal = ui.page.getByTestId('item-editor').getByTestId('save-state');
    await expect.poll(() => refusal.textContent()).toBe(`${LOCK_REFUSAL}Prøv igen`);
    await ui.page.getByTestId('minutes-locked').waitFor();
    expect(await resume.getAttribute('contenteditable')).toBe('false');
    expect(await resume.innerText()).toContain('Skrevet for sent');
    expect((await call(app.backend, 'agenda.get', { id: item.id })).resume).toBe(item.resume);
  });
});

describe('a treated proposal version and a frozen scenario version', () => {
  it('are read-only in the window and say why; the proposal links to the scenario as it was frozen', async () => {
    const proposals = new ProposalsPage(ui.page);
    const { page } = ui;
    const nt1 = (await call(app.backend, 'proposals.list', {})).find((p) => p.code === 'NT-1')!;
    const v1 = (await call(app.backend, 'proposals.get', { id: nt1.id })).versions[0]!;
    expect(v1.lockedAt).not.toBeNull();

    await proposals.open(app.host.url);
    await proposals.goTo('Forslag til nye tilbud');
    await proposals.row('NT-1').click();
    await page.getByTestId('version-1').click();
    await page.locator('[data-testid="proposal-view"][data-version="1"]').waitFor();
    await page.getByTestId('locked-notice').getByText('Version 1 er behandlet og låst – vælg «Ny version» for at ændre forslaget.').waitFor();
    await page.getByText('Låst – version 1 er behandlet').waitFor();
    const operator = page.getByLabel('Driftsherre');
    const shown = await operator.inputValue();
    await operator.click();
    await page.keyboard.type(' og Aalborg Kommune');
    expect(await operator.inputValue()).toBe(shown);
    expect(await page.getByText(/Gemt kl\.|Gemmer/).count()).toBe(0);
    await screenshots(page, 'locked-proposal-version');
    await page.setViewportSize({ width: 1366, height: 850 });

    // Økonomi: the scenario it was treated on opens as that frozen version, not the live scenario.
    await proposals.tab('Økonomi');
    await page.getByRole('button', { name: 'Åbn NT-1 v1 – scenarie 1, version 1, i Takstscenarier' }).click();
    const frozen = page.getByTestId('frozen-version');
    await frozen.waitFor();
    await frozen.getByText('Denne version af scenariet er frosset (version 1) og kan ikke ændres.').waitFor();
    const places = frozen.getByLabel('Pladser', { exact: true });
    expect(await places.isDisabled()).toBe(true);
    const before = await places.inputValue();
    await places.click({ force: true });
    await page.keyboard.type('99');
    expect(await places.inputValue()).toBe(before);
    expect(await frozen.getByRole('button', { name: 'Tilføj linje' }).isDisabled()).toBe(true);
    expect(await page.getByText(/Gemt kl\.|Gemmer/).count()).toBe(0);
    await screenshots(page, 'frozen-scenario-version');
    await page.setViewportSize({ width: 1366, height: 850 });

    // Nothing changed, and the live scenario is one click away.
    expect(await call(app.backend, 'proposals.get', { id: nt1.id }).then((p) => p.versions[0])).toMatchObject({ revision: v1.revision, content: v1.content });
    await frozen.getByRole('button', { name: 'Til den aktuelle udgave' }).click();
    await page.getByTestId('scenario-view').waitFor();
  });
});
