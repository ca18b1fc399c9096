import type { Kysely, Transaction } from 'kysely';
import { Readable } from 'node:stream';
import { findBodyByCode, insertBody, setBodyDeleted } from '../../../db/queries/bodies';
import { getItemRow, insertItem, listRecommendations, replaceGuests, replaceRecommendations } from '../../../db/queries/agenda';
import { insertAttachment } from '../../../db/queries/attachments';
import { insertDecision, replaceReservations, savePointOutcomes } from '../../../db/queries/decisions';
import { insertFollowUp } from '../../../db/queries/follow-ups';
import { getMeetingRow, insertMeeting, setMeetingDeleted } from '../../../db/queries/meetings';
import { getScenarioRecord, insertScenario, setScenarioDeleted } from '../../../db/queries/scenarios';
import { listOrganisations } from '../../../db/queries/organisations';
import { getProposalRecord, insertProposal, insertResponse, insertStep, insertVersion, setVersionLockedAt } from '../../../db/queries/proposals';
import { setTombstone } from '../../../db/queries/records';
import type { Outcome } from '../../../shared/domain/agenda';
import { Consultation, ProposalContent } from '../../../shared/domain/proposal';
import { ScenarioInput } from '../../../shared/domain/scenario';
import { listMembers, listRelations, replaceMembers, replaceRelations } from '../../../db/queries/people';
import type { RelationKind } from '../../../shared/domain/body';
import type { DB } from '../../../db/schema';
import { DEFAULT_BODIES, type ReferenceBody } from '../../../shared/domain/reference-data';
import type { FileStore } from '../files/file-store';
import { SEKRETARIAT_NAMESPACE, stableId } from '../stable-id';
import { reindexItem } from '../services/agenda';
import { DAS_2021, DAS_NEXT_MEETING_ID } from './content/das-2021';
import { PSU_2024, PSU_BODY } from './content/psu-2024';
import { DEMO_PROPOSAL } from './content/proposal-nt1';
import { DEMO_SCENARIOS } from './content/scenarios';
import type { DemoItem, DemoMeeting } from './content/types';
import { demoAnnexPdf } from './demo-pdf';
import { insertReferenceOrganisations } from '../services/reference-data';
import { freezeScenario } from '../services/scenarios';
import { sanitizeRichText } from '../services/rich-text';
import { recordDemoBase } from '../exchange/identity';
import { seedTariffYear } from './tariff-year';

/** Chef groups that appear in the 2021 DAS papers (domain.md §1.7), and the PSU of file 003. */
const DEMO_BODIES: readonly ReferenceBody[] = [
  ...DEFAULT_BODIES,
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000a1',
    code: 'PHC',
    name: 'Psykiatri- og handicapchefkredsen',
    description: 'Chefnetværk med indstillingskompetence til DAS; høringspart for nye tilbud.',
  },
  {
    id: '3f0c2a4e-5b7d-4c1e-8f6a-0000000000a2',
    code: 'BUDK',
    name: 'Børne- og ungedirektørkredsen',
    description: 'Direktørkreds for børne- og ungeområdet; medopdragsgiver på tilbud til børn og unge.',
  },
  PSU_BODY,
];

/** The planned meeting announced in the minutes of 27.05.2021 (002:900); a header without items. */
const NEXT_DAS_MEETING: DemoMeeting = {
  id: DAS_NEXT_MEETING_ID,
  bodyCode: 'DAS',
  date: '2021-08-23',
  startTime: '13:00',
  endTime: '16:00',
  location: '',
  status: 'planlagt',
  note: 'Ny lokation meldes ud; mødet holdes som udgangspunkt fysisk (beslutning 27. maj 2021, punkt 11).',
  items: [],
};

/** In date order per body: each meeting's "Godkendelse af referat" approves the one before it. */
export const DEMO_MEETINGS: readonly DemoMeeting[] = [...DAS_2021, NEXT_DAS_MEETING, ...PSU_2024];

export interface DemoResult {
  bodies: number;
  organisations: number;
  meetings: number;
  items: number;
  scenarios: number;
  proposals: number;
}

const idOf = (...parts: (string | number)[]) => stableId(SEKRETARIAT_NAMESPACE, `demo/${parts.join('/')}`);

