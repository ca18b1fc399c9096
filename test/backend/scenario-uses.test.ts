import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { PdfPrinter } from '../../electron/backend/documents/printer';
import { chromiumPrinter } from '../../electron/host/chromium-printer';
import type { MethodOutput } from '../../shared/contract';
import { call, openTestBackend, settled } from '../helpers/backend';

type Scenario = MethodOutput<'scenarios.get'>;

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
  await call(backend, 'demo.load', {});
});
afterEach(() => backend.close());

const scenario = async (name: string, on = backend): Promise<Scenario> => {
  const summary = (await call(on, 'scenarios.list', {})).find((s) => s.name === name)!;
  return call(on, 'scenarios.get', { id: summary.id });
};
const nt1 = async (on = backend) => {
  const { id } = (await call(on, 'proposals.list', {})).find((p) => p.code === 'NT-1')!;
  return call(on, 'proposals.get', { id });
};
const v2Economy = async (on = backend) => call(on, 'proposals.economy', { proposalId: (await nt1(on)).id, versionNumber: 2 });
const occupancies = async (on = backend) => (await v2Economy(on)).scenarios.map((s) => s.occupancy);

async function refused(input: Parameters<typeof call<'scenarios.update'>>[2]) {
  const result = await backend.call('scenarios.update', input);
  if (result.ok) throw new Error('scenarios.update was not refused');
  return result.error;
}

