import type { Locator } from 'playwright-core';
import { AppPage } from './app-page';

/** Page model of a meeting's papers in the reading view. */
export class ReadingPage extends AppPage {
  /** The papers' frame (sandboxed, as printed). */
  paper() {
    return this.page.frameLocator('[data-testid="reading-paper"]');
  }

  items(): Locator {
    return this.page.getByRole('navigation', { name: 'Punkter' }).getByTestId('reading-item');
  }

  item(title: string): Locator {
    return this.items().filter({ hasText: title });
  }

  /** The item headings of the papers (the places the contents link to), in order, as "1. Titel". */
  async headings(): Promise<string[]> {
    const headings = this.paper().locator('[id^="punkt-"]');
    const result: string[] = [];
    for (let i = 0; i < (await headings.count()); i++) {
      const heading = headings.nth(i);
      result.push(`${(await heading.getAttribute('id'))!.slice('punkt-'.length)}. ${(await heading.textContent())!.trim()}`);
    }
    return result;
  }

  /** All the text of the papers, sheets out of sight included (innerText leaves out what is not laid out yet). */
  async text(): Promise<string> {
    return (await this.paper().locator('body').textContent()) ?? '';
  }

  /** How far below the top of the frame an item's heading is, in pixels (the item scrolled to stands near 0). */
  async headingOffset(number: number): Promise<number> {
    const frame = await this.page.getByTestId('reading-paper').boundingBox();
    const heading = await this.paper().locator(`[id="punkt-${number}"]`).boundingBox();
    return heading!.y - frame!.y;
  }
}
