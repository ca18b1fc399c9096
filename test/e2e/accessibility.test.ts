import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';
import { describeViolations, seriousViolations } from './support/axe';
import { cutOffTexts } from './support/cut-off';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let ui: AppPage;
beforeEach(async () => {
  app = session.app;
  ui = new AppPage(session.page);
  await ui.open(app.host.url);
});

const DAS_MAY = '5a3e8c21-7d4f-4b6a-9c0e-202105270001';
const SELF_HARM_ITEM = 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd';

interface Screen {
  /** Names the screenshots: a11y-<name>-1440.png and a11y-<name>-1280.png. */
  name: string;
  /** Brings the screen up from the meeting list, as a user would, and waits until it shows. */
  open(ui: AppPage, origin: string): Promise<void>;
}

async function openMeeting(page: Page, origin: string) {
  await page.goto(`${origin}/#/moeder/${DAS_MAY}`);
  await page.getByRole('heading', { name: 'DAS · 27. maj 2021' }).waitFor();
}

async function openScenario(ui: AppPage) {
  await ui.goTo('Takstscenarier');
  await ui.page.getByRole('link', { name: 'NT-1 v1 – scenarie 1' }).click();
  await ui.page.getByTestId('figure-total').waitFor();
}

async function openProposal(ui: AppPage) {
  await ui.goTo('Forslag til nye tilbud');
  await ui.page.getByTestId('proposal-row').filter({ hasText: 'NT-1' }).click();
  await ui.page.locator('[data-testid="proposal-view"][data-version="2"]').waitFor();
}

async function proposalTab(ui: AppPage, tab: string) {
  await openProposal(ui);
  await ui.page.getByRole('tab', { name: tab }).click();
  await ui.page.getByRole('tabpanel', { name: tab }).waitFor();
}

/** The demo's offers (ISHD, Østerskoven, Kvisten and the illustrative ones) and one more, then Tilbud. */
async function openOffers(ui: AppPage) {
  const organisations = (await app.backend.call('organisations.list', {})) as { ok: true; data: { id: string; name: string }[] };
  const operator = (name: string) => organisations.data.find((o) => o.name === name)!.id;
  await app.backend.call('offers.create', { name: 'Bostedet Birken', operatorId: operator('Aalborg Kommune'), legalBasis: 'SEL-108', category: 3, fromYear: 2020 });
  await ui.goTo('Tilbudsregister');
  await ui.page.getByTestId('offer-row').first().waitFor();
}