/** Prints every annex to a small PDF and stores it; returns the file of each annex by its demo key. */
export async function storeDemoAnnexes(store: FileStore | null): Promise<DemoAnnexes> {
  const files = new Map<string, { sha256: string; fileName: string }>();
  if (!store) return files;
  for (const meeting of DEMO_MEETINGS) {
    for (const [i, item] of meeting.items.entries()) {
      for (const [a, annex] of (item.attachments ?? []).entries()) {
        const bytes = await demoAnnexPdf(annex.title, annex.text);
        const stored = await store.storeStream(Readable.from([Buffer.from(bytes)]), annex.fileName);
        files.set(`${meeting.id}/${i}/${a}`, { sha256: stored.sha256, fileName: stored.fileName });
      }
    }
  }
  return files;
}

export type DemoAnnexes = Map<string, { sha256: string; fileName: string }>;

/**
 * Loads the demo set: bodies, municipalities, the DAS meetings of 2021 and the PSU meetings of 2024 in full, and the
 * tariff year's offers, results and sheets.
 * Files are stored first (no file work inside the transaction); the rows go in one transaction.
 * Fixed ids make a second load add nothing.
 */
export async function loadDemoData(db: Kysely<DB>, now: string, store: FileStore | null = null): Promise<DemoResult> {
  const annexes = await storeDemoAnnexes(store);
  return db.transaction().execute((trx) => insertDemoData(trx, now, annexes));
}

/** The demo's rows, in the caller's transaction; its annex files were stored before by `storeDemoAnnexes`. */
export async function insertDemoData(trx: Transaction<DB>, now: string, annexes: DemoAnnexes): Promise<DemoResult> {
  const organisations = await insertReferenceOrganisations(trx, now);
  let bodies = 0;
  const bodyIdByCode = new Map<string, string>();
  for (const body of DEMO_BODIES) {
    if (await insertBody(trx, body.id, body, now, { ifAbsent: true })) bodies++;
    else await setBodyDeleted(trx, body.id, false, now);
    // A body the user created with the same code takes the demo meetings.
    bodyIdByCode.set(body.code, (await findBodyByCode(trx, body.code))?.id ?? body.id);
  }
  await seedPeople(trx, bodyIdByCode, now);
  let meetings = 0;
  let items = 0;
  const previousByBody = new Map<string, string>();
  for (const meeting of DEMO_MEETINGS) {
    const { id, bodyCode, items: demoItems, participants: _participants, ...values } = meeting;
    const bodyId = bodyIdByCode.get(bodyCode)!;
    if (await insertMeeting(trx, id, { ...values, bodyId }, now, { ifAbsent: true })) meetings++;
    else if (await setMeetingDeleted(trx, id, false, now)) meetings++;
    for (const [index, item] of demoItems.entries()) {
      if (await insertDemoItem(trx, meeting, index, item, previousByBody.get(bodyCode) ?? null, annexes, now)) items++;
    }
    previousByBody.set(bodyCode, id);
  }
  const scenarios = await seedScenarios(trx, now);
  const proposals = await seedProposal(trx, bodyIdByCode, now);
  // The tariff year: the Region's offers of the 2020 annual reports and illustrative municipal offers (issue 17).
  await seedTariffYear(trx, now);
  await recordDemoBase(trx, now);
  return { bodies, organisations, meetings, items, scenarios, proposals };
}

/** The NT-1 scenarios of v1 and v2 (bases with their variants); a deleted one comes back, an edited one is left alone. */
async function seedScenarios(db: Kysely<DB>, now: string): Promise<number> {
  let added = 0;
  const idByName = new Map(DEMO_SCENARIOS.map((s) => [s.name, idOf('scenario', s.name)]));
  for (const scenario of DEMO_SCENARIOS) {
    const id = idByName.get(scenario.name)!;
    const existing = await getScenarioRecord(db, id, { includeDeleted: true });
    if (existing) {
      if (existing.deletedAt && (await setScenarioDeleted(db, id, false, now))) added++;
      continue;
    }
    const values = scenario.base
      ? { name: scenario.name, baseId: idByName.get(scenario.base)!, input: null, overrides: scenario.overrides ?? {} }
      : { name: scenario.name, baseId: null, input: ScenarioInput.parse({ ...scenario.input, name: scenario.name }), overrides: {} };
    await insertScenario(db, id, values, now);
    added++;
  }
  return added;
}

