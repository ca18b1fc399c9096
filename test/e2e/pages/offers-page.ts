import type { Locator } from 'playwright-core';
import { AppPage } from './app-page';

/** Page model of Tilbud (the register and an offer's page) and of Indstillinger → Takstregler. */
export class OffersPage extends AppPage {
  rows(): Locator {
    return this.page.getByTestId('offer-row');
  }

  async names(): Promise<string[]> {
    return (await this.rows().locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  filter(label: 'Driftsherre' | 'Lovgrundlag' | 'Kategori' | 'Status' | 'Sortér efter'): Locator {
    return this.page.getByRole('search', { name: 'Filtrér tilbuddene' }).getByRole('textbox', { name: label, exact: true });
  }

  async createOffer(offer: { name: string; operator: string; legalBasis: string; category: string }) {
    await this.page.getByRole('button', { name: 'Nyt tilbud' }).click();
    const dialog = this.dialog('Nyt tilbud');
    await dialog.getByRole('textbox', { name: 'Navn' }).fill(offer.name);
    await this.choose(dialog.getByRole('textbox', { name: 'Driftsherre' }), offer.operator);
    await this.choose(dialog.getByRole('textbox', { name: 'Lovgrundlag' }), offer.legalBasis);
    await this.choose(dialog.getByRole('textbox', { name: 'Kategori' }), offer.category);
    await dialog.getByRole('button', { name: 'Opret tilbud' }).click();
    await this.page.getByRole('heading', { name: offer.name, level: 1 }).waitFor();
  }

  categoryRows(): Locator {
    return this.page.getByTestId('category-row');
  }

  async ruleSets() {
    await this.goTo('Indstillinger');
    const section = this.page.getByRole('region', { name: 'Takstregler' });
    await section.scrollIntoViewIfNeeded();
    await section.getByTestId('rule-set-view').waitFor();
    return section;
  }
}
