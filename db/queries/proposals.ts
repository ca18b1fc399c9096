import { sql, type Kysely, type Selectable } from 'kysely';
import type { Outcome } from '../../shared/domain/agenda';
import {
  Consultation,
  ProposalContent,
  ScenarioRef,
  type ApprovalStepInput,
  type ConsultationResponse,
  type ProposalVersion,
  type Stance,
} from '../../shared/domain/proposal';
import type { ConsultationResponsesTable, DB, ProposalsTable, ProposalVersionsTable } from '../schema';
import { toMeta } from './records';

/** A proposal row as stored (its status is derived elsewhere). */
export interface ProposalRecord {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  code: string;
  title: string;
  establishedOn: string | null;
}

export async function listProposalRecords(db: Kysely<DB>): Promise<ProposalRecord[]> {
  const rows = await db.selectFrom('proposals').selectAll().where('deleted_at', 'is', null).execute();
  return rows.map(toProposal);
}

export async function getProposalRecord(db: Kysely<DB>, id: string, options: { includeDeleted?: boolean } = {}): Promise<ProposalRecord | undefined> {
  let query = db.selectFrom('proposals').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const row = await query.executeTakeFirst();
  return row && toProposal(row);
}

const toProposal = (row: Selectable<ProposalsTable>): ProposalRecord => ({
  ...toMeta(row),
  deletedAt: row.deleted_at,
  code: row.code,
  title: row.title,
  establishedOn: row.established_on,
});

export async function insertProposal(db: Kysely<DB>, id: string, values: { code: string; title: string }, now: string): Promise<void> {
  await db.insertInto('proposals').values({ id, code: values.code, title: values.title, established_on: null, created_at: now, updated_at: now }).execute();
}

/** Every version of the proposals given (living ones), by proposal and number. */
export async function listVersions(db: Kysely<DB>, proposalIds: readonly string[]): Promise<ProposalVersion[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .selectFrom('proposal_versions')
    .selectAll()
    .where('proposal_id', 'in', [...proposalIds])
    .where('deleted_at', 'is', null)
    .orderBy('proposal_id')
    .orderBy('number')
    .execute();
  return rows.map(toVersion);
}

/** One living version by its id. */
export async function getVersion(db: Kysely<DB>, id: string): Promise<ProposalVersion | undefined> {
  const row = await db.selectFrom('proposal_versions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && toVersion(row);
}

const toVersion = (row: Selectable<ProposalVersionsTable>): ProposalVersion => ({
  ...toMeta(row),
  proposalId: row.proposal_id,
  number: row.number,
  // Parsed, not cast: defaults fill fields a version written by an older build lacks.
  content: ProposalContent.parse(JSON.parse(row.content)),
  scenarios: ScenarioRef.array().parse(JSON.parse(row.scenarios)),
  chosenScenarioId: row.chosen_scenario_id,
  consultation: Consultation.parse(JSON.parse(row.consultation)),
  lockedAt: row.locked_at,
  note: row.note,
});

/** A living proposal version linking one of the scenarios asked about, live (frozenNumber null) or frozen. */
export interface ScenarioUseRow {
  proposalId: string;
  proposalCode: string;
  versionId: string;
  versionNumber: number;
  scenarioId: string;
  scenarioName: string;
  frozenNumber: number | null;
}

/** The living proposal versions that link any of these scenarios, by proposal code, version and link order. */
export async function listScenarioUses(db: Kysely<DB>, scenarioIds: readonly string[]): Promise<ScenarioUseRow[]> {
  if (scenarioIds.length === 0) return [];
  const { rows } = await sql<ScenarioUseRow>`
    SELECT p.id AS proposalId, p.code AS proposalCode, v.id AS versionId, v.number AS versionNumber,
           s.id AS scenarioId, s.name AS scenarioName, json_extract(r.value, '$.frozenNumber') AS frozenNumber
    FROM proposal_versions v
    JOIN proposals p ON p.id = v.proposal_id AND p.deleted_at IS NULL
    JOIN json_each(v.scenarios) r
    JOIN scenarios s ON s.id = json_extract(r.value, '$.scenarioId')
    WHERE v.deleted_at IS NULL AND s.id IN (${sql.join([...scenarioIds])})
    ORDER BY p.code, v.number, r.key`.execute(db);
  return rows;
}

/** What a proposal's status needs of its versions: number and consultation period, without parsing the content. */
export interface VersionHead {
  proposalId: string;
  number: number;
  consultation: { start: string | null; end: string | null };
}

export async function listVersionHeads(db: Kysely<DB>, proposalIds: readonly string[]): Promise<VersionHead[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .selectFrom('proposal_versions')
    .select(['proposal_id', 'number'])
    .select((eb) => [
      eb.fn<string | null>('json_extract', ['consultation', eb.val('$.start')]).as('start'),
      eb.fn<string | null>('json_extract', ['consultation', eb.val('$.end')]).as('end'),
    ])
    .where('proposal_id', 'in', [...proposalIds])
    .where('deleted_at', 'is', null)
    .orderBy('proposal_id')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, number: r.number, consultation: { start: r.start ?? null, end: r.end ?? null } }));
}

