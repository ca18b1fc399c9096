import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { insertItem, replaceRecommendations } from '../../../db/queries/agenda';
import { insertAttachment, nextAttachmentPosition } from '../../../db/queries/attachments';
import { listOrganisations } from '../../../db/queries/organisations';
import {
  agendaPositionOfVersion,
  getVersionLock,
  insertProposal,
  insertResponse,
  insertStep,
  getResponse,
  getVersion,
  insertVersion,
  linkStepToItem,
  listProposalRecords,
  replaceSteps,
  responseColumns,
  reviseVersion,
  versionColumns,
  versionIdOfResponse,
} from '../../../db/queries/proposals';
import { setTombstone, updateGuarded } from '../../../db/queries/records';
import { getScenarioRecord } from '../../../db/queries/scenarios';
import type { DB } from '../../../db/schema';
import { ProposalContent, type Consultation, type Proposal, type ProposalVersion, type ScenarioRef, type VersionEconomy } from '../../../shared/domain/proposal';
import { renderProposalAnnexes } from '../../../shared/documents/proposal-annexes';
import { danishCollator } from '../../../shared/format/collate';
import { todayIso } from '../../../shared/format/dates';
import { consultationSummary, proposalItemText } from '../../../shared/logic/proposals/agenda-text';
import { diffVersions } from '../../../shared/logic/proposals/diff';
import { timestamp, type BackendContext } from '../context';
import type { Handlers } from '../dispatch';
import { exportMunicipalityFigures, printProposalAnnexes } from '../documents/proposal-documents';
import { AppError, notFound, stale } from '../errors';
import { throwIfCancelled } from '../jobs';
import { assertEditable, meetingOf, positionBeforeClosingItems, reindexItem } from '../services/agenda';
import { economyOf, loadProposal, notAnswered, scenarioSources, summariseProposals, versionOf } from '../services/proposals';
import { freezeInput } from '../services/scenarios';
import type { WriteScope } from '../write';

type ProposalHandlers = Pick<Handlers, Extract<keyof Handlers, `proposals.${string}`>>;

const EMPTY_CONSULTATION: Consultation = { start: null, end: null, circle: [], expectedOrganisationIds: [] };

const locked = (version: Pick<ProposalVersion, 'number'>) =>
  new AppError('LOCKED', `Version ${version.number} har været på en dagsorden og er låst, så den kan vises, som den blev behandlet. Vælg «Ny version» for at ændre forslaget.`);

/** The consultation responses belong to their version: those of a locked version stay as they were treated. */
async function assertResponsesEditable(db: Kysely<DB>, versionId: string): Promise<void> {
  const version = await getVersionLock(db, versionId);
  if (!version) throw notFound('Versionen');
  if (version.locked_at !== null) throw locked(version);
}

/** Scenario references must point at living scenarios, each once; the chosen one must be among them. */
async function checkScenarios(db: Kysely<DB>, refs: readonly ScenarioRef[], chosen: string | null): Promise<void> {
  const ids = refs.map((r) => r.scenarioId);
  if (new Set(ids).size !== ids.length) throw new AppError('INVALID_INPUT', 'Det samme scenarie er valgt to gange.');
  for (const id of ids) if (!(await getScenarioRecord(db, id))) throw notFound('Et af de valgte scenarier');
  if (chosen !== null && !ids.includes(chosen)) throw new AppError('INVALID_INPUT', 'Det valgte scenarie skal være et af versionens scenarier.');
}

/** Expected respondents must be municipalities or the Region kept here. */
async function checkConsultation(db: Kysely<DB>, consultation: Consultation): Promise<void> {
  const known = new Set((await listOrganisations(db)).map((o) => o.id));
  if (consultation.expectedOrganisationIds.some((id) => !known.has(id))) throw notFound('En af de kommuner, der skal svare,');
}