/** Every screen and dialog of the app; a new screen is one more entry here. */
const SCREENS: Screen[] = [
  { name: 'moeder', open: async () => {} },
  {
    name: 'nyt-moede',
    open: async (ui) => {
      await ui.page.getByRole('button', { name: 'Nyt møde' }).first().click();
      await ui.dialog('Nyt møde').waitFor();
    },
  },
  {
    name: 'papirkurv',
    open: async (ui) => {
      await ui.page.getByRole('button', { name: 'Papirkurv' }).click();
      await ui.dialog('Papirkurv').waitFor();
    },
  },
  {
    name: 'dagsorden',
    open: async (ui, origin) => {
      await openMeeting(ui.page, origin);
      const row = ui.page.getByTestId('agenda-row').filter({ hasText: SELF_HARM_ITEM });
      const id = await row.getAttribute('data-item-id');
      await row.click();
      await ui.page.locator(`[data-testid="item-editor"][data-item-id="${id}"]`).waitFor();
    },
  },
  {
    name: 'laesevisning',
    open: async (ui, origin) => {
      await ui.page.goto(`${origin}/#/moeder/${DAS_MAY}/laes`);
      await ui.page.getByRole('heading', { name: 'DAS · 27. maj 2021', level: 1 }).waitFor();
      await ui.page.frameLocator('iframe').first().getByText('Indholdsfortegnelse').waitFor();
    },
  },
  {
    name: 'moedeoplysninger',
    open: async (ui, origin) => {
      await openMeeting(ui.page, origin);
      await ui.page.getByRole('button', { name: 'Mødeoplysninger' }).click();
      await ui.page.getByRole('dialog', { name: /^Møde i / }).waitFor();
    },
  },
  {
    name: 'dokumenter',
    open: async (ui, origin) => {
      await openMeeting(ui.page, origin);
      await ui.page.getByRole('button', { name: 'Dokumenter' }).click();
      await ui.page.getByRole('dialog', { name: 'Dagsorden, referat og bilagssamling' }).locator('iframe').first().waitFor();
    },
  },
  {
    name: 'beslutninger',
    open: async (ui) => {
      await ui.goTo('Beslutninger');
      await ui.page.getByTestId('register-row').first().waitFor();
    },
  },
  {
    name: 'beslutninger-soegning',
    open: async (ui) => {
      await ui.goTo('Beslutninger');
      await ui.page.getByRole('textbox', { name: 'Søg' }).fill('selvskadende');
      await ui.page.getByTestId('search-hit').first().waitFor();
    },
  },
  {
    name: 'opfoelgninger',
    open: async (ui) => {
      await ui.goTo('Beslutninger');
      await ui.page.getByText('Opfølgninger', { exact: true }).click();
      await ui.page.getByRole('table', { name: 'Opfølgninger' }).waitFor();
    },
  },
  { name: 'forslag', open: openProposal },
  { name: 'forslag-oekonomi', open: (ui) => proposalTab(ui, 'Økonomi') },
  { name: 'forslag-hoering', open: (ui) => proposalTab(ui, 'Høring') },
  { name: 'forslag-behandling', open: (ui) => proposalTab(ui, 'Behandling') },
  { name: 'forslag-sammenlign', open: (ui) => proposalTab(ui, 'Sammenlign') },
  {
    name: 'nyt-forslag',
    open: async (ui) => {
      await ui.goTo('Forslag til nye tilbud');
      await ui.page.getByRole('button', { name: 'Nyt forslag' }).click();
      await ui.dialog('Nyt forslag').waitFor();
    },
  },
  { name: 'scenarie', open: openScenario },
  {
    name: 'ny-variant',
    open: async (ui) => {
      await openScenario(ui);
      await ui.page.getByRole('button', { name: 'Flere handlinger' }).click();
      await ui.page.getByRole('menuitem', { name: 'Ny variant' }).click();
      await ui.dialog('Nyt scenarie').waitFor();
    },
  },
  {
    name: 'beregninger',
    open: async (ui) => {
      await ui.goTo('Takstscenarier');
      await ui.page.getByRole('tab', { name: 'Beregninger' }).click();
      await ui.page.getByRole('tabpanel', { name: 'Beregninger' }).waitFor();
    },
  },
  { name: 'tilbud', open: openOffers },
  {
    name: 'nyt-tilbud',
    open: async (ui) => {
      await openOffers(ui);
      await ui.page.getByRole('button', { name: 'Nyt tilbud' }).click();
      await ui.dialog('Nyt tilbud').waitFor();
    },
  },
  {
    name: 'tilbud-side',
    open: async (ui) => {
      await openOffers(ui);
      await ui.page.getByTestId('offer-row').filter({ hasText: 'Kvisten' }).click();
      await ui.page.getByRole('heading', { name: 'Kvisten', level: 1 }).waitFor();
    },
  },
  {
    name: 'skift-kategori',
    open: async (ui) => {
      await openOffers(ui);
      await ui.page.getByTestId('offer-row').filter({ hasText: 'Kvisten' }).click();
      await ui.page.getByRole('button', { name: 'Skift kategori' }).click();
      await ui.dialog('Skift kategori').waitFor();
    },
  },
  {
    name: 'takstregler',
    open: async (ui) => {
      await ui.goTo('Indstillinger');
      const section = ui.page.getByRole('region', { name: 'Takstregler' });
      await section.getByTestId('rule-set-view').waitFor();
      await section.getByRole('heading', { name: 'Takstregler' }).evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    },
  },
  { name: 'udveksling', open: (ui) => ui.goTo('Udveksling') },
  { name: 'indstillinger', open: (ui) => ui.goTo('Indstillinger') },
  {
    name: 'tastaturgenveje',
    open: async (ui) => {
      await ui.page.getByRole('button', { name: 'Tastaturgenveje' }).click();
      await ui.dialog('Tastaturgenveje').waitFor();
    },
  },
  // The takstbilag dialog of a DAS meeting that can still take items (issue 17).
  {
    name: 'takstbilag',
    open: async (ui, origin) => {
      await ui.page.goto(`${origin}/#/moeder/5a3e8c21-7d4f-4b6a-9c0e-202108230001`);
      await ui.page.getByRole('button', { name: 'Takstbilag …' }).click();
      await ui.dialog('Takstbilag').waitFor();
    },
  },
  // An offer's sheets and 5 % ledger (issue 17): the demo's Østerskoven has results and the sheets of 2021 and 2022.
  { name: 'takstskema', open: async (ui) => void (await offerSection(ui, 'offer-sheets')) },
  {
    name: 'takstskema-opret',
    open: async (ui) => {
      const sheets = await offerSection(ui, 'offer-sheets');
      await ui.choose(sheets.getByRole('textbox', { name: 'År', exact: true }), '2023');
      await sheets.getByRole('button', { name: 'Opret skema' }).click();
      await ui.dialog('Takstberegningsskema 2023').waitFor();
    },
  },
  { name: 'resultater', open: async (ui) => void (await offerSection(ui, 'offer-ledger')) },
  {
    name: 'registrer-resultat',
    open: async (ui) => {
      const ledger = await offerSection(ui, 'offer-ledger');
      await ledger.getByRole('button', { name: 'Registrér resultat' }).click();
      await ui.dialog('Registrér resultat').waitFor();
    },
  },
  {
    // ISHD's surpluses of 2019 and 2020 are set aside.
    name: 'brug-hensaettelse',
    open: async (ui) => {
      const ledger = await offerSection(ui, 'offer-ledger', 'Institut for Syn, Hørelse og Døvblindhed (ISHD)');
      await ledger.getByRole('button', { name: 'Brug hensættelse' }).click();
      await ui.dialog('Brug hensættelse').waitFor();
    },
  },
  {
    // The Region's offers of the 2020 annual reports, summed.
    name: 'driftsherre-5-procent',
    open: async (ui) => {
      const ledger = await offerSection(ui, 'offer-ledger');
      await ledger.getByRole('button', { name: 'Region Nordjyllands 5 %-regnskab' }).click();
      await ui.page.getByRole('heading', { name: '5 %-regnskab: Region Nordjylland', level: 1 }).waitFor();
    },
  },
];

