import type { Kysely } from 'kysely';
import { listOrganisations } from '../../../db/queries/organisations';
import { getProposalRecord, listResponses, listSteps, listVersionHeads, listVersions, type ProposalRecord, type StepRow, type VersionHead } from '../../../db/queries/proposals';
import { getScenarioRecord, listScenarioVersions } from '../../../db/queries/scenarios';
import type { DB } from '../../../db/schema';
import type { ApprovalStep, ConsultationResponse, Proposal, ProposalSummary, ProposalVersion, VersionEconomy } from '../../../shared/domain/proposal';
import { versionEconomy, type ScenarioSource } from '../../../shared/logic/proposals/economy';
import { proposalStatus } from '../../../shared/logic/proposals/status';
import { AppError, notFound } from '../errors';
import { mustGet as loadScenario } from './scenarios';

/** The approval step as the contract shows it: the outcome from the item's decision, else the one recorded by hand. */
export function toStep(row: StepRow): ApprovalStep {
  const item = row.item && !row.item.deleted ? { meetingId: row.item.meetingId, meetingDate: row.item.meetingDate, itemNumber: row.item.itemNumber, title: row.item.title } : null;
  const outcome = item ? row.decisionOutcome : row.manualOutcome;
  return {
    id: row.id,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    proposalId: row.proposalId,
    position: row.position,
    bodyId: row.bodyId,
    bodyCode: row.bodyCode,
    bodyName: row.bodyName,
    plannedDate: row.plannedDate,
    versionNumber: row.versionNumber,
    itemId: item ? row.itemId : null,
    item,
    outcome,
    outcomeSource: outcome === null ? null : item ? 'beslutning' : 'manuel',
    note: row.note,
  };
}

function summarise(record: ProposalRecord, versions: readonly VersionHead[], steps: readonly ApprovalStep[], today: string): ProposalSummary {
  const latest = versions.at(-1);
  const { status, reason } = proposalStatus({
    latestVersion: latest?.number ?? 0,
    consultation: { start: latest?.consultation.start ?? null, end: latest?.consultation.end ?? null },
    steps: steps.map((s) => ({ position: s.position, bodyCode: s.bodyCode, versionNumber: s.versionNumber, date: s.item?.meetingDate ?? s.plannedDate, onAgenda: s.item !== null, outcome: s.outcome })),
    establishedOn: record.establishedOn,
    today,
  });
  return {
    id: record.id,
    revision: record.revision,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    code: record.code,
    title: record.title,
    status,
    statusReason: reason,
    versionCount: versions.length,
    latestVersion: latest?.number ?? 0,
    establishedOn: record.establishedOn,
  };
}

/** Summaries of many proposals with two queries, not two per proposal, and no version content parsed. */
export async function summariseProposals(db: Kysely<DB>, records: readonly ProposalRecord[], today: string): Promise<ProposalSummary[]> {
  const ids = records.map((r) => r.id);
  const versions = await listVersionHeads(db, ids);
  const steps = (await listSteps(db, ids)).map(toStep);
  return records.map((r) =>
    summarise(
      r,
      versions.filter((v) => v.proposalId === r.id),
      steps.filter((s) => s.proposalId === r.id),
      today,
    ),
  );
}

export async function loadProposal(db: Kysely<DB>, id: string, today: string, options: { includeDeleted?: boolean } = {}): Promise<Proposal> {
  const record = await getProposalRecord(db, id, options);
  if (!record) throw notFound('Forslaget');
  const versions = await listVersions(db, [id]);
  const steps = (await listSteps(db, [id])).map(toStep);
  const responses = await listResponses(db, versions.map((v) => v.id));
  return { ...summarise(record, versions, steps, today), versions, steps, responses };
}

export function versionOf(proposal: Proposal, number: number): ProposalVersion {
  const version = proposal.versions.find((v) => v.number === number);
  if (!version) throw new AppError('NOT_FOUND', `Forslaget har ingen version ${number}.`);
  return version;
}

/** Names of the municipalities of the Socialaftale, in their order: every key must weigh them all. */
export async function municipalityNames(db: Kysely<DB>): Promise<string[]> {
  return (await listOrganisations(db)).filter((o) => o.kind === 'kommune').map((o) => o.name);
}

/** The inputs behind a version's figures: the frozen one where the version went to an agenda, the live one otherwise. */
export async function scenarioSources(db: Kysely<DB>, version: ProposalVersion): Promise<ScenarioSource[]> {
  const sources: ScenarioSource[] = [];
  for (const { scenarioId, frozenNumber } of version.scenarios) {
    // A deleted scenario keeps its frozen versions: a treated version still shows what was treated.
    const record = await getScenarioRecord(db, scenarioId, { includeDeleted: frozenNumber !== null });
    const frozen = frozenNumber === null ? undefined : (await listScenarioVersions(db, scenarioId)).find((v) => v.number === frozenNumber);
    if (frozen) {
      sources.push({ scenarioId, name: record?.name ?? frozen.input.name, frozenNumber, input: frozen.input });
      continue;
    }
    if (!record || record.deletedAt !== null) throw new AppError('NOT_FOUND', `Et scenarie, som version ${version.number} bygger på, findes ikke (længere). Vælg scenarierne igen.`);
    sources.push({ scenarioId, name: record.name, frozenNumber: null, input: (await loadScenario(db, scenarioId)).input });
  }
  return sources;
}

/** A version's money from the engine, from the given scenario inputs or else the ones it links now. */
export async function economyOf(db: Kysely<DB>, version: ProposalVersion, sources?: ScenarioSource[]): Promise<VersionEconomy> {
  return versionEconomy({
    content: version.content,
    scenarios: sources ?? (await scenarioSources(db, version)),
    chosenScenarioId: version.chosenScenarioId,
    municipalities: await municipalityNames(db),
  });
}

/** The expected respondents that have not answered a version's consultation, by name. */
export async function notAnswered(db: Kysely<DB>, version: ProposalVersion, responses: readonly ConsultationResponse[]): Promise<string[]> {
  const organisations = await listOrganisations(db);
  const answered = new Set(responses.filter((r) => r.versionId === version.id).map((r) => r.organisationId));
  return organisations.filter((o) => version.consultation.expectedOrganisationIds.includes(o.id) && !answered.has(o.id)).map((o) => o.name);
}