export interface VersionValues {
  content: ProposalContent;
  scenarios: ScenarioRef[];
  chosenScenarioId: string | null;
  consultation: Consultation;
  note: string;
}

export async function insertVersion(db: Kysely<DB>, id: string, proposalId: string, number: number, values: VersionValues, now: string): Promise<void> {
  await db
    .insertInto('proposal_versions')
    .values({
      id,
      proposal_id: proposalId,
      number,
      content: JSON.stringify(values.content),
      scenarios: JSON.stringify(values.scenarios),
      chosen_scenario_id: values.chosenScenarioId,
      consultation: JSON.stringify(values.consultation),
      note: values.note,
      locked_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Columns of a version update, its JSON written. */
export function versionColumns(values: Partial<VersionValues> & { lockedAt?: string }): Record<string, unknown> {
  return {
    ...(values.content !== undefined ? { content: JSON.stringify(values.content) } : {}),
    ...(values.scenarios !== undefined ? { scenarios: JSON.stringify(values.scenarios) } : {}),
    ...(values.chosenScenarioId !== undefined ? { chosen_scenario_id: values.chosenScenarioId } : {}),
    ...(values.consultation !== undefined ? { consultation: JSON.stringify(values.consultation) } : {}),
    ...(values.note !== undefined ? { note: values.note } : {}),
    ...(values.lockedAt !== undefined ? { locked_at: values.lockedAt } : {}),
  };
}

/** A step with what it links to: the body, the item's meeting and number, and the decision's outcome. */
export interface StepRow {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  proposalId: string;
  position: number;
  bodyId: string;
  bodyCode: string;
  bodyName: string;
  plannedDate: string | null;
  versionNumber: number | null;
  itemId: string | null;
  manualOutcome: Outcome | null;
  note: string;
  item: { meetingId: string; meetingDate: string; itemNumber: number; title: string; deleted: boolean } | null;
  decisionOutcome: Outcome | null;
}

export async function listSteps(db: Kysely<DB>, proposalIds: readonly string[]): Promise<StepRow[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .selectFrom('approval_steps as s')
    .innerJoin('bodies as b', 'b.id', 's.body_id')
    .leftJoin('agenda_items as i', 'i.id', 's.item_id')
    .leftJoin('meetings as m', 'm.id', 'i.meeting_id')
    .leftJoin('decisions as d', (join) => join.onRef('d.item_id', '=', 's.item_id').on('d.deleted_at', 'is', null))
    .select([
      's.id', 's.revision', 's.created_at', 's.updated_at', 's.proposal_id', 's.position', 's.body_id', 's.planned_date', 's.version_number', 's.item_id', 's.manual_outcome', 's.note',
      'b.code as body_code', 'b.name as body_name',
      'i.title as item_title', 'i.position as item_position', 'i.deleted_at as item_deleted', 'i.meeting_id as item_meeting_id',
      'm.date as meeting_date', 'm.deleted_at as meeting_deleted',
      'd.outcome as decision_outcome',
    ])
    .where('s.proposal_id', 'in', [...proposalIds])
    .where('s.deleted_at', 'is', null)
    .orderBy('s.proposal_id')
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    proposalId: r.proposal_id,
    position: r.position,
    bodyId: r.body_id,
    bodyCode: r.body_code,
    bodyName: r.body_name,
    plannedDate: r.planned_date,
    versionNumber: r.version_number,
    itemId: r.item_id,
    manualOutcome: r.manual_outcome as Outcome | null,
    note: r.note,
    item:
      r.item_id !== null && r.item_meeting_id !== null && r.meeting_date !== null
        ? { meetingId: r.item_meeting_id, meetingDate: r.meeting_date, itemNumber: r.item_position ?? 0, title: r.item_title ?? '', deleted: r.item_deleted !== null || r.meeting_deleted !== null }
        : null,
    decisionOutcome: r.item_deleted === null && r.meeting_deleted === null ? ((r.decision_outcome as Outcome | null) ?? null) : null,
  }));
}

/**
 * Replaces a proposal's route, keeping each position's record: the step at position n is updated in place (so two
 * laptops editing a route clash step by step instead of both keeping a full route), extra steps are added and steps
 * beyond the new end get tombstones.
 */
