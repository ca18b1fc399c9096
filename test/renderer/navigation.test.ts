import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as NavigationModule from '../../renderer/src/stores/navigation';

type Navigation = typeof NavigationModule;

const MEETING = '00000000-0000-4000-8000-00000000000a';
const PROPOSAL = '00000000-0000-4000-8000-00000000000b';
const SCENARIO = '00000000-0000-4000-8000-00000000000c';

/** The window started (or reloaded) at `hash`: the navigation module as it loads on start-up. */
async function startAt(hash: string): Promise<Navigation> {
  history.replaceState(null, '', hash || location.pathname);
  vi.resetModules();
  return import('../../renderer/src/stores/navigation');
}

/** The browser's back or forward button, done when the window has handled it. */
function press(button: 'back' | 'forward'): Promise<void> {
  const handled = new Promise<void>((resolve) => window.addEventListener('popstate', () => setTimeout(resolve), { once: true }));
  history[button]();
  return handled;
}

/** Where the user is: the address and the place the window shows. */
const place = (nav: Navigation) => ({ address: location.hash, ...nav.useNavigation.getState() });

beforeEach(() => history.replaceState(null, '', location.pathname));

describe('navigation (renderer/src/stores/navigation.ts): the address is the place', () => {
  it('lands after a reload where the address says', async () => {
    expect(place(await startAt(`#/takster/${SCENARIO}/version/3`))).toEqual({
      address: `#/takster/${SCENARIO}/version/3`,
      area: 'takster',
      meetingId: null,
      meetingView: 'editor',
      scenarioId: SCENARIO,
      scenarioVersion: 3,
      proposalId: null,
      offerId: null,
      operatorLedgerId: null,
    });
    expect((await startAt(`#/moeder/${MEETING}`)).useNavigation.getState()).toMatchObject({ area: 'moeder', meetingId: MEETING, meetingView: 'editor' });
    expect((await startAt(`#/moeder/${MEETING}/laes`)).useNavigation.getState()).toMatchObject({ area: 'moeder', meetingId: MEETING, meetingView: 'reading' });
    expect((await startAt(`#/forslag/${PROPOSAL}`)).useNavigation.getState()).toMatchObject({ area: 'forslag', proposalId: PROPOSAL });
    expect((await startAt(`#/tilbud/${PROPOSAL}`)).useNavigation.getState()).toMatchObject({ area: 'tilbud', offerId: PROPOSAL, proposalId: null });
    // An operator's 5 % ledger, under the register.
    expect((await startAt(`#/tilbud/driftsherre/${MEETING}`)).useNavigation.getState()).toMatchObject({ area: 'tilbud', operatorLedgerId: MEETING, offerId: null });
  });

  it('falls back to Møder or the area’s list on an address it does not know', async () => {
    expect((await startAt('')).useNavigation.getState()).toMatchObject({ area: 'moeder', meetingId: null });
    expect((await startAt('#/ukendt/noget')).useNavigation.getState()).toMatchObject({ area: 'moeder', meetingId: null });
    expect((await startAt('#/moeder/ikke-et-id')).useNavigation.getState()).toMatchObject({ area: 'moeder', meetingId: null });
    // An id belongs to its own area only; a version number must be a whole number from 1.
    expect((await startAt(`#/forslag/${MEETING}`)).useNavigation.getState()).toMatchObject({ area: 'forslag', proposalId: MEETING, meetingId: null });
    expect((await startAt(`#/takster/${SCENARIO}/version/0`)).useNavigation.getState()).toMatchObject({ scenarioId: SCENARIO, scenarioVersion: null });
    expect((await startAt(`#/takster/${SCENARIO}/version/2x`)).useNavigation.getState()).toMatchObject({ scenarioId: SCENARIO, scenarioVersion: null });
    expect((await startAt('#/tilbud/driftsherre/ikke-et-id')).useNavigation.getState()).toMatchObject({ area: 'tilbud', operatorLedgerId: null, offerId: null });
  });

  it('writes each place into the address, as a step the back button returns to', async () => {
    const nav = await startAt('#/moeder');
    const steps = history.length;
    nav.openMeetingPage(MEETING);
    expect(place(nav)).toMatchObject({ address: `#/moeder/${MEETING}`, area: 'moeder', meetingId: MEETING });
    nav.openScenario(SCENARIO, 2);
    expect(place(nav)).toMatchObject({ address: `#/takster/${SCENARIO}/version/2`, area: 'takster', scenarioId: SCENARIO, scenarioVersion: 2, meetingId: null });
    expect(history.length).toBe(steps + 2);
    // The same place again is no new step.
    nav.openScenario(SCENARIO, 2);
    expect(history.length).toBe(steps + 2);
  });

  it('opens a meeting to be read and, from there, in the editor; the back button returns to the reading', async () => {
    const nav = await startAt('#/moeder');
    nav.openMeetingReading(MEETING);
    expect(place(nav)).toMatchObject({ address: `#/moeder/${MEETING}/laes`, area: 'moeder', meetingId: MEETING, meetingView: 'reading' });
    nav.openMeetingPage(MEETING);
    expect(place(nav)).toMatchObject({ address: `#/moeder/${MEETING}`, meetingId: MEETING, meetingView: 'editor' });
    await press('back');
    expect(place(nav)).toMatchObject({ address: `#/moeder/${MEETING}/laes`, meetingId: MEETING, meetingView: 'reading' });
  });

  it('goes back and forward through the places visited', async () => {
    const nav = await startAt('#/moeder');
    nav.openMeetingPage(MEETING);
    nav.openProposal(PROPOSAL);
    nav.navigate('indstillinger');
    await press('back');
    expect(place(nav)).toMatchObject({ address: `#/forslag/${PROPOSAL}`, area: 'forslag', proposalId: PROPOSAL });
    await press('back');
    expect(place(nav)).toMatchObject({ address: `#/moeder/${MEETING}`, area: 'moeder', meetingId: MEETING, proposalId: null });
    await press('forward');
    expect(place(nav)).toMatchObject({ address: `#/forslag/${PROPOSAL}`, area: 'forslag', proposalId: PROPOSAL });
  });

  it('returns through the menu to the proposal or scenario last open there; Møder opens on its list', async () => {
    const nav = await startAt('#/moeder');
    nav.openProposal(PROPOSAL);
    nav.openScenario(SCENARIO);
    nav.openMeetingPage(MEETING);
    nav.navigate('forslag');
    expect(location.hash).toBe(`#/forslag/${PROPOSAL}`);
    nav.navigate('takster');
    expect(location.hash).toBe(`#/takster/${SCENARIO}`);
    nav.navigate('moeder');
    expect(location.hash).toBe('#/moeder');
    // Back to the list of proposals (here by the back button): the menu then opens the list too.
    nav.openProposal(null);
    nav.navigate('moeder');
    nav.navigate('forslag');
    expect(location.hash).toBe('#/forslag');
    nav.openProposal(PROPOSAL);
    nav.navigate('moeder');
    await press('back');
    await press('back');
    expect(location.hash).toBe('#/forslag');
    nav.navigate('moeder');
    nav.navigate('forslag');
    expect(location.hash).toBe('#/forslag');
  });
});
