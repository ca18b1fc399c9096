import { beforeEach, describe, expect, it } from 'vitest';
import { listMeetings } from '../../db/queries/meetings';
import { todayIso } from '../../shared/format';
import { MeetingsPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: MeetingsPage;
beforeEach(() => {
  app = session.app;
  ui = new MeetingsPage(session.page);
});

const nextYear = Number(todayIso().slice(0, 4)) + 1;

describe('first start', () => {
  it('offers the demo data on an empty database and then lists the DAS meetings of 2021', async () => {
    await ui.open(app.host.url);
    const welcome = ui.dialog('Velkommen til Sekretariat');
    await welcome.waitFor();
    await screenshot(ui.page, 'first-start-welcome');
    await welcome.getByRole('button', { name: 'Indlæs demodata' }).click();

    // Loading prints 40 annex PDFs: seconds on a busy machine.
    await expect.poll(() => ui.rows().count()).toBe(5);
    expect(await ui.table('Tidligere møder').innerText()).toMatch(/27\. maj 2021[\s\S]*kl\. 13\.00–16\.00[\s\S]*Aalborg ÆH, Hammer Bakker[\s\S]*Referat udsendt/);
    await expect.poll(() => ui.notification('Demodata indlæst').count()).toBe(1);
    await screenshot(ui.page, 'meetings-demo');

    // The answer is remembered: a reload does not ask again.
    await ui.page.reload();
    await ui.rows().first().waitFor();
    expect(await ui.dialog('Velkommen til Sekretariat').count()).toBe(0);
  });

  it('can start empty and shows a helpful empty state', async () => {
    await ui.open(app.host.url);
    await ui.dialog('Velkommen til Sekretariat').getByRole('button', { name: 'Start med tom database' }).click();
    await ui.page.getByText('Ingen møder endnu').waitFor();
    await screenshot(ui.page, 'meetings-empty');
  });
});

describe('app shell', () => {
  it('reaches every area from the navigation, none of them a placeholder any more, and goes back with the browser', async () => {
    await app.backend.call('settings.update', { welcomeDone: true });
    await ui.open(app.host.url);
    for (const area of ['Beslutninger', 'Forslag til nye tilbud', 'Takstscenarier', 'Udveksling', 'Indstillinger', 'Møder']) {
      await ui.goTo(area);
      expect(await ui.page.getByText('Området er endnu ikke bygget.').count()).toBe(0);
    }
    await ui.goTo('Forslag til nye tilbud');
    await ui.page.getByText('Der er ingen forslag endnu.').waitFor();
    await screenshot(ui.page, 'forslag-tom');
    await ui.page.goBack();
    await ui.page.getByRole('heading', { name: 'Møder', level: 1 }).waitFor();
  });
});

describe('meetings of a body', () => {
  it('creates, edits with autosave and deletes with undo – all the way into SQLite', async () => {
    await ui.open(app.host.url);
    await ui.dialog('Velkommen til Sekretariat').getByRole('button', { name: 'Start med tom database' }).click();

    await ui.createMeeting({ body: 'FU – Forretningsudvalget (FU Social)', date: `15.01.${nextYear}`, start: '0900', end: '1130', location: 'Aalborg Rådhus' });
    await screenshot(ui.page, 'meeting-created-editor');
    const editor = ui.editor();
    await editor.waitFor();
    expect(await editor.getByText(`Møde i FU · 15. januar ${nextYear}`).count()).toBe(1);

    // Autosave: no save button, the change reaches the database by itself.
    await ui.fields(editor).location.fill('Teams');
    await editor.getByText(/Gemt kl\./).waitFor();
    const [saved] = await listMeetings(app.backend.database.db, {});
    expect(saved).toMatchObject({ bodyCode: 'FU', date: `${nextYear}-01-15`, startTime: '09:00', endTime: '11:30', location: 'Teams' });

    await ui.choose(ui.fields(editor).status, 'Dagsorden udsendt');
    await editor.getByText(/Gemt kl\./).waitFor();
    await expect.poll(async () => (await listMeetings(app.backend.database.db, {}))[0]?.status).toBe('dagsorden_udsendt');
    // The drawer's corner cross is «Luk» too; this is the button at the foot of the form.
    await editor.getByRole('button', { name: 'Luk' }).last().click();

    const row = ui.row(`15. januar ${nextYear}`);
    expect(await ui.table('Kommende møder').innerText()).toMatch(/kl\. 09\.00–11\.30[\s\S]*FU[\s\S]*Teams[\s\S]*Dagsorden udsendt/);

    // A reload shows the same: it was persisted, not just held in the page.
    await ui.page.reload();
    await row.waitFor();

    // A sent agenda opens to be read; the meeting's details are in the editor.
    await row.click();
    await ui.page.getByRole('button', { name: 'Redigér' }).click();
    await ui.page.getByRole('button', { name: 'Mødeoplysninger' }).click();
    await ui.editor().getByRole('button', { name: 'Slet møde' }).click();
    await ui.page.getByRole('heading', { name: 'Møder', level: 1 }).waitFor();
    await expect.poll(() => ui.rows().count()).toBe(0);
    expect(await listMeetings(app.backend.database.db, {})).toHaveLength(0);
    await screenshot(ui.page, 'meeting-deleted-undo');
    await ui.notification('er slettet').getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => ui.rows().count()).toBe(1);
    expect(await listMeetings(app.backend.database.db, {})).toHaveLength(1);

    // After the undo notice is gone, the trash still has it.
    await row.click();
    await ui.page.getByRole('button', { name: 'Redigér' }).click();
    await ui.page.getByRole('button', { name: 'Mødeoplysninger' }).click();
    await ui.editor().getByRole('button', { name: 'Slet møde' }).click();
    await ui.page.getByRole('button', { name: 'Papirkurv' }).click();
    const trash = ui.page.getByTestId('trash');
    await trash.getByText('Møde i Forretningsudvalget (FU Social)').waitFor();
    await ui.page.waitForTimeout(400); // the drawer slides in
    await screenshot(ui.page, 'trash');
    await trash.getByRole('button', { name: 'Gendan' }).click();
    await ui.page.getByText('Papirkurven er tom.').waitFor();
    expect(await listMeetings(app.backend.database.db, {})).toHaveLength(1);
  });

  it('refuses an end time before the start time with a Danish message and creates nothing', async () => {
    await ui.open(app.host.url);
    await ui.dialog('Velkommen til Sekretariat').getByRole('button', { name: 'Start med tom database' }).click();
    await ui.createMeeting({ date: `20.02.${nextYear}`, start: '1300', end: '1200' });
    const dialog = ui.dialog('Nyt møde');
    await dialog.getByText('Sluttidspunktet skal ligge efter starttidspunktet').waitFor();
    await screenshot(ui.page, 'meeting-invalid-time');
    expect(await listMeetings(app.backend.database.db, {})).toHaveLength(0);
  });

  it('works from the keyboard: Ctrl+Alt+N for a new meeting, arrows and Enter to open a meeting, Alt+7 for settings', async () => {
    await app.backend.call('demo.load', {});
    await ui.open(app.host.url);
    await ui.rows().first().waitFor();

    // A single letter does nothing (WCAG 2.1.4: it would fire while speech input or a stray key types).
    await ui.page.keyboard.press('n');
    expect(await ui.dialog('Nyt møde').count()).toBe(0);
    await ui.page.keyboard.press('Control+Alt+N');
    await ui.dialog('Nyt møde').waitFor();
    await ui.page.keyboard.press('Escape');
    await ui.dialog('Nyt møde').waitFor({ state: 'hidden' });

    await ui.row('23. august 2021').focus();
    await ui.page.keyboard.press('ArrowDown');
    await ui.page.keyboard.press('Enter');
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();

    await ui.page.keyboard.press('Alt+7');
    await ui.page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
    expect(ui.page.url()).toMatch(/#\/indstillinger$/);
  });

  it('filters by body and year', async () => {
    await app.backend.call('demo.load', {});
    const kkr = (await app.backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
    await app.backend.call('meetings.create', { bodyId: kkr.data.find((b) => b.code === 'KKR')!.id, date: '2021-06-11' });
    await ui.open(app.host.url);
    await expect.poll(() => ui.rows().count()).toBe(6);
    await ui.choose(ui.page.getByRole('textbox', { name: 'Organ' }), 'KKR – KKR Nordjylland');
    await expect.poll(() => ui.rows().count()).toBe(1);
    await ui.choose(ui.page.getByRole('textbox', { name: 'Organ' }), 'Alle organer');
    await ui.choose(ui.page.getByRole('textbox', { name: 'År' }), '2021');
    await expect.poll(() => ui.rows().count()).toBe(4);
    expect(await ui.page.getByText('4 møder').count()).toBe(1);
  });
});