export async function replaceSteps(db: Kysely<DB>, proposalId: string, steps: readonly ApprovalStepInput[], newId: () => string, now: string): Promise<void> {
  const existing = await db.selectFrom('approval_steps').select(['id', 'position']).where('proposal_id', '=', proposalId).where('deleted_at', 'is', null).orderBy('position').execute();
  for (const [index, step] of steps.entries()) {
    const current = existing[index];
    if (!current) {
      await insertStep(db, newId(), proposalId, index + 1, step, now);
      continue;
    }
    await db
      .updateTable('approval_steps')
      .set((eb) => ({ ...stepColumns(step), position: index + 1, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('id', '=', current.id)
      .execute();
  }
  const surplus = existing.slice(steps.length).map((r) => r.id);
  if (surplus.length > 0) {
    await db.updateTable('approval_steps').set((eb) => ({ deleted_at: now, updated_at: now, revision: eb('revision', '+', 1) })).where('id', 'in', surplus).execute();
  }
}

const stepColumns = (step: ApprovalStepInput) => ({
  body_id: step.bodyId,
  planned_date: step.plannedDate,
  version_number: step.versionNumber,
  item_id: step.itemId,
  manual_outcome: step.itemId === null ? step.manualOutcome : null,
  note: step.note,
});

export async function insertStep(db: Kysely<DB>, id: string, proposalId: string, position: number, step: ApprovalStepInput, now: string): Promise<void> {
  await db
    .insertInto('approval_steps')
    .values({
      id,
      proposal_id: proposalId,
      position,
      ...stepColumns(step),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function listResponses(db: Kysely<DB>, versionIds: readonly string[]): Promise<ConsultationResponse[]> {
  if (versionIds.length === 0) return [];
  const rows = await db.selectFrom('consultation_responses').selectAll().where('version_id', 'in', [...versionIds]).where('deleted_at', 'is', null).orderBy('respondent').execute();
  return rows.map(toResponse);
}

/** One living response by its id. */
export async function getResponse(db: Kysely<DB>, id: string): Promise<ConsultationResponse | undefined> {
  const row = await db.selectFrom('consultation_responses').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row && toResponse(row);
}

const toResponse = (r: Selectable<ConsultationResponsesTable>): ConsultationResponse => ({
  ...toMeta(r),
  versionId: r.version_id,
  organisationId: r.organisation_id,
  respondent: r.respondent,
  receivedOn: r.received_on,
  stance: r.stance as Stance,
  text: r.text,
  itemId: r.item_id,
});

export interface ResponseValues {
  versionId: string;
  organisationId: string | null;
  respondent: string;
  receivedOn: string | null;
  stance: Stance;
  text: string;
  itemId: string | null;
}

export const responseColumns = (v: ResponseValues) => ({
  version_id: v.versionId,
  organisation_id: v.organisationId,
  respondent: v.respondent,
  received_on: v.receivedOn,
  stance: v.stance,
  text: v.text,
  item_id: v.itemId,
});

export async function insertResponse(db: Kysely<DB>, id: string, values: ResponseValues, now: string): Promise<void> {
  await db.insertInto('consultation_responses').values({ id, ...responseColumns(values), created_at: now, updated_at: now }).execute();
}

/** Number and lock of a living version (whether its consultation responses may still change). */
export async function getVersionLock(db: Kysely<DB>, versionId: string) {
  return db.selectFrom('proposal_versions').select(['number', 'locked_at']).where('id', '=', versionId).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The version of a consultation response, also of a deleted one. */
export async function versionIdOfResponse(db: Kysely<DB>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('consultation_responses').select('version_id').where('id', '=', id).executeTakeFirst())?.version_id;
}

/** The position on a meeting's agenda of the live item that treats this version of the proposal, if there is one. */
export async function agendaPositionOfVersion(db: Kysely<DB>, proposalId: string, versionNumber: number, meetingId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('approval_steps as s')
    .innerJoin('agenda_items as i', 'i.id', 's.item_id')
    .select('i.position')
    .where('s.proposal_id', '=', proposalId)
    .where('s.version_number', '=', versionNumber)
    .where('s.deleted_at', 'is', null)
    .where('i.meeting_id', '=', meetingId)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.position;
}

/** Writes a version's columns as a revision of it, whatever revision it has (the caller has checked it). */
export async function reviseVersion(db: Kysely<DB>, id: string, values: Partial<VersionValues> & { lockedAt?: string }, now: string): Promise<void> {
  await db.updateTable('proposal_versions').set((eb) => ({ ...versionColumns(values), updated_at: now, revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
}

/** Sets when a version was locked without making a new revision of it (the demo's history, equal on every laptop). */
export async function setVersionLockedAt(db: Kysely<DB>, id: string, lockedAt: string): Promise<void> {
  await db.updateTable('proposal_versions').set({ locked_at: lockedAt }).where('id', '=', id).execute();
}

/** Points a step of the approval route at the item that treats it (its outcome then comes from the item's decision). */
export async function linkStepToItem(db: Kysely<DB>, stepId: string, link: { itemId: string; versionNumber: number; plannedDate: string }, now: string): Promise<void> {
  await db
    .updateTable('approval_steps')
    .set((eb) => ({ item_id: link.itemId, manual_outcome: null, version_number: link.versionNumber, planned_date: link.plannedDate, updated_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', stepId)
    .execute();
}

/** True when a living step of some proposal's approval route is treated by this item. */
export async function itemIsOnApprovalRoute(db: Kysely<DB>, itemId: string): Promise<boolean> {
  return (await db.selectFrom('approval_steps').select('id').where('item_id', '=', itemId).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}