/** A section of a demo offer's page (Neurocenter Østerskoven unless told), scrolled to its top. */
async function offerSection(ui: AppPage, testId: 'offer-sheets' | 'offer-ledger', offer = 'Neurocenter Østerskoven') {
  await ui.goTo('Tilbudsregister');
  await ui.page.getByTestId('offer-row').filter({ hasText: offer }).click();
  const section = ui.page.getByTestId(testId);
  await section.getByRole('table').first().waitFor();
  // The section itself, as the ledger's «Indgår i» link does: it stops below the fixed header with its title in view.
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  return section;
}

describe('accessibility (axe-core, WCAG 2.1 A and AA) and nothing cut off', () => {
  it.each(SCREENS)('$name has no serious or critical violation at 1440×900 and 1280×720, and no text cut off', async (screen) => {
    await screen.open(ui, app.host.origin);
    const cutOff: string[] = [];
    for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
      await ui.page.setViewportSize({ width, height });
      // Let layout and Mantine's transitions settle at the new size.
      await ui.page.waitForTimeout(400);
      await screenshot(ui.page, `a11y-${screen.name}-${width}`);
      // The whole page too at the small size: what lies below the fold is checked for cut-off texts as well.
      if (width === 1280) await screenshot(ui.page, `a11y-${screen.name}-${width}-full`, { fullPage: true });
      const violations = await seriousViolations(ui.page);
      expect(violations, `${screen.name} at ${width}×${height}:\n${describeViolations(violations)}`).toEqual([]);
      cutOff.push(...(await cutOffTexts(ui.page)).map((text) => `${width}×${height}: ${text}`));
    }
    // Trap 7 of issue 16: texts wrap or grow, fields fit their content; an excerpt only where the whole text is reachable.
    expect(cutOff, `${screen.name}: texts cut off`).toEqual([]);
  });
});