export const proposalHandlers = (ctx: BackendContext): ProposalHandlers => {
  /** A proposal's write, naming the proposal (and the other records given) in its change event. */
  const write = <T>(ids: readonly string[], work: (trx: Transaction<DB>, scope: WriteScope) => Promise<T>) => ctx.write(['proposals'], work, { ids });
  const today = () => todayIso(ctx.now());
  const load = (id: string, db: Kysely<DB> = ctx.db) => loadProposal(db, id, today());

  async function economyFor(proposalId: string, versionNumber: number) {
    const proposal = await load(proposalId);
    const version = versionOf(proposal, versionNumber);
    const sources = await scenarioSources(ctx.db, version);
    return { proposal, version, sources, economy: await economyOf(ctx.db, version, sources) };
  }

  /** The scenario of a version whose per-municipality figures are wanted: the one asked for, else the chosen one. */
  async function municipalFigures(proposalId: string, versionNumber: number | undefined, scenarioId: string | undefined) {
    const proposal = await load(proposalId);
    const version = versionOf(proposal, versionNumber ?? proposal.latestVersion);
    const economy = await economyOf(ctx.db, version);
    if (economy.errors.length) throw new AppError('INVALID_INPUT', economy.errors[0]!);
    const wanted = scenarioId ?? version.chosenScenarioId ?? version.scenarios[0]?.scenarioId;
    const scenario = economy.scenarios.find((s) => s.scenarioId === wanted);
    if (!scenario) throw new AppError('INVALID_INPUT', `Version ${version.number} har intet scenarie at fordele efter. Vælg versionens scenarier under «Økonomi».`);
    return { proposal, version, scenario };
  }

  return {
    'proposals.list': async () => {
      const summaries = await summariseProposals(ctx.db, await listProposalRecords(ctx.db), today());
      return summaries.sort((a, b) => danishCollator.compare(a.code, b.code));
    },

    'proposals.get': ({ id }) => load(id),

    'proposals.create': async ({ code, title, content }) => {
      const id = ctx.newId();
      await write([id], async (trx) => {
        const now = timestamp(ctx);
        await insertProposal(trx, id, { code, title }, now);
        await insertVersion(trx, ctx.newId(), id, 1, { content, scenarios: [], chosenScenarioId: null, consultation: EMPTY_CONSULTATION, note: '' }, now);
      });
      return load(id);
    },

    'proposals.update': async ({ id, revision, patch }) => {
      const values = {
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.establishedOn !== undefined ? { established_on: patch.establishedOn } : {}),
      };
      await write([id], async (trx) => {
        const outcome = await updateGuarded(trx, 'proposals', id, revision, values, timestamp(ctx));
        if (outcome === 'missing') throw notFound('Forslaget');
        if (outcome === 'stale') throw stale('Forslaget');
      });
      return load(id);
    },

    'proposals.delete': async ({ id }) => {
      await write([id], async (trx) => {
        if (!(await setTombstone(trx, 'proposals', id, true, timestamp(ctx)))) throw notFound('Forslaget');
      });
      return { id };
    },

    'proposals.restore': async ({ id }) => {
      await write([id], async (trx) => {
        if (!(await setTombstone(trx, 'proposals', id, false, timestamp(ctx)))) throw notFound('Det slettede forslag');
      });
      return load(id);
    },

    'proposals.updateVersion': async ({ id, revision, patch }) => {
      await write([id], async (trx, scope) => {
        const version = await getVersion(trx, id);
        if (!version) throw notFound('Versionen');
        scope.announce({ ids: [version.proposalId] });
        if (version.lockedAt !== null) throw locked(version);
        const scenarios = patch.scenarios ?? version.scenarios;
        const chosen = patch.chosenScenarioId !== undefined ? patch.chosenScenarioId : scenarios.some((s) => s.scenarioId === version.chosenScenarioId) ? version.chosenScenarioId : null;
        await checkScenarios(trx, scenarios, chosen);
        if (patch.consultation) await checkConsultation(trx, patch.consultation);
        const outcome = await updateGuarded(trx, 'proposal_versions', id, revision, versionColumns({ ...patch, scenarios, chosenScenarioId: chosen }), timestamp(ctx));
        if (outcome === 'missing') throw notFound('Versionen');
        if (outcome === 'stale') throw stale('Versionen');
      });
      return (await getVersion(ctx.db, id))!;
    },

    'proposals.revise': async ({ proposalId, note }) => {
      await write([proposalId], async (trx) => {
        const proposal = await load(proposalId, trx);
        const latest = proposal.versions.at(-1);
        const content = latest?.content ?? ProposalContent.parse({});
        // The new version follows the live scenarios again; the consultation of the old one stays with it.
        const scenarios = (latest?.scenarios ?? []).map((s) => ({ scenarioId: s.scenarioId, frozenNumber: null }));
        const consultation = { ...EMPTY_CONSULTATION, circle: latest?.consultation.circle ?? [], expectedOrganisationIds: latest?.consultation.expectedOrganisationIds ?? [] };
        await insertVersion(trx, ctx.newId(), proposalId, (latest?.number ?? 0) + 1, { content, scenarios, chosenScenarioId: latest?.chosenScenarioId ?? null, consultation, note }, timestamp(ctx));
      });
      return load(proposalId);
    },

    'proposals.economy': async ({ proposalId, versionNumber }) => (await economyFor(proposalId, versionNumber)).economy,

    'proposals.diff': async ({ proposalId, from, to }) => {
      const proposal = await load(proposalId);
      const side = async (number: number) => {
        const version = versionOf(proposal, number);
        return { content: version.content, consultation: version.consultation, economy: await economyOf(ctx.db, version), chosenScenarioId: version.chosenScenarioId };
      };
      return { rows: diffVersions(await side(from), await side(to)) };
    },

    'proposals.setSteps': async ({ proposalId, steps }) => {
      await write([proposalId], async (trx) => {
        const proposal = await load(proposalId, trx);
        for (const step of steps) {
          if (step.versionNumber !== null) versionOf(proposal, step.versionNumber);
          if (step.itemId !== null && step.manualOutcome !== null) {
            throw new AppError('INVALID_INPUT', 'Et trin med et dagsordenspunkt får sit udfald fra beslutningen på punktet; det kan ikke også angives i hånden.');
          }
        }
        await replaceSteps(trx, proposalId, steps, ctx.newId, timestamp(ctx));
      });
      return (await load(proposalId)).steps;
    },

    'proposals.saveResponse': async ({ id, revision, ...values }) => {
      const responseId = id ?? ctx.newId();
      await write([responseId, values.versionId], async (trx, scope) => {
        await assertResponsesEditable(trx, values.versionId);
        // A response moved here from another version leaves that one too.
        const from = id === undefined ? undefined : await versionIdOfResponse(trx, id);
        if (from && from !== values.versionId) {
          scope.announce({ ids: [from] });
          await assertResponsesEditable(trx, from);
        }
        if (values.organisationId !== null && !(await listOrganisations(trx)).some((o) => o.id === values.organisationId)) throw notFound('Kommunen');
        if (id === undefined) {
          await insertResponse(trx, responseId, values, timestamp(ctx));
          return;
        }
        if (revision === undefined) throw new AppError('INVALID_INPUT', 'Angiv høringssvarets revision for at rette det.');
        const outcome = await updateGuarded(trx, 'consultation_responses', id, revision, responseColumns(values), timestamp(ctx));
        if (outcome === 'missing') throw notFound('Høringssvaret');
        if (outcome === 'stale') throw stale('Høringssvaret');
      });
      return (await getResponse(ctx.db, responseId))!;
    },

    'proposals.deleteResponse': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const versionId = await versionIdOfResponse(trx, id);
        if (versionId) {
          scope.announce({ ids: [versionId] });
          await assertResponsesEditable(trx, versionId);
        }
        if (!(await setTombstone(trx, 'consultation_responses', id, true, timestamp(ctx)))) throw notFound('Høringssvaret');
      });
      return { id };
    },

    'proposals.restoreResponse': async ({ id }) => {
      await write([id], async (trx, scope) => {
        const versionId = await versionIdOfResponse(trx, id);
        if (versionId) {
          scope.announce({ ids: [versionId] });
          await assertResponsesEditable(trx, versionId);
        }
        if (!(await setTombstone(trx, 'consultation_responses', id, false, timestamp(ctx)))) throw notFound('Det slettede høringssvar');
      });
      return (await getResponse(ctx.db, id))!;
    },

    'proposals.consultationSummary': async ({ proposalId, versionNumber }) => {
      const proposal = await load(proposalId);
      const version = versionOf(proposal, versionNumber);
      const missing = await notAnswered(ctx.db, version, proposal.responses);
      return { html: consultationSummary(version, proposal.responses, missing), notAnswered: missing };
    },

    'proposals.putOnAgenda': async ({ proposalId, versionNumber, meetingId, stepId }) => {
      const { proposal, version, sources, economy } = await economyFor(proposalId, versionNumber);
      const meeting = await meetingOf(ctx.db, meetingId);
      await assertEditable(ctx.db, meetingId);
      if (economy.missing.length > 0) {
        throw new AppError('INVALID_INPUT', `Version ${version.number} kan ikke sættes på dagsordenen, før dette er udfyldt: ${economy.missing.join('; ')}.`);
      }
      if (economy.errors.length > 0) throw new AppError('INVALID_INPUT', economy.errors.join(' '));
      await assertNotOnAgenda(ctx.db, proposal.id, version.number, meetingId);
      const step = stepId === undefined ? undefined : proposal.steps.find((s) => s.id === stepId);
      if (stepId !== undefined && !step) throw notFound('Trinnet i godkendelsesvejen');

      const missingAnswers = await notAnswered(ctx.db, version, proposal.responses);
      const text = proposalItemText({ code: proposal.code, title: proposal.title, version, economy, responses: proposal.responses, notAnswered: missingAnswers, steps: proposal.steps, bodyCode: meeting.body_code });

      return ctx.jobs.start('proposals.putOnAgenda', 'Danner bilagene', async (job) => {
        // The annexes are printed before anything is written, so a stop leaves nothing behind.
        const warnings: string[] = [];
        const annexes = await printAnnexes(proposal, version, economy, missingAnswers, warnings, (index, count) => job.progress(`Danner bilag ${index + 1} af ${count}`, index / (count + 1)));
        throwIfCancelled(job.signal);
        job.pointOfNoReturn('Opretter punktet på dagsordenen');
        const store = ctx.files;
        const files: { title: string; fileName: string; sha256: string }[] = [];
        for (const annex of annexes) {
          const file = await store!.storeStream(Readable.from([Buffer.from(annex.bytes)]), annex.fileName);
          files.push({ title: annex.title, fileName: file.fileName, sha256: file.sha256 });
        }
        const itemId = ctx.newId();
        await ctx.write(['proposals', 'agenda', 'scenarios'], async (trx, scope) => {
          const now = timestamp(ctx);
          await assertEditable(trx, meetingId);
          // Again inside the transaction: a second job for the same version and meeting may have finished meanwhile.
          await assertNotOnAgenda(trx, proposal.id, version.number, meetingId);
          // The item and its annexes show the version as it was when they were made; one edited since is not locked on them.
          if ((await getVersion(trx, version.id))?.revision !== version.revision) {
            throw new AppError('CONFLICT', `Version ${version.number} blev ændret, mens bilagene blev dannet, så punktet ikke ville vise den, som den er nu. Intet er sat på dagsordenen; prøv igen.`);
          }
          await insertItem(trx, itemId, { meetingId, title: text.title, kind: 'beslutning', closed: false, resume: text.resume, caseText: text.caseText, economy: text.economy, consultation: text.consultation }, await positionBeforeClosingItems(trx, meetingId), now);
          await replaceRecommendations(trx, itemId, text.recommendations, ctx.newId, now);
          await scope.history({ at: now, entity: 'punkt', entityId: itemId, meetingId, itemId, action: 'oprettet', changes: { title: { before: null, after: text.title }, forslag: { before: null, after: `${proposal.code} version ${version.number}` } } });
          for (const file of files) {
            await insertAttachment(trx, { id: ctx.newId(), itemId, position: await nextAttachmentPosition(trx, itemId), title: file.title, fileName: file.fileName, sha256: file.sha256, closed: false }, now);
          }
          // The version is kept as treated: its scenarios frozen (once) as the annexes were printed from them, even if a
          // scenario has changed since (with the user's consent), and the version locked.
          const scenarios: ScenarioRef[] = [];
          for (const [index, ref] of version.scenarios.entries()) {
            if (ref.frozenNumber !== null) scenarios.push(ref);
            else {
              scenarios.push({ scenarioId: ref.scenarioId, frozenNumber: (await freezeInput(trx, ref.scenarioId, sources[index]!.input, `${proposal.code} v${version.number} på dagsordenen`, ctx.newId(), now)).number });
              scope.announce({ ids: [ref.scenarioId] });
            }
          }
          await reviseVersion(trx, version.id, { scenarios, lockedAt: version.lockedAt ?? now }, now);
          await linkStep(trx, proposal, step?.id, { bodyId: meeting.body_id, date: meeting.date, versionNumber: version.number, itemId }, ctx.newId, now);
          await reindexItem(trx, itemId);
        }, { ids: [proposal.id, version.id, itemId, meetingId] });
        return { type: 'agendaItem', itemId, warnings };
      });
    },

    'proposals.municipalities': async ({ proposalId, versionNumber, scenarioId }) => {
      const { scenario } = await municipalFigures(proposalId, versionNumber, scenarioId);
      return { scenarioId: scenario.scenarioId, scenarioName: scenario.name, rows: scenario.perMunicipality };
    },

    'proposals.exportMunicipality': async ({ proposalId, versionNumber, scenarioId, organisationName, format }) => {
      const { proposal, version, scenario } = await municipalFigures(proposalId, versionNumber, scenarioId);
      const municipality = scenario.perMunicipality.find((m) => m.organisationName === organisationName);
      if (!municipality) throw new AppError('INVALID_INPUT', `${organisationName} indgår ikke i fordelingsnøglen i scenariet «${scenario.name}».`);
      const input = { code: proposal.code, title: proposal.title, versionNumber: version.number, scenario, municipality, keyLabel: version.content.deficitCoverage.keyLabel, regionShare: scenario.regionShare, madeOn: today() };
      return exportMunicipalityFigures(input, format, { printer: ctx.printer, store: ctx.exports });
    },
  };

  /** Prints the annexes (nothing stored yet); where no PDF can be printed, the item is made without them. */
  async function printAnnexes(proposal: Proposal, version: ProposalVersion, economy: VersionEconomy, missing: readonly string[], warnings: string[], onProgress: (index: number, count: number) => void) {
    if (!ctx.files || !ctx.printer) {
      warnings.push('Bilagene (budget, scenarier, fordeling og høringssvar) kunne ikke dannes som PDF her. Punktet er oprettet uden dem.');
      return [];
    }
    const responses = proposal.responses.filter((r) => r.versionId === version.id);
    const rendered = renderProposalAnnexes({ code: proposal.code, title: proposal.title, versionNumber: version.number, content: version.content, consultation: version.consultation, economy, chosenScenarioId: version.chosenScenarioId, responses, notAnswered: missing });
    const printed = await printProposalAnnexes(rendered, ctx.printer, (index) => onProgress(index, rendered.length));
    // The agenda numbers its attachments «Bilag N»; the title does not say «Bilag» again.
    return printed.map((annex) => ({ ...annex, title: annex.title.replace(/^Bilag – /, '') }));
  }
};

