import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { OffersPage } from './pages/offers-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: OffersPage;
beforeEach(async () => {
  app = session.app;
  ui = new OffersPage(session.page);
  await app.backend.call('settings.update', { welcomeDone: true });
  await ui.open(app.host.url);
});

async function addOffer(name: string, operator: string, legalBasis: 'SEL-108' | 'SEL-104' | 'SEL-66-7', category: 1 | 2 | 3) {
  const organisations = await call(app.backend, 'organisations.list', {});
  const operatorId = organisations.find((o) => o.name === operator)!.id;
  return call(app.backend, 'offers.create', { name, operatorId, legalBasis, category, fromYear: 2020 });
}

describe('Tilbud: the register of offers', () => {
  it('creates an offer, edits it by itself, and changes its category from a year with a reason', async () => {
    await ui.goTo('Tilbudsregister');
    await ui.page.getByTestId('offers-empty').waitFor();
    await ui.createOffer({ name: 'Bostedet Birken', operator: 'Aalborg Kommune', legalBasis: 'SEL § 108 (længerevarende botilbud)', category: 'Kategori 3' });
    await ui.page.getByRole('heading', { name: 'Takstberegningsskemaer' }).waitFor();

    await ui.page.getByRole('textbox', { name: 'Adresse' }).fill('Birkevej 1, 9000 Aalborg');
    await ui.page.getByText(/Gemt kl\./).waitFor();
    const [stored] = await call(app.backend, 'offers.list', {});
    expect(stored).toMatchObject({ name: 'Bostedet Birken', operatorName: 'Aalborg Kommune', address: 'Birkevej 1, 9000 Aalborg', legalBasis: 'SEL-108' });

    const year = new Date().getFullYear() + 1;
    await ui.page.getByRole('button', { name: 'Skift kategori' }).click();
    const dialog = ui.dialog('Skift kategori');
    await ui.choose(dialog.getByRole('textbox', { name: 'Ny kategori' }), 'Kategori 2');
    await dialog.getByRole('button', { name: 'Gem kategori' }).click();
    // A reason is required.
    await dialog.getByText('Skriv kort, hvorfor kategorien skiftes').waitFor();
    await dialog.getByRole('textbox', { name: 'Begrundelse' }).fill('Udmeldt ved den årlige ind- og udmelding');
    await dialog.getByRole('textbox', { name: 'Beslutning' }).fill('DAS 12.10.2026');
    await dialog.getByRole('button', { name: 'Gem kategori' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => ui.categoryRows().count()).toBe(2);
    expect(await ui.categoryRows().nth(0).innerText()).toMatch(new RegExp(`${year - 1}\\s+3\\s+Optaget i registret`));
    expect(await ui.categoryRows().nth(1).innerText()).toMatch(new RegExp(`${year}\\s+2\\s+Udmeldt ved den årlige ind- og udmelding\\s+DAS 12\\.10\\.2026`));
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `tilbud-side-${width}`, { fullPage: true });
    }
  });

  it('filters and sorts the register, and tells when nothing passes', async () => {
    await addOffer('Kvisten', 'Region Nordjylland', 'SEL-66-7', 3);
    await addOffer('Bostedet Birken', 'Aalborg Kommune', 'SEL-108', 3);
    await addOffer('Værestedet', 'Aalborg Kommune', 'SEL-104', 2);
    await ui.goTo('Tilbudsregister');
    await expect.poll(() => ui.names()).toEqual(['Bostedet Birken', 'Værestedet', 'Kvisten']);
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `tilbud-${width}`);
    }

    await ui.choose(ui.filter('Driftsherre'), 'Aalborg Kommune');
    await expect.poll(() => ui.names()).toEqual(['Bostedet Birken', 'Værestedet']);
    await ui.choose(ui.filter('Kategori'), 'Kategori 2');
    await expect.poll(() => ui.names()).toEqual(['Værestedet']);
    await ui.choose(ui.filter('Status'), 'Lukket');
    await ui.page.getByText('Ingen tilbud passer til filtrene.').waitFor();
  });

  it('sorts by legal basis', async () => {
    await addOffer('Kvisten', 'Region Nordjylland', 'SEL-66-7', 3);
    await addOffer('Bostedet Birken', 'Aalborg Kommune', 'SEL-108', 3);
    await addOffer('Værestedet', 'Aalborg Kommune', 'SEL-104', 2);
    await ui.goTo('Tilbudsregister');
    await ui.choose(ui.filter('Sortér efter'), 'Lovgrundlag');
    await expect.poll(() => ui.names()).toEqual(['Kvisten', 'Værestedet', 'Bostedet Birken']);
  });
});

