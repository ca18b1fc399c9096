import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AgendaItem, AgendaItemSummary, Decision, FollowUp } from '../../shared/domain/agenda';
import type { Member } from '../../shared/domain/body';
import type { Meeting } from '../../shared/domain/meeting';
import type { Organisation } from '../../shared/domain/organisation';
import { setApi, type Api } from '../../renderer/src/api/client';
import { DecisionPanel } from '../../renderer/src/features/agenda/DecisionPanel';
import { MeetingFollowUps } from '../../renderer/src/features/agenda/FollowUpsPanel';
import { ItemEditor } from '../../renderer/src/features/agenda/ItemEditor';
import { moveItem, useAgenda } from '../../renderer/src/features/agenda/store';
import { AttendanceEditor } from '../../renderer/src/features/meetings/AttendanceEditor';
import { useMeetings } from '../../renderer/src/features/meetings/store';
import { useReference } from '../../renderer/src/stores/reference';
import { renderInWindow } from './render';

// Generous on purpose: the autosave waits for a pause in the typing, and the machine may be busy.
const SAVED = { timeout: 60_000 };
const META = { revision: 1, createdAt: '2026-12-07T10:00:00Z', updatedAt: '2026-12-07T10:00:00Z' };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const MEETING = uuid(900);
const BODY = uuid(901);

const summary = (n: number, title: string): AgendaItemSummary => ({
  id: uuid(n), ...META, meetingId: MEETING, number: n, title, kind: 'beslutning', standing: null, closed: false, closedTitleVisible: false, hasDecision: false,
});
const itemOf = (s: AgendaItemSummary): AgendaItem => ({
  ...s, caseNumber: '', caseOfficer: '', resume: '', caseText: '', economy: '', consultation: '', recommendations: [], guests: [], decision: null, attachments: [], approvesMeetingId: null, postponedFromItemId: null,
});
const organisation = (n: number, name: string): Organisation => ({ id: uuid(n), ...META, name, kind: name.startsWith('Region') ? 'region' : 'kommune', population: null, children: null });
const ORGANISATIONS = [organisation(501, 'Aalborg Kommune'), organisation(502, 'Læsø Kommune'), organisation(503, 'Region Nordjylland')];

/** The backend as far as these screens reach it: the calls are recorded, the answers are the test's. */
let calls: { method: string; input: unknown }[];
let answers: Partial<{ [M in MethodName]: (input: MethodInput<M>) => MethodOutput<M> }>;
const sent = <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>);

beforeEach(() => {
  calls = [];
  answers = {
    'followUps.list': () => [],
    'bodies.members': () => [],
  };
  setApi({
    call: async (method: MethodName, input: unknown) => {
      calls.push({ method, input });
      const answer = answers[method] as ((input: unknown) => unknown) | undefined;
      if (!answer) throw new Error(`no answer for ${method}`);
      return answer(input);
    },
    on: () => () => {},
  } as unknown as Api);
  useAgenda.setState({ meetingId: MEETING, items: [], followUps: [], selectedId: null, selected: null, hit: null });
  useReference.setState({ organisations: ORGANISATIONS });
  useMeetings.setState({ items: [{ id: MEETING, bodyId: BODY } as Meeting], loaded: true });
});

const valueOf = (field: HTMLElement) => (field as HTMLInputElement).value;
/** Whether the user sees an element: nothing around it is hidden. */
function shown(element: HTMLElement): boolean {
  for (let e: HTMLElement | null = element; e; e = e.parentElement) {
    if (getComputedStyle(e).display === 'none' || e.getAttribute('aria-hidden') === 'true') return false;
  }
  return true;
}

/** An item on screen in its editor, whose saves the backend takes. */
/** The item as the backend holds it after the editor's saves. */
let stored: AgendaItem;

function editItem(item: AgendaItem) {
  let current = item;
  stored = item;
  answers['agenda.update'] = ({ patch }) => {
    current = { ...current, ...patch, recommendations: (patch.recommendations ?? current.recommendations.map((r) => r.text)).map((text, i) => ({ id: uuid(700 + i), text })), guests: current.guests, revision: current.revision + 1 };
    stored = current;
    return current;
  };
  useAgenda.setState({ items: [item], selectedId: item.id, selected: item });
  renderInWindow(<ItemEditor item={item} locked={false} hidden={[]} />);
  return userEvent.setup();
}