describe('a scenario that a proposal uses', () => {
  it('says which proposal versions take their figures from it, through its variants too, and which keep a frozen copy', async () => {
    const v2 = (await nt1()).versions[1]!;
    const base = await scenario('NT-1 v2 – scenarie 1');
    expect(base.usedBy.map((u) => [u.proposalCode, u.versionNumber, u.scenarioName, u.frozenNumber])).toEqual([
      ['NT-1', 2, 'NT-1 v2 – scenarie 1', null],
      ['NT-1', 2, 'NT-1 v2 – scenarie 2', null],
      ['NT-1', 2, 'NT-1 v2 – scenarie 3', null],
    ]);
    expect(base.usedBy.every((u) => u.versionId === v2.id)).toBe(true);
    // A variant's change reaches no other scenario: only its own use counts.
    expect((await scenario('NT-1 v2 – scenarie 2')).usedBy.map((u) => u.scenarioName)).toEqual(['NT-1 v2 – scenarie 2']);
    // v1 went to DAS: it keeps frozen copies, so the live scenarios of v1 change nothing there.
    expect((await scenario('NT-1 v1 – scenarie 1')).usedBy.map((u) => [u.versionNumber, u.frozenNumber])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('refuses a change of its figures without the user’s consent, naming NT-1 version 2 and the variants; nothing changes', async () => {
    const base = await scenario('NT-1 v2 – scenarie 1');
    const error = await refused({ id: base.id, revision: base.revision, patch: { input: { ...base.input, occupancy: 0.8 } } });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      '«NT-1 v2 – scenarie 1» bruges af NT-1 version 2 – Økonomi (direkte og gennem varianterne «NT-1 v2 – scenarie 2» og «NT-1 v2 – scenarie 3»), så ændringen ville også ændre tallene dér. ' +
        'Bekræft, at NT-1 version 2 skal ændres med, eller lav en variant af scenariet til forsøget. Intet er ændret.',
    );
    expect(await scenario('NT-1 v2 – scenarie 1')).toEqual(base);
    expect(await occupancies()).toEqual([0.9, 0.9, 0.9]);

    // Consent for another version is no consent for this one.
    const v1 = (await nt1()).versions[0]!;
    expect((await refused({ id: base.id, revision: base.revision, patch: { input: { ...base.input, occupancy: 0.8 } }, confirmedUses: [v1.id] })).message).toContain('NT-1 version 2');

    // A used variant is guarded the same way.
    const variant = await scenario('NT-1 v2 – scenarie 2');
    const own = await refused({ id: variant.id, revision: variant.revision, patch: { overrides: { ...variant.overrides, startupCosts: 2_500_000 } } });
    expect(own.message).toMatch(/^«NT-1 v2 – scenarie 2» bruges af NT-1 version 2 – Økonomi, så ændringen/);
  });

  it('lets the change through once the user has agreed that NT-1 version 2 changes too', async () => {
    const base = await scenario('NT-1 v2 – scenarie 1');
    const v2 = (await nt1()).versions[1]!;
    const saved = await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, occupancy: 0.8 } }, confirmedUses: [v2.id] });
    expect(saved.input.occupancy).toBe(0.8);
    // The base and both variants (which do not override the occupancy) now compute at 80 %.
    expect(await occupancies()).toEqual([0.8, 0.8, 0.8]);
  });

  it('takes a new name without consent: no figure changes', async () => {
    const base = await scenario('NT-1 v2 – scenarie 1');
    const renamed = await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { name: 'NT-1 v2 – grundscenarie', input: base.input } });
    expect(renamed.name).toBe('NT-1 v2 – grundscenarie');
    expect(await occupancies()).toEqual([0.9, 0.9, 0.9]);
  });

  it('guards a base through a used variant only where the change reaches that variant', async () => {
    const base = await call(backend, 'scenarios.create', { name: 'Forsøgsgrundlag', input: (await scenario('NT-1 v2 – scenarie 1')).input });
    const variant = await call(backend, 'scenarios.create', { name: 'Forsøg 85 %', baseId: base.id, overrides: { occupancy: 0.85 } });
    const created = await call(backend, 'proposals.create', { code: 'NT-9', title: 'Forsøg' });
    const version = created.versions[0]!;
    await call(backend, 'proposals.updateVersion', { id: version.id, revision: version.revision, patch: { scenarios: [{ scenarioId: variant.id, frozenNumber: null }], chosenScenarioId: variant.id } });

    // The variant keeps its own occupancy: the base's does not reach it.
    const occupancyChanged = await call(backend, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, occupancy: 0.7 } } });
    // The start-up costs do.
    const error = await refused({ id: base.id, revision: occupancyChanged.revision, patch: { input: { ...occupancyChanged.input, startupCosts: 2_000_000 } } });
    expect(error.message).toMatch(/^«Forsøgsgrundlag» bruges af NT-9 version 1 – Økonomi \(gennem varianten «Forsøg 85 %»\), så ændringen/);
  });

  it('makes a variant for the experiment with the typed change, leaving the proposal’s economy as it was', async () => {
    const before = await v2Economy();
    const base = await scenario('NT-1 v2 – scenarie 1');
    const trial = await call(backend, 'scenarios.create', { name: 'NT-1 v2 – scenarie 1 – forsøg', baseId: base.id, overrides: { occupancy: 0.8 } });
    expect(trial).toMatchObject({ baseId: base.id, overrides: { occupancy: 0.8 }, overriddenPaths: ['occupancy'], usedBy: [] });
    expect(trial.input.occupancy).toBe(0.8);
    expect(await v2Economy()).toEqual(before);
    // Nothing the proposal uses has moved, and the variant is free to change.
    expect(await scenario('NT-1 v2 – scenarie 1')).toMatchObject({ revision: base.revision, input: base.input });
    await call(backend, 'scenarios.update', { id: trial.id, revision: trial.revision, patch: { overrides: { occupancy: 0.75 } } });
    expect(await v2Economy()).toEqual(before);
  });

  it('refuses a variant whose given changes make an invalid scenario, in Danish, and makes nothing', async () => {
    const base = await scenario('NT-1 v2 – scenarie 1');
    const count = (await call(backend, 'scenarios.list', {})).length;
    const result = await backend.call('scenarios.create', { name: 'Ugyldigt forsøg', baseId: base.id, overrides: { occupancy: 1.5 } });
    expect(!result.ok && result.error.message).toBe('Varianten giver et ugyldigt scenarie: Andelen må ikke være over 1 (100 %)');
    expect((await call(backend, 'scenarios.list', {})).length).toBe(count);
  });
});

