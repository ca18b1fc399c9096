import type { Locator, Page } from 'playwright-core';

/** Page model of the app shell and its areas; tests speak in the user's terms. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: 'Møder', level: 1 }).waitFor();
  }

  nav(label: string): Locator {
    // Exact: «Møder» is also the start of other names.
    return this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: label, exact: true });
  }

  async goTo(label: string) {
    await this.nav(label).click();
    await this.page.getByRole('heading', { name: label, level: 1, exact: true }).waitFor();
  }

  /** The navigation link also leaves a meeting's page for the list. */
  async backToMeetings() {
    await this.nav('Møder').click();
    await this.page.getByRole('heading', { name: 'Møder', level: 1 }).waitFor();
  }

  /** Picks an option in a Mantine select by its label. */
  async choose(field: Locator, option: string) {
    await field.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.mantine-Notification-root').filter({ hasText: text });
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }
}

export class MeetingsPage extends AppPage {
  rows(): Locator {
    return this.page.getByTestId('meeting-row');
  }

  table(name: 'Kommende møder' | 'Tidligere møder'): Locator {
    return this.page.getByRole('table', { name });
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  /** The create form and the editor share their fields. */
  fields(scope: Locator) {
    return {
      body: scope.getByRole('textbox', { name: 'Organ' }),
      date: scope.getByRole('textbox', { name: 'Dato' }),
      start: scope.getByLabel('Starttid').first(),
      end: scope.getByLabel('Sluttid').first(),
      location: scope.getByRole('textbox', { name: 'Sted' }),
      status: scope.getByRole('textbox', { name: 'Status' }),
    };
  }

  async typeTime(field: Locator, hhmm: string) {
    await field.click();
    await this.page.keyboard.type(hhmm);
  }

  async createMeeting(m: { body?: string; date: string; start?: string; end?: string; location?: string }) {
    await this.page.getByRole('button', { name: 'Nyt møde' }).first().click();
    const dialog = this.dialog('Nyt møde');
    const f = this.fields(dialog);
    if (m.body) await this.choose(f.body, m.body);
    await f.date.fill(m.date);
    await f.date.press('Tab');
    if (m.start) await this.typeTime(f.start, m.start);
    if (m.end) await this.typeTime(f.end, m.end);
    if (m.location !== undefined) await f.location.fill(m.location);
    await dialog.getByRole('button', { name: 'Opret møde' }).click();
  }

  editor(): Locator {
    return this.page.getByRole('dialog', { name: /^Møde i / });
  }
}

export class AgendaPage extends AppPage {
  rows(): Locator {
    return this.page.getByTestId('agenda-row');
  }

  async titles(): Promise<string[]> {
    return (await this.rows().allInnerTexts()).map((t) => t.split('\n').filter((line) => line.trim()).slice(0, 2).join(' ').replace(/\s+/g, ' ').trim());
  }

  item(title: string): Locator {
    return this.rows().filter({ hasText: title });
  }

  /** Opens an item (a row, or the row with this title) and waits until the editor shows it: it switches asynchronously. */
  async select(row: Locator | string) {
    const target = typeof row === 'string' ? this.item(row) : row;
    const id = await target.getAttribute('data-item-id');
    await target.click();
    await this.page.locator(`[data-testid="item-editor"][data-item-id="${id}"]`).waitFor();
  }

  async addItem(title: string) {
    await this.page.getByRole('button', { name: 'Nyt punkt' }).click();
    const dialog = this.dialog('Nyt punkt');
    await dialog.getByRole('textbox', { name: 'Titel på det nye punkt' }).fill(title);
    await dialog.getByRole('button', { name: 'Opret punkt' }).click();
    await this.item(title).waitFor();
  }

  /** Waits until every autosave on the page has settled. */
  async saved() {
    await this.page.waitForTimeout(700);
    await this.page.waitForFunction(() => !document.body.innerText.includes('Gemmer …'));
  }
}

export class ProposalsPage extends AppPage {
  view(): Locator {
    return this.page.getByTestId('proposal-view');
  }

  row(text: string): Locator {
    return this.page.getByTestId('proposal-row').filter({ hasText: text });
  }

  async tab(name: 'Oplæg' | 'Økonomi' | 'Høring' | 'Behandling' | 'Sammenlign') {
    await this.page.getByRole('tab', { name }).click();
  }

  async create(code: string, title: string) {
    await this.page.getByRole('button', { name: 'Nyt forslag' }).click();
    const dialog = this.dialog('Nyt forslag');
    await dialog.getByLabel('Kort betegnelse').fill(code);
    await dialog.getByLabel('Titel').fill(title);
    // Enter submits.
    await dialog.getByLabel('Titel').press('Enter');
    await this.page.waitForFunction((t) => document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Forslagets titel"]')?.value === t, title);
  }

  /** Waits until the version's autosave has settled. */
  async saved() {
    await this.page.waitForTimeout(700);
    await this.page.waitForFunction(() => !document.body.innerText.includes('Gemmer …'));
  }

  async linkScenario(name: string) {
    const before = await this.page.getByTestId('scenario-link').count();
    await this.choose(this.page.getByRole('textbox', { name: 'Tilføj opstartsscenarie' }), name);
    await this.page.getByTestId('scenario-link').nth(before).waitFor();
  }
}