describe('the agenda editor’s rows added with «Tilføj …»', () => {
  it('puts the focus in the new Indstilling, so a space typed next is text and not a second empty point', async () => {
    const user = editItem(itemOf(summary(1, 'Økonomi')));
    await user.click(screen.getByRole('button', { name: 'Tilføj indstilling' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Indstilling 1' }));
    await user.keyboard(' DAS');
    expect(screen.queryByRole('textbox', { name: 'Indstilling 2' })).toBeNull();
    expect(valueOf(screen.getByRole('textbox', { name: 'Indstilling 1' }))).toBe(' DAS');
  });

  it('removes an empty Indstilling when the focus leaves it, and saves the item without it', async () => {
    const user = editItem({ ...itemOf(summary(1, 'Økonomi')), recommendations: [{ id: uuid(700), text: 'DAS godkender budgettet' }] });
    await user.click(screen.getByRole('button', { name: 'Tilføj indstilling' }));
    await user.click(screen.getByRole('textbox', { name: 'Titel' }));
    expect(screen.queryByRole('textbox', { name: 'Indstilling 2' })).toBeNull();
    expect(valueOf(screen.getByRole('textbox', { name: 'Indstilling 1' }))).toBe('DAS godkender budgettet');
    // Whether the empty point was saved before it went depends on the autosave's pause; what is stored once the next
    // edit has been saved must not hold it.
    await user.keyboard(' 2027');
    await waitFor(() => expect(stored.title).toBe('Økonomi 2027'), SAVED);
    expect(stored.recommendations.map((r) => r.text)).toEqual(['DAS godkender budgettet']);
  });

  it('keeps an Indstilling that has text when the focus leaves it', async () => {
    const user = editItem(itemOf(summary(1, 'Økonomi')));
    await user.click(screen.getByRole('button', { name: 'Tilføj indstilling' }));
    await user.keyboard('DAS tager');
    await user.click(screen.getByRole('textbox', { name: 'Titel' }));
    expect(valueOf(screen.getByRole('textbox', { name: 'Indstilling 1' }))).toBe('DAS tager');
  });
});

describe('the item editor’s header after the agenda is reordered', () => {
  it('shows the item’s new number at once when it is dragged to another place', async () => {
    const items = [summary(1, 'Godkendelse af dagsorden'), summary(2, 'Økonomi'), summary(3, 'Eventuelt')];
    answers['agenda.move'] = () => [items[2]!, items[0]!, items[1]!].map((i, n) => ({ ...i, number: n + 1 }));
    const item = itemOf(items[2]!);
    useAgenda.setState({ items, selectedId: item.id, selected: item });
    renderInWindow(<ItemEditor item={item} locked={false} hidden={[]} />);
    expect(screen.getByTestId('item-number').textContent).toBe('Punkt 3.');
    await act(() => moveItem(item.id, 1));
    expect(screen.getByTestId('item-number').textContent).toBe('Punkt 1.');
  });
});

describe('the follow-ups from earlier meetings on a new meeting', () => {
  const followUp = (n: number): FollowUp =>
    ({ id: uuid(800 + n), ...META, itemId: uuid(1), action: `Opfølgning nummer ${n}`, owner: 'FU', dueDate: null, status: 'aaben', origin: { meetingId: uuid(902), bodyCode: 'DAS', meetingDate: '2021-05-27', itemNumber: n } }) as unknown as FollowUp;

  it('fold into one line that opens from the keyboard and says whether it is open', async () => {
    useAgenda.setState({ followUps: Array.from({ length: 10 }, (_, n) => followUp(n + 1)) });
    renderInWindow(<MeetingFollowUps meetingId={MEETING} locked={false} />);
    const fold = screen.getByRole('button', { name: 'Opfølgninger fra tidligere møder (10)' });
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(shown(screen.getByText('Opfølgning nummer 1'))).toBe(false);
    fold.focus();
    await userEvent.setup().keyboard('{Enter}');
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(shown(screen.getByText('Opfølgning nummer 10'))).toBe(true), SAVED);
  });
});

describe('reservations («forbehold») chosen from the organisations', () => {
  function decide(decision: Decision | null = null) {
    let revision = 0;
    answers['decisions.save'] = (input) => ({ id: uuid(600), ...META, revision: ++revision, text: input.text, outcome: input.outcome ?? null, pointOutcomes: {}, reservations: (input.reservations ?? []).map((r, i) => ({ id: uuid(610 + i), ...r, organisationId: r.organisationId ?? null, text: r.text ?? '' })) });
    answers['agenda.list'] = () => [];
    renderInWindow(<DecisionPanel item={{ ...itemOf(summary(1, 'Økonomi')), decision }} locked={false} />);
    return userEvent.setup();
  }

  it('puts the focus in the new reservation’s «fra», and removes the reservation when it is left empty', async () => {
    const user = decide();
    await user.click(screen.getByRole('button', { name: 'Tilføj forbehold' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Forbehold 1 fra' }));
    await user.click(screen.getByRole('button', { name: 'Tilføj forbehold' }));
    // Leaving the empty one for the button removed it; the button then made one new row.
    expect(screen.getAllByRole('textbox', { name: /^Forbehold \d fra$/ })).toHaveLength(1);
  });

  it('offers the municipalities and the region, and saves the one chosen with its organisation, so the register’s filter finds it', async () => {
    const user = decide();
    await user.click(screen.getByRole('button', { name: 'Tilføj forbehold' }));
    await user.keyboard('Aal');
    await user.click(await screen.findByRole('option', { name: 'Aalborg Kommune', hidden: true }));
    expect(valueOf(screen.getByRole('textbox', { name: 'Forbehold 1 fra' }))).toBe('Aalborg Kommune');
    await waitFor(() => expect(sent('decisions.save').at(-1)?.reservations).toEqual([{ party: 'Aalborg Kommune', organisationId: uuid(501), text: '' }]), SAVED);
  });

  it('turns a typed organisation into its proper name when the field is left («laesoe» is Læsø Kommune)', async () => {
    const user = decide();
    await user.click(screen.getByRole('button', { name: 'Tilføj forbehold' }));
    await user.keyboard('laesoe');
    await user.click(screen.getByRole('textbox', { name: 'Forbehold 1 tekst' }));
    await user.keyboard('finansieringen');
    expect(valueOf(screen.getByRole('textbox', { name: 'Forbehold 1 fra' }))).toBe('Læsø Kommune');
    await waitFor(() => expect(sent('decisions.save').at(-1)?.reservations).toEqual([{ party: 'Læsø Kommune', organisationId: uuid(502), text: 'finansieringen' }]), SAVED);
  });

  it('still shows a reservation typed as free text before', () => {
    decide({ id: uuid(600), ...META, text: '', outcome: null, pointOutcomes: {}, reservations: [{ id: uuid(610), party: 'Læsø og Morsø kommuner', organisationId: null, text: 'politisk opbakning' }] });
    expect(valueOf(screen.getByRole('textbox', { name: 'Forbehold 1 fra' }))).toBe('Læsø og Morsø kommuner');
  });
});

describe('a meeting’s participants', () => {
  const members: Member[] = [{ id: uuid(401), name: 'Mette Sørensen', organisation: 'Aalborg Kommune', role: 'Direktør' }];

  it('says why «Hent organets medlemmer» fetched no one when the body has no members', async () => {
    answers['meetings.attendance'] = () => [];
    answers['meetings.attendanceFromMembers'] = () => [];
    renderInWindow(<AttendanceEditor meetingId={MEETING} locked={false} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Hent organets medlemmer' }));
    expect((await screen.findByText(/Organet har ingen medlemmer endnu/)).textContent).toContain('Indstillinger → Organer');
  });

  it('are chosen from the body’s members, the organisation coming along', async () => {
    answers['meetings.attendance'] = () => [];
    answers['bodies.members'] = () => members;
    answers['meetings.setAttendance'] = () => [];
    renderInWindow(<AttendanceEditor meetingId={MEETING} locked={false} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tilføj deltager' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Deltager 1 navn' }));
    await user.keyboard('Mette');
    await user.click(await screen.findByRole('option', { name: 'Mette Sørensen', hidden: true }));
    expect(valueOf(screen.getByRole('textbox', { name: 'Deltager 1 organisation' }))).toBe('Aalborg Kommune');
  });
});