/** The same version goes on a meeting's agenda once (a double click, a second window). */
async function assertNotOnAgenda(db: Kysely<DB>, proposalId: string, versionNumber: number, meetingId: string): Promise<void> {
  const position = await agendaPositionOfVersion(db, proposalId, versionNumber, meetingId);
  if (position !== undefined) throw new AppError('CONFLICT', `Version ${versionNumber} står allerede på dagsordenen til dette møde som punkt ${position}.`);
}

/**
 * Links the item to its step of the approval route: the step named, else the first open step of the meeting's body
 * for this version (or for no version yet), else a new step at the end.
 */
async function linkStep(
  db: Kysely<DB>,
  proposal: Proposal,
  stepId: string | undefined,
  { bodyId, date, versionNumber, itemId }: { bodyId: string; date: string; versionNumber: number; itemId: string },
  newId: () => string,
  now: string,
): Promise<void> {
  const open = proposal.steps.find((s) => s.bodyId === bodyId && s.itemId === null && (s.versionNumber === null || s.versionNumber === versionNumber));
  const target = stepId ?? open?.id;
  if (target === undefined) {
    const position = (proposal.steps.at(-1)?.position ?? 0) + 1;
    await insertStep(db, newId(), proposal.id, position, { bodyId, plannedDate: date, versionNumber, itemId, manualOutcome: null, note: '' }, now);
    return;
  }
  await linkStepToItem(db, target, { itemId, versionNumber, plannedDate: date }, now);
}