/**
 * NT-1 (domain.md §2) with both versions, v1's consultation responses and BUDK's remarks, and its approval route
 * linked to the DAS item of 27.05.2021. v1 went to that agenda, so it is locked on frozen copies of its scenarios;
 * v2 still follows its live scenarios. A deleted NT-1 comes back; an edited one is left alone.
 */
async function seedProposal(db: Kysely<DB>, bodyIdByCode: Map<string, string>, now: string): Promise<number> {
  const proposalId = idOf('proposal', DEMO_PROPOSAL.code);
  const existing = await getProposalRecord(db, proposalId, { includeDeleted: true });
  if (existing) return existing.deletedAt !== null && (await setTombstone(db, 'proposals', proposalId, false, now)) ? 1 : 0;

  const organisations = await listOrganisations(db);
  const organisationId = (name: string) => {
    const found = organisations.find((o) => o.name === name);
    if (!found) throw new Error(`Demo: no organisation ${name}`);
    return found.id;
  };
  const municipalityIds = organisations.filter((o) => o.kind === 'kommune').map((o) => o.id);
  const scenarioId = (name: string) => idOf('scenario', name);
  // A treated version was locked when it went on its first agenda; the demo dates that to the meeting's morning, so
  // that two laptops loading the demo hold equal rows (no conflicts when they exchange).
  const lockedAt = new Map<number, string>();
  for (const step of DEMO_PROPOSAL.steps) {
    if (step.item === null || step.versionNumber === null || lockedAt.has(step.versionNumber)) continue;
    const meeting = await getMeetingRow(db, step.item.meetingId);
    if (!meeting) throw new Error(`Demo: no meeting ${step.item.meetingId}`);
    lockedAt.set(step.versionNumber, `${meeting.date}T07:00:00.000Z`);
  }

  await insertProposal(db, proposalId, { code: DEMO_PROPOSAL.code, title: DEMO_PROPOSAL.title }, now);
  const versionIds = new Map<number, string>();
  for (const version of DEMO_PROPOSAL.versions) {
    const id = idOf('proposal', DEMO_PROPOSAL.code, 'version', version.number);
    versionIds.set(version.number, id);
    const locked = lockedAt.get(version.number);
    const scenarios = [];
    for (const name of version.scenarios) {
      const frozen = locked ? await freezeScenario(db, scenarioId(name), `${DEMO_PROPOSAL.code} v${version.number} på dagsordenen`, idOf('scenario-version', name, version.number), now, 'Demodata') : null;
      scenarios.push({ scenarioId: scenarioId(name), frozenNumber: frozen?.number ?? null });
    }
    const { expected, ...consultation } = version.consultation;
    await insertVersion(db, id, proposalId, version.number, {
      content: ProposalContent.parse(version.content),
      scenarios,
      chosenScenarioId: scenarioId(version.chosenScenario),
      consultation: Consultation.parse({ ...consultation, expectedOrganisationIds: expected === 'kommuner' ? municipalityIds : expected.map(organisationId) }),
      note: version.note,
    }, now);
    if (locked) await setVersionLockedAt(db, id, locked);
  }
  const dasItemId = (() => {
    const step = DEMO_PROPOSAL.steps.find((s) => s.item !== null);
    return step?.item ? idOf(step.item.meetingId, 'item', step.item.index) : null;
  })();
  for (const [n, response] of DEMO_PROPOSAL.responses.entries()) {
    await insertResponse(db, idOf('proposal', DEMO_PROPOSAL.code, 'response', n), {
      versionId: versionIds.get(response.version)!,
      organisationId: response.organisationName === null ? null : organisationId(response.organisationName),
      respondent: response.respondent,
      receivedOn: response.receivedOn,
      stance: response.stance,
      text: response.text,
      itemId: response.annexedToDasItem ? dasItemId : null,
    }, now);
  }
  for (const [n, step] of DEMO_PROPOSAL.steps.entries()) {
    const bodyId = bodyIdByCode.get(step.bodyCode);
    if (!bodyId) throw new Error(`Demo: no body ${step.bodyCode}`);
    await insertStep(db, idOf('proposal', DEMO_PROPOSAL.code, 'step', n), proposalId, n + 1, {
      bodyId,
      plannedDate: step.plannedDate,
      versionNumber: step.versionNumber,
      itemId: step.item ? idOf(step.item.meetingId, 'item', step.item.index) : null,
      manualOutcome: step.manualOutcome,
      note: step.note,
    }, now);
  }
  return 1;
}

