import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();

/** A DAS meeting with one item: two Indstilling points, a guest and a decision with two reservations, opened in the editor. */
async function itemWithPointsAndReservations() {
  const { app } = session;
  await call(app.backend, 'settings.update', { welcomeDone: true });
  const das = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call(app.backend, 'meetings.create', { bodyId: das.id, date: '2027-03-04', startTime: '13:00', endTime: '16:00' });
  const item = await call(app.backend, 'agenda.create', { meetingId: meeting.id, title: 'Takster 2027' });
  await call(app.backend, 'agenda.update', {
    id: item.id,
    revision: item.revision,
    patch: {
      recommendations: ['at DAS godkender taksterne for 2027', 'at DAS tager orienteringen til efterretning'],
      guests: [{ name: 'Lotte Lyhne', title: 'Chefkonsulent', organisation: 'Socialpædagogerne', attended: true }],
    },
  });
  await call(app.backend, 'decisions.save', {
    itemId: item.id,
    revision: null,
    text: '<p>Godkendt.</p>',
    outcome: 'godkendt',
    reservations: [
      { party: 'Morsø Kommune', text: 'tager forbehold for takstniveau 3' },
      { party: 'Læsø Kommune', text: 'afventer byrådets behandling' },
    ],
  });
  const ui = new AppPage(session.page);
  await ui.open(app.host.url);
  await ui.page.goto(`${app.host.origin}/#/moeder/${meeting.id}`);
  await ui.page.getByTestId('agenda-row').filter({ hasText: item.title }).click();
  await ui.page.getByRole('textbox', { name: 'Indstilling 1', exact: true }).waitFor();
  return { ui, item };
}

describe('«Fortryd» for rows removed from the item editor (issue 16)', () => {
  it('puts a removed Indstilling point back in its place, with its text, and saves it', async () => {
    const { ui, item } = await itemWithPointsAndReservations();
    const { page } = ui;
    await page.getByRole('button', { name: 'Fjern indstilling 1' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Indstilling 1', exact: true }).inputValue()).toBe('at DAS tager orienteringen til efterretning');
    await expect.poll(async () => (await call(session.app.backend, 'agenda.get', { id: item.id })).recommendations.length).toBe(1);
    await page.getByText('Indstilling 1 er fjernet.').waitFor();
    await screenshot(page, 'undo-recommendation');
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Indstilling 1', exact: true }).inputValue()).toBe('at DAS godkender taksterne for 2027');
    await expect
      .poll(async () => (await call(session.app.backend, 'agenda.get', { id: item.id })).recommendations.map((r) => r.text))
      .toEqual(['at DAS godkender taksterne for 2027', 'at DAS tager orienteringen til efterretning']);
  });

  it('puts a removed reservation back with Ctrl+Alt+Z, the shortcut of «Fortryd»', async () => {
    const { ui, item } = await itemWithPointsAndReservations();
    const { page } = ui;
    // The decision and follow-up fields of the editor as they lie at both sizes (nothing cut: accessibility.test.ts).
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('textbox', { name: 'Det aftales, at …' }).scrollIntoViewIfNeeded();
      await screenshot(page, `item-decision-follow-ups-${width}`);
    }
    // The backend keeps no order among reservations: compared as sets.
    const reservations = async () => (await call(session.app.backend, 'agenda.get', { id: item.id })).decision?.reservations.map((r) => `${r.party}: ${r.text}`).sort();
    const before = await reservations();
    const first = await page.getByRole('textbox', { name: 'Forbehold 1 fra' }).inputValue();
    await page.getByRole('button', { name: 'Fjern forbehold 1' }).click();
    await expect.poll(reservations).toEqual(before!.filter((r) => !r.startsWith(first)));
    await page.getByText(`Forbeholdet fra ${first} er fjernet.`).waitFor();
    await page.keyboard.press('Control+Alt+Z');
    await expect.poll(() => page.getByRole('textbox', { name: 'Forbehold 1 fra' }).inputValue()).toBe(first);
    await expect.poll(reservations).toEqual(before);
  });

  it('puts a removed guest back with name, title and organisation', async () => {
    const { ui, item } = await itemWithPointsAndReservations();
    const { page } = ui;
    await page.getByRole('button', { name: 'Fjern gæst 1' }).click();
    await expect.poll(async () => (await call(session.app.backend, 'agenda.get', { id: item.id })).guests.length).toBe(0);
    await page.getByText('Gæsten Lotte Lyhne er fjernet.').waitFor();
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Gæst 1 organisation' }).inputValue()).toBe('Socialpædagogerne');
    await expect
      .poll(async () => (await call(session.app.backend, 'agenda.get', { id: item.id })).guests.map((g) => `${g.name}, ${g.title}, ${g.organisation}, ${g.attended}`))
      .toEqual(['Lotte Lyhne, Chefkonsulent, Socialpædagogerne, true']);
  });

  it('puts a removed step of a proposal\'s approval route back, with the item it was treated in', async () => {
    const { app, page } = session;
    await app.backend.call('demo.load', {});
    const ui = new AppPage(page);
    await ui.open(app.host.url);
    await ui.goTo('Forslag til nye tilbud');
    await page.getByTestId('proposal-row').filter({ hasText: 'NT-1' }).click();
    await page.getByRole('tab', { name: 'Behandling' }).click();
    await expect.poll(() => page.getByTestId('approval-step').count()).toBeGreaterThan(1);
    const before = await page.getByTestId('approval-step').allInnerTexts();
    await page.getByRole('button', { name: 'Fjern trin 1' }).click();
    await expect.poll(() => page.getByTestId('approval-step').count()).toBe(before.length - 1);
    await page.getByText(/^Trin 1 \(\w+\) er fjernet\.$/).waitFor();
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => page.getByTestId('approval-step').allInnerTexts()).toEqual(before);
    // Saved: the route reads the same after a reload.
    await page.reload();
    await page.getByRole('tab', { name: 'Behandling' }).click();
    await expect.poll(() => page.getByTestId('approval-step').allInnerTexts()).toEqual(before);
  });
});
