import { create } from 'zustand';

export const AREAS = ['moeder', 'beslutninger', 'forslag', 'takster', 'tilbud', 'udveksling', 'indstillinger'] as const;
export type Area = (typeof AREAS)[number];

interface NavigationState {
  area: Area;
  /** The meeting open in Møder (#/moeder/<id>), if any. */
  meetingId: string | null;
  /** How it is open: in the editor (#/moeder/<id>) or as the papers are read (#/moeder/<id>/laes). */
  meetingView: 'editor' | 'reading';
  /** The scenario open in Takstscenarier (#/takster/<id>), if any. */
  scenarioId: string | null;
  /** A frozen version of it shown instead of the live scenario (#/takster/<id>/version/<n>). */
  scenarioVersion: number | null;
  /** The proposal open in Forslag til nye tilbud (#/forslag/<id>), if any. */
  proposalId: string | null;
  /** The offer open in Tilbudsregister (#/tilbud/<id>), if any. */
  offerId: string | null;
  /** The operator whose 5 % ledger is open (#/tilbud/driftsherre/<id>), if any. */
  operatorLedgerId: string | null;
}

function parse(hash: string): NavigationState {
  const [name, id, sub, number] = hash.replace(/^#\/?/, '').split('/');
  const area = (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'moeder';
  const isId = (text: string | undefined): text is string => text !== undefined && /^[0-9a-f-]{36}$/.test(text);
  const recordId = isId(id) ? id : null;
  const scenarioId = area === 'takster' ? recordId : null;
  return {
    area,
    meetingId: area === 'moeder' ? recordId : null,
    meetingView: area === 'moeder' && recordId && sub === 'laes' ? 'reading' : 'editor',
    scenarioId,
    scenarioVersion: scenarioId && sub === 'version' && /^[1-9][0-9]*$/.test(number ?? '') ? Number(number) : null,
    proposalId: area === 'forslag' ? recordId : null,
    offerId: area === 'tilbud' ? recordId : null,
    operatorLedgerId: area === 'tilbud' && id === 'driftsherre' && isId(sub) ? sub : null,
  };
}

/** The current place, mirrored in the address fragment so reloads and links land in the same place. */
export const useNavigation = create<NavigationState>(() => parse(location.hash));

/**
 * Areas that show their list beside the open record return to that record through the menu (Alt+3 back from the
 * agenda finds the proposal as it was left); Møder opens on its list of meetings.
 */
const lastOpen: Partial<Record<'forslag' | 'takster', string>> = {};

function remember(state: NavigationState) {
  if (state.area === 'forslag') lastOpen.forslag = state.proposalId ?? undefined;
  if (state.area === 'takster') lastOpen.takster = state.scenarioId ?? undefined;
}

function go(hash: string) {
  if (location.hash !== hash) history.pushState(null, '', hash);
  const state = parse(hash);
  remember(state);
  useNavigation.setState(state);
}

export const navigate = (area: Area) => {
  const record = area === 'forslag' || area === 'takster' ? lastOpen[area] : undefined;
  go(record ? `#/${area}/${record}` : `#/${area}`);
};
export const openMeetingPage = (meetingId: string) => go(`#/moeder/${meetingId}`);
export const openMeetingReading = (meetingId: string) => go(`#/moeder/${meetingId}/laes`);
export const openScenario = (scenarioId: string | null, version: number | null = null) =>
  go(scenarioId ? `#/takster/${scenarioId}${version !== null ? `/version/${version}` : ''}` : '#/takster');
export const openProposal = (proposalId: string | null) => go(proposalId ? `#/forslag/${proposalId}` : '#/forslag');
export const openOffer = (offerId: string | null) => go(offerId ? `#/tilbud/${offerId}` : '#/tilbud');
export const openOperatorLedger = (operatorId: string) => go(`#/tilbud/driftsherre/${operatorId}`);

remember(useNavigation.getState());
window.addEventListener('popstate', () => {
  const state = parse(location.hash);
  remember(state);
  useNavigation.setState(state);
});
