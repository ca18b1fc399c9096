import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage, ProposalsPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
let ui: ProposalsPage;
beforeEach(async () => {
  app = session.app;
  ui = new ProposalsPage(session.page);
  // The demo holds the NT-1 scenarios of 2021 and DAS's planned meeting of 23.08.2021.
  await app.backend.call('demo.load', {});
  await ui.open(app.host.url);
});

/** Every number in a worksheet, formula results included. */
function numbersIn(sheet: ExcelJS.Worksheet): number[] {
  const numbers: number[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as unknown;
      if (typeof value === 'number') numbers.push(value);
      else if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') numbers.push(value.result);
    }),
  );
  return numbers;
}

describe('a proposal for a new offer', () => {
  it('goes from the NT-1 figures through consultation and DAS to a second version, compared and exported', async () => {
    const { page } = ui;
    await ui.goTo('Forslag til nye tilbud');
    await ui.create('TF-1', 'Test-forslag');
    const proposal = (await call(app.backend, 'proposals.list', {})).find((p) => p.code === 'TF-1')!;
    expect(proposal).toMatchObject({ title: 'Test-forslag', status: 'udkast', latestVersion: 1 });

    // A draft cannot go on an agenda: the refusal names what is missing before anything is sent …
    await ui.tab('Behandling');
    await ui.choose(page.getByRole('textbox', { name: 'Møde', exact: true }), 'DAS 23.08.2021 – Planlagt');
    const refusal = page.getByTestId('agenda-refusal');
    await expect.poll(() => refusal.textContent()).toContain('Driftsherre');
    for (const field of ['Målgruppe (primær)', 'Lovgrundlag', 'Antal pladser', 'Takstmodel', 'Mindst ét opstartsscenarie']) expect(await refusal.textContent()).toContain(field);
    expect(await page.getByRole('button', { name: 'Sæt på dagsordenen' }).isDisabled()).toBe(true);
    await screenshot(page, 'forslag-mangler');
    // … and the backend refuses it the same way.
    const meetings = await call(app.backend, 'meetings.list', {});
    const das = meetings.find((m) => m.bodyCode === 'DAS' && m.date === '2021-08-23')!;
    const refused = await app.backend.call('proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: das.id });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('Driftsherre');

    // The required fields of the ideoplæg.
    await ui.tab('Oplæg');
    await page.getByLabel('Driftsherre').fill('Specialsektoren, Region Nordjylland');
    await page.getByLabel('Primær målgruppe').fill('Normalt begavede unge i alderen 14–23 år med en svær selvskadende adfærd.');
    const legalBasis = page.getByRole('textbox', { name: 'Lovgrundlag' });
    await legalBasis.fill('SEL § 107');
    await legalBasis.press('Enter');
    await page.getByLabel('Antal pladser').fill('10');
    await page.getByLabel('Takstmodel').fill('Takstfinansieret efter gældende vilkår med fire takstniveauer.');
    await page.getByLabel('Fordelingsnøgle').fill('Befolkningstal pr. 2. kvartal 2021');
    // A share over 100 % is refused with the contract's Danish message, and nothing is saved meanwhile.
    const regionShare = page.getByLabel('Regionens andel');
    await regionShare.fill('120');
    await page.getByText(/Andelen må ikke være over 100\s%/).waitFor();
    await screenshot(page, 'forslag-andel-over-100');
    await regionShare.fill('0');
    await page.getByText(/Kommunerne dækker 100\s%/).waitFor();
    await ui.saved();
    const v1 = (await call(app.backend, 'proposals.get', { id: proposal.id })).versions[0]!;
    expect(v1.content).toMatchObject({ operator: 'Specialsektoren, Region Nordjylland', legalBasis: ['SEL § 107'], places: 10, deficitCoverage: { regionShare: 0 } });

    // The money: the three start-up scenarios of NT-1 v1, scenario 3 chosen; every figure from the engine.
    await ui.tab('Økonomi');
    for (const n of [1, 2, 3]) await ui.linkScenario(`NT-1 v1 – scenarie ${n}`);
    await page.getByLabel('Vælg NT-1 v1 – scenarie 3').check();
    await page.getByTestId('missing-none').waitFor();
    const totals = page.getByTestId('economy-figures').getByRole('row', { name: /I alt at dække/ });
    await expect.poll(() => totals.textContent()).toMatch(/4\.400\.000.*8\.000\.000.*10\.000\.000/);
    // The seed's own inconsistency is shown, not hidden.
    expect(await page.getByTestId('economy-warnings').textContent()).toContain('23.730.000 kr.');
    await expect.poll(() => page.getByTestId('municipality-row').count()).toBe(11);
    expect(await page.getByTestId('municipality-sum').textContent()).toBe('10.000.000');
    await screenshot(page, 'forslag-oekonomi', { fullPage: true });

    // Consultation: a period, two responses; the other municipalities are listed as not having answered.
    await ui.tab('Høring');
    const start = page.getByLabel('Høringsperiode fra');
    await start.fill('29.04.2021');
    await start.press('Tab');
    const end = page.getByLabel('Høringsfrist');
    await end.fill('07.05.2021');
    await end.press('Tab');
    await ui.saved();
    for (const [municipality, stance, text] of [
      ['Aalborg Kommune', 'Støtter', 'Vi finder tilbuddet utrolig relevant.'],
      ['Rebild Kommune', 'Forbehold', 'Der rejses en bemærkning om økonomien.'],
    ] as const) {
      await page.getByRole('button', { name: 'Tilføj høringssvar' }).click();
      const dialog = ui.dialog('Nyt høringssvar');
      await ui.choose(dialog.getByRole('textbox', { name: 'Kommune eller region' }), municipality);
      await ui.choose(dialog.getByRole('textbox', { name: 'Holdning' }), stance);
      await dialog.getByLabel('Høringssvar').fill(text);
      if (municipality === 'Rebild Kommune') await screenshot(page, 'forslag-hoeringssvar');
      await dialog.getByRole('button', { name: 'Tilføj høringssvar' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await expect.poll(() => page.getByTestId('response-row').count()).toBe(2);
    const notAnswered = page.getByTestId('not-answered');
    await expect.poll(() => notAnswered.textContent()).toContain('Har ikke svaret (9)');
    expect(await notAnswered.textContent()).toContain('Læsø Kommune');
    expect(await notAnswered.textContent()).not.toContain('Aalborg Kommune');
    await page.frameLocator('[data-testid="consultation-summary"]').getByText('Rebild Kommune').first().waitFor();
    await screenshot(page, 'forslag-hoering', { fullPage: true });

    // On DAS's agenda: the item is made, the version locked, the route and the status follow.
    await ui.tab('Behandling');
    await ui.choose(page.getByRole('textbox', { name: 'Møde', exact: true }), 'DAS 23.08.2021 – Planlagt');
    expect(await page.getByTestId('agenda-refusal').count()).toBe(0);
    await page.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
    // The annexes are printed to PDF first, with progress and «Afbryd»: seconds on a busy machine.
    await page.getByText(/^Danner bilag [1-4] af 4/).first().waitFor();
    await screenshot(page, 'forslag-saetter-paa-dagsorden');
    const created = page.getByTestId('agenda-created');
    await created.waitFor();
    expect(await created.textContent()).toMatch(/DAS 23\.08\.2021, punkt \d+/);
    await page.getByTestId('locked-notice').getByText('Behandlet – låst').waitFor();
    await expect.poll(() => page.getByTestId('proposal-view-status').textContent()).toBe('Under behandling');
    expect(await page.getByTestId('approval-route').getByTestId('step-item-link').textContent()).toMatch(/DAS 23\.08\.2021, punkt \d+/);
    await screenshot(page, 'forslag-behandling', { fullPage: true });
    const [step] = (await call(app.backend, 'proposals.get', { id: proposal.id })).steps;
    expect(step).toMatchObject({ bodyCode: 'DAS', versionNumber: 1, item: { meetingId: das.id } });

    // The locked version reads, but cannot be typed in.
    await ui.tab('Oplæg');
    expect(await page.getByLabel('Driftsherre').getAttribute('readonly')).not.toBeNull();

    // The decision is taken on the item itself, in the agenda.
    await ui.tab('Behandling');
    await page.getByTestId('approval-route').getByTestId('step-item-link').click();
    const agenda = new AgendaPage(page);
    await page.locator(`[data-testid="item-editor"][data-item-id="${step!.itemId}"]`).waitFor();
    const decision = page.getByTestId('decision-panel');
    await ui.choose(decision.getByRole('textbox', { name: 'Udfald', exact: true }), 'Ikke godkendt');
    await decision.getByText(/Gemt kl\./).waitFor();
    await agenda.saved();
    await screenshot(page, 'forslag-beslutning');

    // Back in the proposal (the menu returns to it), the status follows the decision.
    await ui.goTo('Forslag til nye tilbud');
    await expect.poll(() => page.getByTestId('proposal-view-status').textContent()).toBe('Afvist');
    expect(await ui.view().getByTestId('proposal-status-reason').textContent()).toBe('DAS 23.08.2021: Ikke godkendt');
    expect(await ui.row('Test-forslag').getByTestId('proposal-row-reason').textContent()).toBe('DAS 23.08.2021: Ikke godkendt');
    expect(await ui.row('Test-forslag').getByTestId('proposal-status').textContent()).toBe('Afvist');
    await page.getByTestId('approval-route').getByText('Ikke godkendt').waitFor();

    // Version 2: a copy that can be changed. The Region now covers 25 %, which the v1 scenarios do not say …
    await page.getByRole('button', { name: 'Ny version' }).first().click();
    await page.locator('[data-testid="proposal-view"][data-version="2"]').waitFor();
    await expect.poll(() => page.getByTestId('proposal-view-status').textContent()).toBe('Revideret');
    await ui.tab('Oplæg');
    await page.getByLabel('Regionens andel').fill('25');
    await page.getByText(/Kommunerne dækker 75\s%/).waitFor();
    await ui.saved();
    await ui.tab('Økonomi');
    await expect.poll(() => page.getByTestId('economy-consistency').textContent()).toMatch(/lader Regionen dække 0\s%, men forslaget siger 25\s%/);
    // … so it gets the v2 scenarios instead.
    for (const n of [1, 2, 3]) await page.getByRole('button', { name: `Fjern NT-1 v1 – scenarie ${n}` }).click();
    for (const n of [1, 2, 3]) await ui.linkScenario(`NT-1 v2 – scenarie ${n}`);
    await page.getByLabel('Vælg NT-1 v2 – scenarie 3').check();
    await ui.saved();
    await expect.poll(() => page.getByTestId('economy-consistency').count()).toBe(0);
    await expect.poll(() => page.getByTestId('municipality-sum').textContent()).not.toBe('10.000.000');

    // v1 against v2: the changed rows are marked, the changed figures in bold.
    await ui.tab('Sammenlign');
    const rows = page.getByTestId('diff-row');
    const share = rows.filter({ hasText: 'Regionens andel' }).filter({ hasText: /0\s%/ }).filter({ hasText: /25\s%/ });
    await share.first().waitFor();
    expect(await share.first().getAttribute('data-changed')).toBe('true');
    expect(await rows.filter({ hasText: 'Driftsherre' }).getAttribute('data-changed')).toBeNull();
    const all = await rows.count();
    await screenshot(page, 'forslag-sammenlign');
    await page.getByLabel('Vis kun ændringer').check();
    await expect.poll(() => rows.count()).toBeLessThan(all);
    expect(await page.locator('[data-testid="diff-row"]:not([data-changed])').count()).toBe(0);
    await screenshot(page, 'forslag-sammenlign-aendringer', { fullPage: true });

    // One municipality's payments as a workbook for its own budget.
    await ui.tab('Økonomi');
    const { rows: payments } = await call(app.backend, 'proposals.municipalities', { proposalId: proposal.id, versionNumber: 2 });
    const aalborg = payments.find((r) => r.organisationName === 'Aalborg Kommune')!;
    await expect.poll(() => page.getByTestId('municipality-row').filter({ hasText: 'Aalborg Kommune' }).getByTestId('municipality-total').textContent()).toBe(
      new Intl.NumberFormat('da-DK').format(aalborg.totalOre / 100),
    );
    await page.getByRole('button', { name: 'Hent tal for Aalborg Kommune' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Regneark (.xlsx)' }).click()]);
    const file = join(app.dataDir, 'aalborg.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Betaling')!;
    expect(sheet.getCell('A1').value).toBe('Aalborg Kommune');
    expect(numbersIn(sheet)).toContain(aalborg.totalOre / 100);
  }, 240_000);

  it('shows the demo’s NT-1 with its two versions, the consultation of v1 and the route through BUDK and DAS', async () => {
    const { page } = ui;
    await ui.goTo('Forslag til nye tilbud');
    await ui.row('NT-1').click();
    await page.locator('[data-testid="proposal-view"][data-version="2"]').waitFor();
    await screenshot(page, 'forslag-nt1-oplaeg');
    await ui.tab('Økonomi');
    await page.getByTestId('economy-figures').waitFor();
    await screenshot(page, 'forslag-nt1-oekonomi', { fullPage: true });
    await ui.tab('Behandling');
    await expect.poll(() => page.getByTestId('approval-step').count()).toBeGreaterThan(1);
    await page.getByTestId('step-item-link').first().waitFor();
    await screenshot(page, 'forslag-nt1-behandling', { fullPage: true });
    await ui.tab('Sammenlign');
    await page.getByTestId('diff-row').first().waitFor();
    await screenshot(page, 'forslag-nt1-sammenlign');
    // The locked v1 with its consultation responses.
    await page.getByTestId('version-1').click();
    await page.getByTestId('locked-notice').waitFor();
    await ui.tab('Høring');
    await expect.poll(() => page.getByTestId('response-row').count()).toBeGreaterThan(2);
    expect(await page.getByRole('button', { name: 'Tilføj høringssvar' }).count()).toBe(0);
    await screenshot(page, 'forslag-nt1-hoering-v1', { fullPage: true });

    // Deleted at once, and back with «Fortryd».
    await page.getByRole('button', { name: 'Flere handlinger for forslaget' }).click();
    await page.getByRole('menuitem', { name: 'Slet forslaget' }).click();
    await expect.poll(() => page.getByTestId('proposal-row').count()).toBe(0);
    await ui.notification('er slettet').getByRole('button', { name: 'Fortryd' }).click();
    await ui.row('NT-1').waitFor();
    await ui.view().waitFor();
    expect((await call(app.backend, 'proposals.list', {})).map((p) => p.code)).toEqual(['NT-1']);
  });
});
