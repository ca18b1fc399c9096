import { beforeEach, describe, expect, it } from 'vitest';
import { AgendaPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: AgendaPage;
beforeEach(async () => {
  app = session.app;
  ui = new AgendaPage(session.page);
  await app.backend.call('demo.load', {});
  await ui.open(app.host.url);
});

const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const PSU_NOVEMBER = '5a3e8c21-7d4f-4b6a-9c0e-202411080001';

describe('the demo meetings, as the papers have them', () => {
  it('shows DAS 27 May 2021 with its 11 items, the self-harm offer with guests, Indstilling, decision and annexes', async () => {
    await ui.page.goto(`${app.host.origin}/#/moeder/${DAS_MAY}`);
    await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
    await expect.poll(() => ui.rows().count()).toBe(11);
    await ui.select('Oplæg til tilbud for børn og unge med svær selvskadende adfærd');
    await ui.page.getByTestId('attachments').getByText('Bilag 5:').waitFor();
    expect(await ui.page.getByRole('textbox', { name: 'Forbehold 1 fra' }).inputValue()).toMatch(/Læsø|Morsø/);
    expect(await ui.page.getByTestId('attachment-row').count()).toBeGreaterThanOrEqual(5);
    await screenshot(ui.page, 'demo-das-2021-05-27-punkt-7', { fullPage: true });
  });

  it('shows the PSU meeting of 8 November 2024 with closed items marked and case numbers', async () => {
    await ui.page.goto(`${app.host.origin}/#/moeder/${PSU_NOVEMBER}`);
    await ui.page.getByRole('heading', { name: 'PSU · 8. november 2024' }).waitFor();
    await expect.poll(() => ui.rows().count()).toBe(12);
    expect(await ui.rows().filter({ hasText: 'Fortrolig' }).count()).toBe(3);
    await ui.select(ui.rows().nth(2));
    expect(await ui.page.getByRole('textbox', { name: 'Sagsnummer' }).inputValue()).toBe('EMN-2022-00567');
    await screenshot(ui.page, 'demo-psu-2024-11-08');
  });

  it('finds the demo’s decisions and annex text by search, and lists its open follow-ups', async () => {
    await ui.goTo('Beslutninger');
    await ui.page.getByTestId('register-row').first().waitFor();
    await screenshot(ui.page, 'decision-register');
    await ui.page.getByRole('textbox', { name: 'Søg' }).fill('selvskade');
    await ui.page.getByTestId('search-hit').first().waitFor();
    const entities = await ui.page.getByTestId('search-hit').allInnerTexts();
    expect(entities.some((t) => t.startsWith('Bilag'))).toBe(true);
    await ui.page.getByText('Opfølgninger', { exact: true }).click();
    await ui.page.getByTestId('follow-ups-table').waitFor();
    await screenshot(ui.page, 'follow-ups');
  });
});
