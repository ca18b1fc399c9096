import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/backend';
import { todayIso } from '../../shared/format';
import { AgendaPage, MeetingsPage } from './pages/app-page';
import { openPage, useE2eSession, type RunningApp } from './support/app';

const session = useE2eSession();
let app: RunningApp;
beforeEach(() => {
  app = session.app;
});

const nextYear = Number(todayIso().slice(0, 4)) + 1;

/** The calls a page makes, by method name, in order. */
function recordCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const match = /\/rpc\/([^?]+)$/.exec(new URL(request.url()).pathname);
    if (match) calls.push(decodeURIComponent(match[1]!));
  });
  return calls;
}

/**
 * Waits until the page has handled every change event sent so far: a change made outside the window afterwards (the
 * settings, which every window reloads) arrives behind them on the same event stream, so once the window has asked for
 * the settings again, the events before it have been handled. Returns the calls made before that.
 */
async function settled(calls: string[]): Promise<string[]> {
  const before = calls.length;
  await call(app.backend, 'settings.update', { userName: `Mette ${before}` });
  await expect.poll(() => calls.slice(before).includes('settings.get')).toBe(true);
  return calls.slice(0, before);
}

async function meetingWithItems(titles: string[]) {
  await call(app.backend, 'settings.update', { welcomeDone: true });
  const bodies = await call(app.backend, 'bodies.list', {});
  const das = bodies.find((b) => b.code === 'DAS')!.id;
  const meeting = await call(app.backend, 'meetings.create', { bodyId: das, date: `${nextYear}-05-27`, startTime: '13:00', endTime: '16:00' });
  const items = [];
  for (const title of titles) items.push(await call(app.backend, 'agenda.create', { meetingId: meeting.id, title }));
  return { meeting, items };
}

describe('a window reloads only what others changed', () => {
  it('saves an item title with one call, and another window on the same meeting shows the new title', async () => {
    const { meeting, items } = await meetingWithItems(['Socialtilsyn Nords årsrapport', 'Eventuelt']);
    const ui = new AgendaPage(session.page);
    const other = new AgendaPage((await openPage(session.page.context().browser()!)).page);
    await ui.page.goto(app.host.url);
    await ui.page.getByTestId('meeting-row').first().waitFor();
    await other.page.goto(app.host.url);
    await other.page.getByTestId('meeting-row').first().waitFor();
    for (const page of [ui.page, other.page]) await page.goto(`${app.host.origin}/#/moeder/${meeting.id}`);
    await ui.page.locator(`[data-testid="item-editor"][data-item-id="${items[0]!.id}"]`).waitFor();
    await other.item('Socialtilsyn').waitFor();

    const calls = recordCalls(ui.page);
    await settled(calls);
    calls.length = 0;
    await ui.page.getByRole('textbox', { name: 'Titel' }).fill('Socialtilsyn Nords årsrapport 2020');
    await ui.item('årsrapport 2020').waitFor();
    await ui.saved();
    await expect.poll(async () => (await call(app.backend, 'agenda.get', { id: items[0]!.id })).title).toBe('Socialtilsyn Nords årsrapport 2020');
    const made = await settled(calls);
    console.log(`calls for one title edit: ${made.length} (${made.join(', ')})`);
    expect(made).toEqual(['agenda.update']);

    // The other window heard of the change and shows it.
    await other.item('årsrapport 2020').waitFor();
    await other.page.close();
  });

  it('creates a meeting with one call for the meetings, and the bodies (whose meeting counts changed) are read again', async () => {
    const ui = new MeetingsPage(session.page);
    await call(app.backend, 'settings.update', { welcomeDone: true });
    await ui.open(app.host.url);
    const calls = recordCalls(ui.page);
    await settled(calls);
    calls.length = 0;
    await ui.createMeeting({ date: `20.02.${nextYear}`, start: '1300', end: '1500' });
    await ui.editor().waitFor();
    await ui.row(`20. februar ${nextYear}`).waitFor();
    const made = await settled(calls);
    console.log(`calls for one new meeting: ${made.length} (${made.join(', ')})`);
    // The editor that opens on the new meeting reads its participants and the body's members (offered as
    // participants); besides that, the write and the bodies.
    expect(made.filter((m) => m !== 'meetings.attendance' && m !== 'bodies.members')).toEqual(['meetings.create', 'bodies.list']);
  });
});