/** Relations of domain.md §1.7 and the PSU's chair and vice-chair (003); only where a body has none yet. */
async function seedPeople(db: Kysely<DB>, bodyIdByCode: Map<string, string>, now: string) {
  const id = (code: string) => bodyIdByCode.get(code)!;
  const relations: [string, string, RelationKind][] = [['FU', 'DAS', 'forbereder'], ['DAS', 'KKR', 'refererer_til'], ['PHC', 'DAS', 'raadgiver'], ['BUDK', 'DAS', 'raadgiver']];
  const existing = await listRelations(db);
  for (const [from, to, kind] of relations) {
    if (existing.some((r) => r.fromBodyId === id(from))) continue;
    await replaceRelations(db, id(from), [{ toBodyId: id(to), kind }], () => idOf('relation', from, to), now);
  }
  if ((await listMembers(db, id('PSU'))).length === 0) {
    let n = 0;
    await replaceMembers(db, id('PSU'), [
      { name: 'Jacob Klærke', organisation: 'Danske Regioner', role: 'formand' },
      { name: 'Vibeke Gamst', organisation: 'Danske Regioner', role: 'næstformand' },
    ], () => idOf('member', 'PSU', n++), now);
  }
}

async function insertDemoItem(
  db: Kysely<DB>,
  meeting: DemoMeeting,
  index: number,
  item: DemoItem,
  previousMeetingId: string | null,
  annexes: Map<string, { sha256: string; fileName: string }>,
  now: string,
): Promise<boolean> {
  const itemId = idOf(meeting.id, 'item', index);
  if (await getItemRow(db, itemId, { includeDeleted: true })) return false;
  await insertItem(db, itemId, {
    meetingId: meeting.id,
    title: item.title,
    kind: item.kind,
    standing: item.standing ?? null,
    closed: item.closed,
    closedTitleVisible: item.closedTitleVisible,
    caseNumber: item.caseNumber,
    caseOfficer: item.caseOfficer,
    resume: sanitizeRichText(item.resume ?? ''),
    caseText: sanitizeRichText(item.caseText ?? ''),
    economy: sanitizeRichText(item.economy ?? ''),
    consultation: sanitizeRichText(item.consultation ?? ''),
    approvesMeetingId: item.standing === 'godkendelse_referat' ? previousMeetingId : null,
  }, undefined, now);
  let seq = 0;
  const childId = () => idOf(itemId, seq++);
  await replaceRecommendations(db, itemId, item.recommendations ?? [], childId, now);
  await replaceGuests(db, itemId, item.guests ?? [], childId, now);

  if (item.decision) {
    const decisionId = idOf(itemId, 'decision');
    await insertDecision(db, { id: decisionId, itemId, text: sanitizeRichText(item.decision.text), outcome: item.decision.outcome }, now);
    const recommendations = await listRecommendations(db, itemId);
    const outcomes: Record<string, Outcome> = {};
    for (const [p, outcome] of (item.decision.pointOutcomes ?? []).entries()) {
      const recommendation = recommendations[p];
      if (recommendation) outcomes[recommendation.id] = outcome;
    }
    await savePointOutcomes(db, decisionId, outcomes, childId, now);
    await replaceReservations(db, decisionId, (item.decision.reservations ?? []).map((r) => ({ party: r.party, organisationId: null, text: r.text })), childId, now);
  }
  const bodyId = (await getMeetingRow(db, meeting.id))!.body_id;
  for (const f of item.followUps ?? []) {
    // Follow-ups of minutes approved long ago are done; the newest meeting's are still open.
    const status = meeting.status === 'referat_godkendt' ? 'afsluttet' : 'aaben';
    await insertFollowUp(db, { id: childId(), itemId, bodyId, action: f.action, owner: f.owner, dueDate: f.dueDate ?? null, dueMeetingId: null, status }, now);
  }
  for (const [a, annex] of (item.attachments ?? []).entries()) {
    const file = annexes.get(`${meeting.id}/${index}/${a}`);
    await insertAttachment(db, { id: idOf(itemId, 'attachment', a), itemId, position: a + 1, title: annex.title, fileName: file?.fileName ?? annex.fileName, sha256: file?.sha256 ?? null, closed: Boolean(annex.closed || item.closed), version: 1, replacesId: null }, now);
  }
  await reindexItem(db, itemId);
  return true;
}
