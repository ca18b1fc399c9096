import { create } from 'zustand';

export const AREAS = ['moeder', 'beslutninger', 'forslag', 'takster', 'udveksling', 'indstillinger'] as const;
export type Area = (typeof AREAS)[number];

interface NavigationState {
  area: Area;
  /** The meeting open in Møder (#/moeder/<id>), if any. */
  meetingId: string | null;
  /** The scenario open in Takstscenarier (#/takster/<id>), if any. */
  scenarioId: string | null;
  /** The proposal open in Tilbud og forslag (#/forslag/<id>), if any. */
  proposalId: string | null;
}

function parse(hash: string): NavigationState {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  const area = (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'moeder';
  const recordId = id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
  return {
    area,
    meetingId: area === 'moeder' ? recordId : null,
    scenarioId: area === 'takster' ? recordId : null,
    proposalId: area === 'forslag' ? recordId : null,
  };
}

/** The current place, mirrored in the address fragment so reloads and links land in the same place. */
export const useNavigation = create<NavigationState>(() => parse(location.hash));

function go(hash: string) {
  if (location.hash !== hash) history.pushState(null, '', hash);
  useNavigation.setState(parse(hash));
}

export const navigate = (area: Area) => go(`#/${area}`);
export const openMeetingPage = (meetingId: string) => go(`#/moeder/${meetingId}`);
export const openScenario = (scenarioId: string | null) => go(scenarioId ? `#/takster/${scenarioId}` : '#/takster');
export const openProposal = (proposalId: string | null) => go(proposalId ? `#/forslag/${proposalId}` : '#/forslag');

window.addEventListener('popstate', () => useNavigation.setState(parse(location.hash)));
