import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { AgendaPage } from './pages/app-page';
import { screenshot, useE2eSession } from './support/app';

const session = useE2eSession();
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** A new DAS meeting after one that agreed ten follow-ups: they show on it by themselves. */
async function newMeetingWithFollowUps() {
  const { app } = session;
  await call(app.backend, 'settings.update', { welcomeDone: true, userName: 'Mette Sørensen' });
  const das = (await call(app.backend, 'bodies.list', {})).find((b) => b.code === 'DAS')!;
  const january = await call(app.backend, 'meetings.create', { bodyId: das.id, date: '2027-01-14', startTime: '13:00', endTime: '16:00' });
  const item = await call(app.backend, 'agenda.create', { meetingId: january.id, title: 'Status på rammeaftalen' });
  for (let n = 1; n <= 10; n++) {
    await call(app.backend, 'followUps.create', { itemId: item.id, action: `Sekretariatet giver status på delaftale ${n}`, owner: 'Sekretariatet', dueDate: '2027-03-01' });
  }
  const meeting = await call(app.backend, 'meetings.create', { bodyId: das.id, date: '2027-03-04', startTime: '13:00', endTime: '16:00', location: 'Aalborg' });
  const ui = new AgendaPage(session.page);
  await ui.open(app.host.url);
  await ui.page.goto(`${app.host.origin}/#/moeder/${meeting.id}`);
  await ui.page.getByRole('heading', { name: 'DAS · 4. marts 2027' }).waitFor();
  return ui;
}

describe('a new meeting with follow-ups from earlier meetings', () => {
  it('shows the agenda first and the follow-ups folded into one line under it, which opens', async () => {
    const ui = await newMeetingWithFollowUps();
    await ui.page.getByRole('button', { name: 'Indsæt standardpunkter' }).click();
    await ui.item('Næste møde').waitFor();
    const fold = ui.page.getByRole('button', { name: /^Opfølgninger fra tidligere møder \(\d+\)$/ });
    for (const size of SIZES) {
      await ui.page.setViewportSize(size);
      await screenshot(ui.page, `agenda-follow-ups-folded-${size.width}`);
      // The agenda list scrolls in its own area: its last item, scrolled into view there, is still above the fold.
      await ui.rows().last().scrollIntoViewIfNeeded();
      const last = (await ui.rows().last().boundingBox())!;
      const foldedBelowLast = (await ui.page.getByTestId('meeting-follow-ups').boundingBox())!;
      expect(last.y).toBeLessThan(foldedBelowLast.y);
      await ui.rows().first().scrollIntoViewIfNeeded();
      const first = (await ui.rows().first().boundingBox())!;
      const folded = (await ui.page.getByTestId('meeting-follow-ups').boundingBox())!;
      // The agenda starts right under the page's header, and every item is above the folded line (two where the
      // column is narrow and the font wide).
      expect(first.y).toBeLessThan(300);
      expect(folded.height).toBeLessThan(60);
      expect(folded.y + folded.height).toBeLessThanOrEqual(size.height);
      expect(await fold.getAttribute('aria-expanded')).toBe('false');
    }
    await fold.focus();
    await ui.page.keyboard.press('Enter');
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    await ui.page.getByTestId('meeting-follow-ups').getByRole('button', { name: 'Tag op som punkt' }).first().waitFor();
    await screenshot(ui.page, 'agenda-follow-ups-open-1280');
  });

  it('edits an item’s Indstilling and reservations without stray empty rows, the reservation chosen from the organisations', async () => {
    const ui = await newMeetingWithFollowUps();
    await ui.addItem('Økonomi for det nye botilbud');
    await ui.select('Økonomi for det nye botilbud');
    const { page } = ui;
    await page.getByRole('button', { name: 'Tilføj indstilling' }).click();
    // The focus is in the new point: the space and the words go into it.
    await page.keyboard.type(' DAS godkender budgettet');
    await page.getByRole('button', { name: 'Tilføj indstilling' }).click();
    await page.keyboard.type('DAS godkender takstoverslaget');
    await page.getByRole('button', { name: 'Tilføj indstilling' }).click();
    await page.getByRole('textbox', { name: 'Titel' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: /^Indstilling \d+$/ }).count()).toBe(2);
    const decision = page.getByTestId('decision-panel');
    await decision.getByRole('button', { name: 'Tilføj forbehold' }).click();
    await page.keyboard.type('læs');
    await page.getByRole('option', { name: 'Læsø Kommune' }).waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await decision.getByRole('textbox', { name: 'Forbehold 1 fra' }).scrollIntoViewIfNeeded();
      await screenshot(page, `agenda-reservation-picker-${size.width}`);
    }
    await page.getByRole('option', { name: 'Læsø Kommune' }).click();
    await decision.getByRole('textbox', { name: 'Forbehold 1 tekst' }).fill('forbehold for finansieringen');
    await ui.saved();
    const itemId = (await page.getByTestId('item-editor').getAttribute('data-item-id'))!;
    const saved = await call(session.app.backend, 'agenda.get', { id: itemId });
    expect(saved.recommendations.map((r) => r.text)).toEqual(['DAS godkender budgettet', 'DAS godkender takstoverslaget']);
    const laesoe = (await call(session.app.backend, 'organisations.list', {})).find((o) => o.name === 'Læsø Kommune')!;
    expect(saved.decision?.reservations.map(({ party, organisationId }) => ({ party, organisationId }))).toEqual([{ party: 'Læsø Kommune', organisationId: laesoe.id }]);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.getByRole('textbox', { name: 'Indstilling 1', exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, `agenda-item-rows-${size.width}`);
    }
  });
});

describe('a search hit opened in its meeting', () => {
  it('selects the item, scrolls to the section holding the words and marks them', async () => {
    const { app } = session;
    await call(app.backend, 'demo.load', {});
    await call(app.backend, 'settings.update', { welcomeDone: true, userName: 'Mette Sørensen' });
    const ui = new AgendaPage(session.page);
    const { page } = ui;
    await page.setViewportSize(SIZES[1]);
    await ui.open(app.host.url);
    await ui.goTo('Beslutninger');
    await page.getByRole('textbox', { name: 'Søg' }).fill('Holmstrupgård');
    const hit = page.getByTestId('search-hit').first();
    await hit.waitFor();
    const [found] = (await call(app.backend, 'search.query', { query: 'Holmstrupgård', limit: 1 })).hits;
    await hit.click();

    const editor = page.locator(`[data-testid="item-editor"][data-item-id="${found!.itemId}"]`);
    await editor.waitFor();
    const caseText = editor.locator('.mantine-RichTextEditor-root[aria-label="Sagsfremstilling"]');
    await expect.poll(() => caseText.getAttribute('data-search-hit')).toBe('');
    const marked = () =>
      page.evaluate(() => {
        const highlight = (CSS.highlights as unknown as Map<string, Set<Range>>).get('search-hit');
        const ranges = [...(highlight ?? [])];
        return ranges.map((r) => {
          const box = r.getBoundingClientRect();
          return { text: r.toString(), onScreen: box.top >= 0 && box.bottom <= window.innerHeight };
        });
      });
    await expect.poll(marked).toContainEqual({ text: 'Holmstrupgård', onScreen: true });
    await screenshot(page, 'agenda-search-hit-1280');

    // Typing in the item takes the marks away: they belong to the search, not to the text.
    await caseText.locator('.ProseMirror').press('End');
    await page.keyboard.type(' ');
    await expect.poll(marked).toEqual([]);
    expect(await caseText.getAttribute('data-search-hit')).toBeNull();
  });
});