/** A meeting of the body with its items (closed ones named in `closed`), as the secretariat set it up. */
async function meetingWith(code: string, date: string, titles: string[], closed: string[] = []) {
  const bodyId = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === code)!.id;
  const meeting = await call(app.backend, 'meetings.create', { bodyId, date, startTime: '13:00', endTime: '15:00' });
  const items = [];
  for (const title of titles) items.push(await call(app.backend, 'agenda.create', { meetingId: meeting.id, title, closed: closed.includes(title) }));
  return items;
}

describe('Tilbud: the decision behind a category change', () => {
  it('picks the DAS item that decided the change by typing, and the history names it as a link to the item', async () => {
    const [, decided] = await meetingWith('DAS', '2022-12-14', ['Godkendelse af dagsorden', 'Kategoriændringer ved ind- og udmeldingen 2023']);
    await meetingWith('FU', '2023-01-20', ['Takstændring for Kvisten', 'Personalesag'], ['Personalesag']);
    await call(app.backend, 'decisions.save', { itemId: decided!.id, revision: null, text: '<p>DAS godkender kategoriændringerne.</p>', outcome: 'godkendt' });
    const offer = await addOffer('Kvisten', 'Region Nordjylland', 'SEL-66-7', 3);
    await ui.goTo('Tilbudsregister');
    await ui.page.getByTestId('offer-row').filter({ hasText: 'Kvisten' }).click();
    await ui.page.getByRole('button', { name: 'Skift kategori' }).click();
    const dialog = ui.dialog('Skift kategori');
    await dialog.getByRole('textbox', { name: 'Begrundelse' }).fill('Målgruppen er udvidet');

    // The items with a decision come first; every option names body, date, item number and title.
    const picker = dialog.getByRole('textbox', { name: 'Dagsordenspunkt' });
    await picker.click();
    const options = ui.page.getByRole('option');
    await expect.poll(() => options.count()).toBe(4);
    const texts = await options.allInnerTexts();
    expect(texts.map((t) => t.replace(/\s+/g, ' '))).toEqual([
      'DAS 14.12.2022, punkt 2 Godkendt Kategoriændringer ved ind- og udmeldingen 2023',
      'DAS 14.12.2022, punkt 1 Godkendelse af dagsorden',
      'FU 20.01.2023, punkt 1 Takstændring for Kvisten',
      'FU 20.01.2023, punkt 2 Lukket Personalesag',
    ]);
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await screenshot(ui.page, `skift-kategori-punkt-${width}`);
    }
    // By keyboard: type part of the title, Enter takes the first match.
    await picker.fill('kategoriænd');
    await picker.press('Enter');
    expect(await picker.inputValue()).toBe('DAS 14.12.2022, punkt 2: Kategoriændringer ved ind- og udmeldingen 2023');
    await dialog.getByRole('button', { name: 'Gem kategori' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = ui.categoryRows().nth(1);
    await expect.poll(() => row.innerText()).toMatch(/Målgruppen er udvidet\s+DAS 14\.12\.2022, punkt 2: Kategoriændringer ved ind- og udmeldingen 2023$/);
    expect((await call(app.backend, 'offers.get', { id: offer.id })).categories[1]).toMatchObject({ category: 2, decisionItemId: decided!.id, decidedBy: '' });
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await ui.page.getByRole('table', { name: 'Kategorihistorik' }).scrollIntoViewIfNeeded();
      await screenshot(ui.page, `kategorihistorik-punkt-${width}`);
    }
    await row.getByRole('link', { name: /DAS 14\.12\.2022, punkt 2/ }).click();
    await ui.page.locator(`[data-testid="item-editor"][data-item-id="${decided!.id}"]`).waitFor();
  });
});

