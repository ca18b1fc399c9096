import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { chromiumPrinter } from '../../electron/host/chromium-printer';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { call, jobResult, openTestBackend, settled } from '../helpers/backend';

type Proposal = MethodOutput<'proposals.get'>;

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
  await call(backend, 'demo.load', {});
});
afterEach(() => backend.close());

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>): Promise<string> {
  const result = await backend.call(method, input);
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error.message;
}

const nt1 = async () => {
  const list = await call(backend, 'proposals.list', {});
  return call(backend, 'proposals.get', { id: list.find((p) => p.code === 'NT-1')!.id });
};
const scenarioIds = async (prefix: string) => (await call(backend, 'scenarios.list', {})).filter((s) => s.name.startsWith(prefix)).map((s) => s.id);
const dasMeeting = async (date: string) => (await call(backend, 'meetings.list', {})).find((m) => m.bodyCode === 'DAS' && m.date === date)!;

/** A proposal with the NT-1 v1 figures: its three scenarios, the required fields, and the population key. */
async function createFromNt1(): Promise<Proposal> {
  const created = await call(backend, 'proposals.create', { code: 'NT-9', title: 'Botilbud til unge med svær selvskade' });
  const v1 = created.versions[0]!;
  const ids = await scenarioIds('NT-1 v1');
  await call(backend, 'proposals.updateVersion', {
    id: v1.id,
    revision: v1.revision,
    patch: {
      content: {
        ...v1.content,
        operator: 'Region Nordjylland, Specialsektoren',
        targetGroupPrimary: 'Unge 14–23 år med svær selvskadende adfærd.',
        legalBasis: ['SEL § 66', 'SEL § 107'],
        places: 10,
        tariffModel: 'Takstfinansieret med fire takstniveauer.',
        deficitCoverage: { regionShare: 0, keyLabel: 'Befolkningstal pr. 2. kvartal 2021', coveredYears: 3, billing: '' },
      },
      scenarios: ids.map((scenarioId) => ({ scenarioId, frozenNumber: null })),
      chosenScenarioId: ids[0]!,
    },
  });
  return call(backend, 'proposals.get', { id: created.id });
}

describe('the demo proposal NT-1', () => {
  it('has both versions, v1 locked on frozen scenarios and v2 following its live ones', async () => {
    const proposal = await nt1();
    expect(proposal.versions.map((v) => v.number)).toEqual([1, 2]);
    const [v1, v2] = proposal.versions as [Proposal['versions'][0], Proposal['versions'][0]];
    expect(v1.lockedAt).not.toBeNull();
    expect(v1.scenarios.every((s) => s.frozenNumber === 1)).toBe(true);
    expect(v2.lockedAt).toBeNull();
    expect(v2.scenarios.every((s) => s.frozenNumber === null)).toBe(true);
    expect(v1.content.deficitCoverage.regionShare).toBe(0);
    expect(v2.content.deficitCoverage.regionShare).toBe(0.25);
  });

  it('is linked to the DAS item of 27.05.2021, whose decision («Udsat») it reads, and is revised since', async () => {
    const proposal = await nt1();
    const das = proposal.steps.find((s) => s.item !== null)!;
    expect(das.item).toMatchObject({ meetingDate: '2021-05-27', title: 'Oplæg til tilbud for børn og unge med svær selvskadende adfærd' });
    expect(das).toMatchObject({ bodyCode: 'DAS', versionNumber: 1, outcome: 'udsat', outcomeSource: 'beslutning' });
    expect(proposal.status).toBe('revideret');
    expect(proposal.statusReason).toBe('Version 2 er ikke behandlet endnu');
  });

  it('carries the four consultation responses and BUDK’s remarks; seven municipalities did not answer', async () => {
    const proposal = await nt1();
    expect(proposal.responses.map((r) => r.respondent).sort()).toEqual(expect.arrayContaining(['Aalborg FB', 'Børne- og ungedirektørkredsen']));
    expect(proposal.responses).toHaveLength(5);
    const summary = await call(backend, 'proposals.consultationSummary', { proposalId: proposal.id, versionNumber: 1 });
    expect(summary.notAnswered).toHaveLength(7);
    expect(summary.notAnswered).toContain('Læsø Kommune');
    expect(summary.notAnswered).not.toContain('Aalborg Kommune');
    expect(summary.html).toContain('Har ikke svaret');
    expect(summary.html).toContain('29.04.2021 – 07.05.2021');
  });

  it('computes its money from the engine and shows where the papers’ own sums disagree', async () => {
    const proposal = await nt1();
    const economy = await call(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: 2 });
    expect(economy.missing).toEqual([]);
    const s2 = economy.scenarios[1]!;
    // AT-04: 1,9 + 3,8 + 1,43 = 7,13 mio. kr. (printed 7,16); the Region's 25 % of it.
    expect(s2.totalOre).toBe(713_000_000);
    expect(s2.regionTotalOre).toBe(178_250_000);
    expect(s2.perMunicipality.reduce((sum, m) => sum + m.totalOre, 0)).toBe(s2.municipalTotalOre);
    expect(s2.warnings.join(' ')).toMatch(/Budgetlinjerne/);
  });

  it('is loaded once: a second demo load adds no proposal', async () => {
    expect((await call(backend, 'demo.load', {})).proposals).toBe(0);
    expect((await call(backend, 'proposals.list', {})).filter((p) => p.code === 'NT-1')).toHaveLength(1);
  });
});

