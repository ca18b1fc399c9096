import { beforeEach, describe, expect, it } from 'vitest';
import { DAS_NEXT_MEETING_ID } from '../../electron/backend/demo/content/das-2021';
import { AgendaPage } from './pages/app-page';
import { screenshot, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession({ demo: true });
let app: RunningApp;
let ui: AgendaPage;
beforeEach(async () => {
  app = session.app;
  ui = new AgendaPage(session.page);
  // The demo holds the sheets of 2022 as submitted and DAS's planned meeting of 23.08.2021.
  await ui.open(app.host.url);
});

describe('the takstbilag on a DAS meeting', () => {
  it('is put on the agenda from the meeting, and the decision there approves the year\'s sheets', async () => {
    const { page } = ui;
    await page.goto(`${app.host.origin}/#/moeder/${DAS_NEXT_MEETING_ID}`);
    await page.getByRole('heading', { name: 'DAS · 23. august 2021' }).waitFor();
    await page.getByRole('button', { name: 'Indsæt standardpunkter' }).click();
    await ui.item('Næste møde').waitFor();
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      // Under a full agenda and the follow-ups, still in view.
      await expect.poll(() => page.getByRole('button', { name: 'Takstbilag …' }).isVisible()).toBe(true);
      await screenshot(page, `takstbilag-moede-${width}`);
    }
    await page.getByRole('button', { name: 'Takstbilag …' }).click();
    const dialog = ui.dialog('Takstbilag');
    // Next year's tariffs are approved at the year's meetings.
    expect(await dialog.getByRole('textbox', { name: 'Takstår' }).inputValue()).toBe('2022');
    await screenshot(page, 'takstbilag-dialog');
    await dialog.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
    await ui.item('Takstbilag 2022').waitFor();
    // Before the closing standing items, as the papers order them.
    const titles = await ui.titles();
    expect(titles.findIndex((t) => t.includes('Takstbilag 2022'))).toBe(titles.findIndex((t) => t.includes('Eventuelt')) - 1);
    const editor = page.getByTestId('item-editor');
    await expect.poll(() => editor.getByRole('textbox', { name: 'Indstilling 1' }).inputValue()).toBe('DAS godkender takstbilaget for 2022');
    expect(await editor.innerText()).toContain('8 tilbud hos 5 driftsherrer');
    expect(await editor.innerText()).toContain('Takstbilag 2022.pdf');
    await screenshot(page, 'takstbilag-punkt');

    const item = (await app.backend.call('agenda.list', { meetingId: DAS_NEXT_MEETING_ID })) as { ok: true; data: { id: string; title: string }[] };
    const itemId = item.data.find((i) => i.title === 'Takstbilag 2022')!.id;
    const decided = await app.backend.call('decisions.save', { itemId, revision: null, text: '<p>Takstbilaget godkendes.</p>', outcome: 'godkendt' });
    expect(decided.ok).toBe(true);
    const sheets = await app.backend.database.db.selectFrom('tariff_sheets').select(['status', 'approved_item_id']).where('year', '=', 2022).execute();
    expect(sheets.every((s) => s.status === 'approved' && s.approved_item_id === itemId)).toBe(true);
  });
});
