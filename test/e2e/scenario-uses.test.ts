import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AppPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let ui: AppPage;
beforeEach(async () => {
  app = session.app;
  ui = new AppPage(session.page);
  await ui.open(app.host.url);
});

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** The same view at both window sizes the secretariat uses. */
async function screenshots(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
}

const scenarioNamed = async (name: string) => {
  const summary = (await call(app.backend, 'scenarios.list', {})).find((s) => s.name === name);
  return summary && call(app.backend, 'scenarios.get', { id: summary.id });
};

/** «Pladser og belægning» of NT-1 version 2's three scenarios, as «Økonomi» shows them. */
async function economyOccupancy(page: Page): Promise<string> {
  const row = page.getByTestId('economy-tab').getByRole('row', { name: /Pladser og belægning/ });
  await row.waitFor();
  return (await row.textContent())!;
}

describe('a scenario that a proposal uses', () => {
  it('says so, and asks before a change reaches NT-1 version 2: cancel, a variant for the experiment, or change it there too', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v2 – scenarie 1' }).click();
    const usage = page.getByTestId('scenario-usage');
    await expect.poll(() => usage.textContent()).toContain(
      'Bruges af NT-1 version 2 – Økonomi (direkte og gennem varianterne «NT-1 v2 – scenarie 2» og «NT-1 v2 – scenarie 3»).',
    );
    await screenshots(page, 'scenarie-bruges-af');

    // The first change of a figure asks, with the focus in the dialog; Escape takes the change back.
    const occupancy = page.getByLabel('Belægning (budget)');
    await occupancy.fill('80');
    const dialog = ui.dialog('Scenariet bruges af et forslag');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('bruges af NT-1 version 2 – Økonomi');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Lav en variant til forsøget');
    await screenshots(page, 'scenarie-valg');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await occupancy.inputValue()).toBe('90 %');
    expect((await scenarioNamed('NT-1 v2 – scenarie 1'))!.input.occupancy).toBe(0.9);

    // A variant for the experiment: the typed 80 % goes there, and the typing goes on in the same field.
    await occupancy.fill('80');
    await dialog.getByRole('button', { name: 'Lav en variant til forsøget' }).click();
    await page.getByText('Variant af «NT-1 v2 – scenarie 1»').waitFor();
    expect(await page.getByLabel('Scenariets navn').inputValue()).toBe('NT-1 v2 – scenarie 1 – forsøg');
    expect(await occupancy.inputValue()).toBe('80 %');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '')).toBe('Belægning (budget)');
    await expect.poll(async () => (await scenarioNamed('NT-1 v2 – scenarie 1 – forsøg'))?.overrides).toEqual({ occupancy: 0.8 });
    expect((await scenarioNamed('NT-1 v2 – scenarie 1'))!.input.occupancy).toBe(0.9);
    // The new variant is nobody's: no notice, no question.
    expect(await usage.count()).toBe(0);

    // The proposal's «Økonomi», reached from the base's notice, is as it was.
    await page.getByRole('link', { name: 'NT-1 v2 – scenarie 1', exact: true }).click();
    await usage.getByRole('button', { name: 'NT-1 version 2 – Økonomi' }).click();
    await page.locator('[data-testid="proposal-view"][data-version="2"]').waitFor();
    expect(await page.getByRole('tab', { name: 'Økonomi' }).getAttribute('aria-selected')).toBe('true');
    expect((await economyOccupancy(page)).match(/90\s%/g)).toHaveLength(3);

    // «Ret også»: the change lands in the scenario and in NT-1 version 2, and the notice says so; the next change does
    // not ask again while the scenario stays open.
    await ui.goTo('Takstscenarier');
    await page.getByTestId('scenario-view').waitFor();
    await occupancy.fill('80');
    await dialog.getByRole('button', { name: 'Ret også i NT-1 version 2' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('scenario-usage-state').textContent()).toBe('Dine ændringer her ændrer også tallene i NT-1 version 2.');
    await expect.poll(async () => (await scenarioNamed('NT-1 v2 – scenarie 1'))!.input.occupancy).toBe(0.8);
    await occupancy.fill('85');
    await expect.poll(async () => (await scenarioNamed('NT-1 v2 – scenarie 1'))!.input.occupancy).toBe(0.85);
    expect(await dialog.count()).toBe(0);
    await screenshots(page, 'scenarie-rettet-ogsaa');

    await usage.getByRole('button', { name: 'NT-1 version 2 – Økonomi' }).click();
    await page.locator('[data-testid="proposal-view"][data-version="2"]').waitFor();
    await expect.poll(async () => (await economyOccupancy(page)).match(/85\s%/g)?.length).toBe(3);
  }, 120_000);

  it('tells that a treated version keeps its frozen copy, and lets the scenario change without asking', async () => {
    const { page } = ui;
    await ui.goTo('Takstscenarier');
    await page.getByRole('link', { name: 'NT-1 v1 – scenarie 1' }).click();
    await expect.poll(() => page.getByTestId('scenario-usage').textContent()).toBe('NT-1 version 1 bygger på en fastfrosset kopi af scenariet og ændres ikke herfra.');
    await page.getByLabel('Belægning (budget)').fill('80');
    await expect.poll(async () => (await scenarioNamed('NT-1 v1 – scenarie 1'))!.input.occupancy).toBe(0.8);
    expect(await ui.dialog('Scenariet bruges af et forslag').count()).toBe(0);
  });
});