describe('bad input gets a Danish message and changes nothing', () => {
  it('names the missing required fields before a version can go on an agenda', async () => {
    const created = await call(backend, 'proposals.create', { code: 'NT-2', title: 'Et halvfærdigt forslag' });
    const meeting = await dasMeeting('2021-08-23');
    const message = await refusal('proposals.putOnAgenda', { proposalId: created.id, versionNumber: 1, meetingId: meeting.id });
    expect(message).toBe(
      'Version 1 kan ikke sættes på dagsordenen, før dette er udfyldt: Driftsherre; Målgruppe (primær); Lovgrundlag; Antal pladser; Takstmodel; Fordelingsnøgle for underskudsdækningen; Mindst ét opstartsscenarie.',
    );
    expect(await call(backend, 'agenda.list', { meetingId: meeting.id })).toEqual([]);
  });

  it('refuses a share above 100 %', async () => {
    const { versions } = await call(backend, 'proposals.create', { code: 'NT-3', title: 'Forslag' });
    const v1 = versions[0]!;
    const message = await refusal('proposals.updateVersion', { id: v1.id, revision: v1.revision, patch: { content: { ...v1.content, deficitCoverage: { ...v1.content.deficitCoverage, regionShare: 1.25 } } } });
    expect(message).toContain('Andelen må ikke være over 100 %');
  });

  it('names the municipality a key lacks, and keeps the version off the agenda', async () => {
    const proposal = await createFromNt1();
    const base = await call(backend, 'scenarios.get', { id: (await scenarioIds('NT-1 v1 – scenarie 1'))[0]! });
    const { ['Læsø Kommune']: _laesoe, ...key } = base.input.split.key;
    // The proposal follows the scenario live: the change says so.
    await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, split: { ...base.input.split, key } } }, confirmedUses: [proposal.versions[0]!.id] });
    const economy = await call(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: 1 });
    expect(economy.missing).toContain('Fordelingsnøglen i scenariet «NT-1 v1 – scenarie 1» mangler Læsø Kommune');
    const meeting = await dasMeeting('2021-08-23');
    expect(await refusal('proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id })).toContain('mangler Læsø Kommune');
  });

  it('refuses scenario years out of order', async () => {
    const base = await call(backend, 'scenarios.get', { id: (await scenarioIds('NT-1 v1 – scenarie 1'))[0]! });
    const years = [{ year: 2025, occupancy: 0.5 }, { year: 2024, occupancy: 1 }, { year: 2026, occupancy: 1 }];
    expect(await refusal('scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, years } } })).toContain('Årene skal stå i stigende rækkefølge');
  });

  it('refuses a chosen scenario that is not among the version’s, and an edit of a locked version', async () => {
    const proposal = await createFromNt1();
    const v1 = proposal.versions[0]!;
    const other = (await scenarioIds('NT-1 v2'))[0]!;
    expect(await refusal('proposals.updateVersion', { id: v1.id, revision: v1.revision, patch: { chosenScenarioId: other } })).toBe('Det valgte scenarie skal være et af versionens scenarier.');
    const locked = (await nt1()).versions[0]!;
    expect(await refusal('proposals.updateVersion', { id: locked.id, revision: locked.revision, patch: { note: 'x' } })).toMatch(/^Version 1 har været på en dagsorden og er låst/);
  });
});