describe('a version put on an agenda', () => {
  /** Chromium, held at the door until the test lets it print. */
  function gatedPrinter() {
    let reached!: () => void;
    let open!: () => void;
    const atPrinter = new Promise<void>((resolve) => (reached = resolve));
    const gate = new Promise<void>((resolve) => (open = resolve));
    const real = chromiumPrinter()!;
    const printer: PdfPrinter = async () => {
      reached();
      await gate;
      return real();
    };
    return { printer, atPrinter, open };
  }

  it('keeps the scenario figures its annexes were printed from, though the scenario changed (with consent) while they printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-scenario-uses-'));
    const { printer, atPrinter, open } = gatedPrinter();
    const full = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', printer, log: { error: () => {} } });
    try {
      await call(full, 'demo.load', {});
      const proposal = await nt1(full);
      const v2 = proposal.versions[1]!;
      const meeting = (await call(full, 'meetings.list', {})).find((m) => m.bodyCode === 'DAS' && m.date === '2021-08-23')!;
      const printed = await v2Economy(full);

      const started = await call(full, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 2, meetingId: meeting.id });
      await atPrinter;
      const base = await scenario('NT-1 v2 – scenarie 1', full);
      await call(full, 'scenarios.update', { id: base.id, revision: base.revision, patch: { input: { ...base.input, occupancy: 0.8 } }, confirmedUses: [v2.id] });
      open();
      const done = await settled(full, started.id);
      expect(done.state).toBe('done');
      const { itemId } = done.result as { itemId: string };

      // The treated version shows the 90 % it was printed with; the live scenario goes on at 80 %.
      const treated = (await nt1(full)).versions[1]!;
      expect(treated.lockedAt).not.toBeNull();
      const figures = (economy: typeof printed) => economy.scenarios.map(({ frozenNumber: _frozen, ...rest }) => rest);
      expect(figures(await v2Economy(full))).toEqual(figures(printed));
      expect((await v2Economy(full)).scenarios.map((s) => s.occupancy)).toEqual([0.9, 0.9, 0.9]);
      expect((await scenario('NT-1 v2 – scenarie 1', full)).input.occupancy).toBe(0.8);
      const frozen = (await scenario('NT-1 v2 – scenarie 1', full)).versions.find((v) => v.number === treated.scenarios[0]!.frozenNumber)!;
      expect(frozen.input.occupancy).toBe(0.9);

      // And the budget annex on the item says 90 %, as the frozen copy does.
      const budget = (await call(full, 'agenda.get', { id: itemId })).attachments.find((a) => a.title === 'NT-1 v2: Budget ved fuld drift')!;
      const text = execFileSync('pdftotext', ['-layout', full.files!.pathOf(budget.sha256!), '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Budgetteret belægning\s+90 %/);
    } finally {
      await full.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is refused when the version itself is edited while its annexes print: nothing is put on the agenda or locked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-scenario-uses-'));
    const { printer, atPrinter, open } = gatedPrinter();
    const full = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', printer, log: { error: () => {} } });
    try {
      await call(full, 'demo.load', {});
      const proposal = await nt1(full);
      const v2 = proposal.versions[1]!;
      const meeting = (await call(full, 'meetings.list', {})).find((m) => m.bodyCode === 'DAS' && m.date === '2021-08-23')!;

      const started = await call(full, 'proposals.putOnAgenda', { proposalId: proposal.id, versionNumber: 2, meetingId: meeting.id });
      await atPrinter;
      await call(full, 'proposals.updateVersion', { id: v2.id, revision: v2.revision, patch: { content: { ...v2.content, places: 12 } } });
      open();
      const done = await settled(full, started.id);
      expect(done.state).toBe('failed');
      expect(done.error!.message).toBe('Version 2 blev ændret, mens bilagene blev dannet, så punktet ikke ville vise den, som den er nu. Intet er sat på dagsordenen; prøv igen.');
      expect(await call(full, 'agenda.list', { meetingId: meeting.id })).toEqual([]);
      const after = (await nt1(full)).versions[1]!;
      expect(after).toMatchObject({ lockedAt: null, content: { places: 12 } });
      expect(after.scenarios.every((s) => s.frozenNumber === null)).toBe(true);
    } finally {
      await full.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
