import type { Locator } from 'playwright-core';
import { AgendaPage } from './app-page';

/** Page model of the tariff year in the window: an offer's sheets and ledger, the templates, the takstbilag. */
export class TariffYearPage extends AgendaPage {
  sheets(): Locator {
    return this.page.getByTestId('offer-sheets');
  }

  ledger(): Locator {
    return this.page.getByTestId('offer-ledger');
  }

  async openOffer(origin: string, id: string, name: string) {
    await this.page.goto(`${origin}/#/tilbud/${id}`);
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
    await this.sheets().getByTestId('sheet-status').or(this.sheets().getByText(/^Intet skema for/)).first().waitFor();
  }

  async chooseYear(year: number) {
    await this.choose(this.sheets().getByRole('textbox', { name: 'År', exact: true }), String(year));
  }

  /** The sheet's figure in the row of that label, as shown (da-DK kroner). */
  async figure(testId: 'sheet-tariff' | 'sheet-basis'): Promise<string> {
    return (await this.sheets().getByTestId(testId).locator('td').last().innerText()).trim();
  }

  async registerResult(values: { year: number; basis: string; result: string }) {
    await this.ledger().getByRole('button', { name: 'Registrér resultat' }).click();
    const dialog = this.dialog('Registrér resultat');
    await dialog.getByRole('textbox', { name: 'Regnskabsår' }).fill(String(values.year));
    await dialog.getByRole('textbox', { name: 'Takstberegningsgrundlag (G)' }).fill(values.basis);
    await dialog.getByRole('textbox', { name: 'Årets resultat (R)' }).fill(values.result);
    await dialog.getByRole('button', { name: 'Gem resultat' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