describe('from proposal to decision and back', () => {
  it('puts a version on an agenda, locks it, and follows the decision recorded there', async () => {
    const proposal = await createFromNt1();
    const meeting = await dasMeeting('2021-08-23');
    const { itemId, warnings } = await jobResult(backend, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id }, 'agendaItem');
    // The in-memory test backend has no Chromium: the item is made without its PDF annexes, and says so.
    expect(warnings[0]).toMatch(/Bilagene .* kunne ikke dannes som PDF/);

    const item = await call(backend, 'agenda.get', { id: itemId });
    expect(item.title).toBe('Botilbud til unge med svær selvskade');
    expect(item.kind).toBe('beslutning');
    expect(item.recommendations.map((r) => r.text)).toEqual([
      'DAS godkender oplægget til det nye tilbud.',
      'DAS godkender forslaget til underskudsdækning, hvor kommunerne dækker underskuddet fordelt efter befolkningstal pr. 2. kvartal 2021.',
      'DAS godkender proces for behandling af det nye tilbud.',
    ]);
    expect(item.resume).toContain('10 pladser efter SEL § 66 og SEL § 107');
    expect(item.economy).toContain('Budget ved fuld drift: 22.900.000 kr.');
    expect(item.economy).toContain('Budgetlinjerne');

    expect(await refusal('proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id })).toMatch(/^Version 1 står allerede på dagsordenen til dette møde som punkt \d+\.$/);
    expect((await call(backend, 'agenda.history', { id: itemId }))[0]).toMatchObject({ action: 'oprettet' });

    let after = await call(backend, 'proposals.get', { id: proposal.id });
    expect(after.versions[0]!.lockedAt).not.toBeNull();
    expect(after.versions[0]!.scenarios.every((s) => s.frozenNumber !== null)).toBe(true);
    expect(after.steps).toHaveLength(1);
    expect(after.steps[0]).toMatchObject({ bodyCode: 'DAS', itemId, versionNumber: 1, outcome: null });
    expect(after.status).toBe('under_behandling');
    expect(after.statusReason).toBe('På dagsordenen: DAS 23.08.2021');

    const events: unknown[] = [];
    const unsubscribe = backend.subscribe((event, payload) => events.push({ event, payload }));
    const decision = await call(backend, 'decisions.save', { itemId, revision: null, text: '<p>Ikke godkendt.</p>', outcome: 'ikke_godkendt' });
    unsubscribe();
    // Every window showing the proposal hears that its status may have moved; the item's windows, which records.
    expect(events).toContainEqual({ event: 'data.changed', payload: { entities: ['agenda', 'proposals'], ids: [itemId, meeting.id, decision.id] } });
    after = await call(backend, 'proposals.get', { id: proposal.id });
    expect(after.status).toBe('afvist');
    expect(after.statusReason).toBe('DAS 23.08.2021: Ikke godkendt');

    const revised = await call(backend, 'proposals.revise', { proposalId: proposal.id });
    expect(revised.status).toBe('revideret');
    expect(revised.versions[1]).toMatchObject({ number: 2, lockedAt: null });
    expect(revised.versions[1]!.scenarios.every((s) => s.frozenNumber === null)).toBe(true);
  });

  it('makes one item when the same version is sent to the same meeting twice at once', async () => {
    const proposal = await createFromNt1();
    const meeting = await dasMeeting('2021-08-23');
    const request = { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id };
    const [first, second] = await Promise.all([call(backend, 'proposals.putOnAgenda', request), call(backend, 'proposals.putOnAgenda', request)]);
    const ended = [await settled(backend, first.id), await settled(backend, second.id)];
    expect(ended.map((j) => j.state).sort()).toEqual(['done', 'failed']);
    expect(ended.find((j) => j.state === 'failed')!.error!.message).toMatch(/^Version 1 står allerede på dagsordenen til dette møde som punkt \d+\.$/);
    expect(await call(backend, 'agenda.list', { meetingId: meeting.id })).toHaveLength(1);
  });

  it('keeps a treated version’s figures as they were, while the live scenario changes', async () => {
    const proposal = await createFromNt1();
    const meeting = await dasMeeting('2021-08-23');
    await jobResult(backend, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id }, 'agendaItem');
    const base = await call(backend, 'scenarios.get', { id: (await scenarioIds('NT-1 v1 – scenarie 1'))[0]! });
    await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, startupCosts: 3_000_000 } } });
    const v1 = await call(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: 1 });
    expect(v1.scenarios[0]!.startupCostsOre).toBe(220_000_000);
    await call(backend, 'proposals.revise', { proposalId: proposal.id });
    const v2 = await call(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: 2 });
    expect(v2.scenarios[0]!.startupCostsOre).toBe(300_000_000);
    const diff = await call(backend, 'proposals.diff', { proposalId: proposal.id, from: 1, to: 2 });
    expect(diff.rows.find((r) => r.section === 'Scenarie 1' && r.label === 'Etablering og opstart')).toMatchObject({ from: '2.200.000 kr.', to: '3.000.000 kr.', changed: true });
  });

  it('links a later treatment of the same version to the step planned for that body', async () => {
    const proposal = await createFromNt1();
    const bodies = await call(backend, 'bodies.list', {});
    const id = (code: string) => bodies.find((b) => b.code === code)!.id;
    await call(backend, 'proposals.setSteps', { proposalId: proposal.id, steps: [{ bodyId: id('BUDK'), manualOutcome: 'droeftet' }, { bodyId: id('DAS'), plannedDate: '2021-08-23' }, { bodyId: id('KKR') }] });
    const meeting = await dasMeeting('2021-08-23');
    const { itemId } = await jobResult(backend, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id }, 'agendaItem');
    const steps = (await call(backend, 'proposals.get', { id: proposal.id })).steps;
    expect(steps.map((s) => s.bodyCode)).toEqual(['BUDK', 'DAS', 'KKR']);
    expect(steps[1]).toMatchObject({ itemId, versionNumber: 1 });
    expect(steps[0]).toMatchObject({ outcome: 'droeftet', outcomeSource: 'manuel' });
  });

  it('records and corrects a consultation response, and deletes it with undo (the same record back)', async () => {
    const proposal = await createFromNt1();
    const v1 = proposal.versions[0]!;
    const aalborg = (await call(backend, 'organisations.list', {})).find((o) => o.name === 'Aalborg Kommune')!;
    const saved = await call(backend, 'proposals.saveResponse', { versionId: v1.id, organisationId: aalborg.id, respondent: 'Aalborg Kommune', stance: 'stoetter', text: 'Vi støtter.' });
    const corrected = await call(backend, 'proposals.saveResponse', { id: saved.id, revision: saved.revision, versionId: v1.id, organisationId: aalborg.id, respondent: 'Aalborg Kommune', stance: 'forbehold', text: 'Vi støtter med forbehold.' });
    expect(corrected).toMatchObject({ stance: 'forbehold', revision: 2 });
    await call(backend, 'proposals.deleteResponse', { id: saved.id });
    expect((await call(backend, 'proposals.get', { id: proposal.id })).responses).toEqual([]);
    expect(await call(backend, 'proposals.restoreResponse', { id: saved.id })).toMatchObject({ id: saved.id, stance: 'forbehold', text: 'Vi støtter med forbehold.' });
  });
});