describe('Indstillinger → Takstregler', () => {
  it('copies the 2022 rule set to a new year, edits and approves it, and an approved set is read-only', async () => {
    const section = await ui.ruleSets();
    const view = section.getByTestId('rule-set-view');
    // The built-in set is approved: read-only.
    expect(await view.getAttribute('data-locked')).toBe('true');
    expect(await view.getByRole('textbox', { name: 'Grænse for resultat uden for taksten' }).inputValue()).toBe('5 %');
    expect(await view.getByRole('textbox', { name: 'Grænse for resultat uden for taksten' }).getAttribute('readonly')).not.toBeNull();
    // A date reads as in the DAS papers, never as the stored ISO date.
    expect(await view.getByRole('textbox', { name: 'Tjenestemandspension optjent fra' }).inputValue()).toBe('01.01.2007');

    await section.getByRole('button', { name: 'Kopiér til nyt år' }).click();
    const dialog = ui.dialog('Kopiér til nyt år');
    // A year that has a set is refused beside the button, and the dialog stays open to choose another.
    await dialog.getByRole('textbox', { name: 'Nyt aftaleår' }).fill('2022');
    await dialog.getByRole('textbox', { name: 'Nyt aftaleår' }).press('Enter');
    expect(await dialog.getByRole('alert').textContent()).toBe('Der findes allerede et regelsæt for 2022. Ret det i stedet for at kopiere.');
    await dialog.getByRole('textbox', { name: 'Nyt aftaleår' }).fill('2027');
    await dialog.getByRole('button', { name: 'Kopiér' }).click();
    await section.locator('[data-testid="rule-set-view"][data-year="2027"][data-locked="false"]').waitFor();

    const threshold = view.getByRole('textbox', { name: 'Takstændring, der kræver en begrundelse' });
    await threshold.fill('10');
    await threshold.press('Tab');
    await expect.poll(async () => (await call(app.backend, 'ruleSets.list', {})).find((s) => s.year === 2027)?.params.significantTariffChange).toBe(0.1);
    // A date typed the Danish way is saved as a date and shown in the papers' form.
    const pensionFrom = view.getByRole('textbox', { name: 'Tjenestemandspension optjent fra' });
    await pensionFrom.fill('1.7.2008');
    await pensionFrom.press('Tab');
    await expect.poll(async () => (await call(app.backend, 'ruleSets.list', {})).find((s) => s.year === 2027)?.params.civilServantPensionFrom).toBe('2008-07-01');
    await expect.poll(() => pensionFrom.inputValue()).toBe('01.07.2008');
    // A band whose upper end is below its lower end is refused, next to the field.
    const recommended = view.getByRole('textbox', { name: 'Anbefalet belægning, til' });
    await recommended.fill('90');
    await recommended.press('Tab');
    await view.getByText('Anbefalet belægningsprocent: «fra» skal være mindre end eller lig med «til»').waitFor();
    await recommended.fill('98');
    await recommended.press('Tab');
    await view.getByText(/«fra» skal være mindre/).waitFor({ state: 'hidden' });
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      await section.getByRole('button', { name: 'Godkend' }).scrollIntoViewIfNeeded();
      await screenshot(ui.page, `takstregler-${width}`);
    }

    await section.getByRole('button', { name: 'Godkend', exact: true }).click();
    await ui.dialog('Godkend regelsættet for 2027').getByRole('button', { name: 'Godkend og lås' }).click();
    await section.locator('[data-testid="rule-set-view"][data-year="2027"][data-locked="true"]').waitFor();
    expect(await threshold.getAttribute('readonly')).not.toBeNull();
    expect(await section.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);
    const stored = (await call(app.backend, 'ruleSets.list', {})).find((s) => s.year === 2027)!;
    expect(stored.approvedAt).not.toBeNull();
    expect(stored.params.significantTariffChange).toBe(0.1);
  });
});