describe('what each municipality pays', () => {
  it('gives every municipality its amount per year, adding up exactly to the municipal part', async () => {
    const proposal = await nt1();
    const { rows, scenarioName } = await call(backend, 'proposals.municipalities', { proposalId: proposal.id, versionNumber: 1 });
    expect(rows).toHaveLength(11);
    const aalborg = rows.find((r) => r.organisationName === 'Aalborg Kommune')!;
    const economy = await call(backend, 'proposals.economy', { proposalId: proposal.id, versionNumber: 1 });
    const chosen = economy.scenarios.find((s) => s.name === scenarioName)!;
    expect(rows.reduce((sum, r) => sum + r.totalOre, 0)).toBe(chosen.municipalTotalOre);
    expect(aalborg.amounts.reduce((sum, a) => sum + a.ore, 0)).toBe(aalborg.totalOre);
  });

  it('exports one municipality’s figures as a workbook with real numbers', async () => {
    const proposal = await nt1();
    const file = await call(backend, 'proposals.exportMunicipality', { proposalId: proposal.id, versionNumber: 2, organisationName: 'Rebild Kommune', format: 'xlsx' });
    expect(file.fileName).toMatch(/Rebild Kommune.*\.xlsx$/);
    const stored = await backend.exports.find(file.exportId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(stored!.path);
    const numbers = book.worksheets[0]!.getSheetValues().flat().filter((v): v is number => typeof v === 'number');
    expect(numbers.length).toBeGreaterThan(2);
  });

  it('refuses a municipality the key does not have', async () => {
    const proposal = await nt1();
    expect(await refusal('proposals.exportMunicipality', { proposalId: proposal.id, organisationName: 'Silkeborg Kommune', format: 'xlsx' })).toMatch(/Silkeborg Kommune indgår ikke i fordelingsnøglen/);
  });
});

describe('with Chromium and a data folder', () => {
  it('attaches the budget, the scenarios, the distribution and the consultation responses as PDFs; a stop while they print leaves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-proposal-'));
    const full = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', printer: chromiumPrinter(), log: { error: () => {} } });
    try {
      await call(full, 'demo.load', {});
      const proposal = (await call(full, 'proposals.list', {})).find((p) => p.code === 'NT-1')!;
      const meeting = (await call(full, 'meetings.list', {})).find((m) => m.bodyCode === 'DAS' && m.date === '2021-08-23')!;
      const v2 = { proposalId: proposal.id, versionNumber: 2, meetingId: meeting.id };

      // Stopped while the annexes print: no item, no file, and v2 neither locked nor frozen.
      const started = await call(full, 'proposals.putOnAgenda', v2);
      expect(started).toMatchObject({ kind: 'proposals.putOnAgenda', state: 'running', cancellable: true });
      await call(full, 'jobs.cancel', { id: started.id });
      expect((await settled(full, started.id)).state).toBe('cancelled');
      expect(await call(full, 'agenda.list', { meetingId: meeting.id })).toEqual([]);
      const untouched = (await call(full, 'proposals.get', { id: proposal.id })).versions[1]!;
      expect(untouched.lockedAt).toBeNull();
      expect(untouched.scenarios.every((s) => s.frozenNumber === null)).toBe(true);

      // v1 has the consultation; it may go on another agenda although locked.
      const { itemId, warnings } = await jobResult(full, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 1, meetingId: meeting.id }, 'agendaItem');
      expect(warnings).toEqual([]);
      const item = await call(full, 'agenda.get', { id: itemId });
      expect(item.attachments.map((a) => a.title)).toEqual(['NT-1 v1: Budget ved fuld drift', 'NT-1 v1: Opstartsscenarier', 'NT-1 v1: Fordeling pr. kommune', 'NT-1 v1: Høringssvar']);
      expect(item.consultation).toContain('Aalborg FB');
      const fordeling = item.attachments[2]!;
      const text = execFileSync('pdftotext', ['-layout', full.files!.pathOf(fordeling.sha256!), '-'], { encoding: 'utf8' });
      expect(text).toContain('Aalborg Kommune');
    } finally {
      await full.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
