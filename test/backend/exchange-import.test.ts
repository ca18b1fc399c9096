import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyImport, type Resolutions } from '../../electron/backend/exchange/apply';
import { previewImport, type ImportPreview } from '../../electron/backend/exchange/merge';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { ENTITY_NAMES } from '../../shared/exchange/records';
import { call } from '../helpers/backend';

let dir: string;
let a: Backend;
let b: Backend;
let packageNo = 0;

/** Everything A exported, from A's database. */
async function exportAll(): Promise<string> {
  const summary = await writePackage({
    db: a.database.db,
    databaseFile: a.database.file,
    files: a.files,
    scope: { kind: 'all' },
    target: join(dir, `pakke-${++packageNo}.sekretariat`),
    appVersion: '0.0.0-test',
    schemaVersion: a.database.migration.to,
  });
  return summary.file;
}

/** Everything B exported, from B's database. */
async function exportFromB(): Promise<string> {
  const summary = await writePackage({
    db: b.database.db,
    databaseFile: b.database.file,
    files: b.files,
    scope: { kind: 'all' },
    target: join(dir, `pakke-b-${++packageNo}.sekretariat`),
    appVersion: '0.0.0-test',
    schemaVersion: b.database.migration.to,
  });
  return summary.file;
}

/** Every row of the exchanged tables (and the exchange bookkeeping), by id. */
async function dump(backend: Backend, options: { bookkeeping?: boolean } = {}): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const entity of ENTITY_NAMES) out[entity] = await backend.database.db.selectFrom(entity as 'bodies').selectAll().orderBy('id').execute();
  if (options.bookkeeping) {
    out.exchange_bases = await backend.database.db.selectFrom('exchange_bases').selectAll().orderBy('entity').orderBy('record_id').execute();
    out.exchange_imports = await backend.database.db.selectFrom('exchange_imports').selectAll().orderBy('export_id').execute();
    out.search_documents = await backend.database.db.selectFrom('search_documents').selectAll().orderBy('entity_id').execute();
  }
  return out;
}

async function preview(file: string): Promise<ImportPreview> {
  const result = await previewImport(b.database.db, file);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.preview;
}

async function apply(file: string, resolutions: Resolutions = { default: 'mine' }) {
  const result = await applyImport({ db: b.database.db, files: b.files, backups: b.backups }, file, resolutions);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.report;
}

const meetingRow = (backend: Backend, id: string) => backend.database.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
async function editNote(backend: Backend, id: string, note: string) {
  const meeting = await call(backend, 'meetings.get', { id });
  await call(backend, 'meetings.update', { id, revision: meeting.revision, patch: { note } });
}

let meetingId: string;
/** The demo's proposal NT-1 (the same id on every laptop that loads the demo, as A's is carried to B). */
const nt1Id = async (backend: Backend) => (await call(backend, 'proposals.list', {})).find((p) => p.code === 'NT-1')!.id;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-import-'));
  a = await openBackend({ databaseFile: join(dir, 'a', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  b = await openBackend({ databaseFile: join(dir, 'b', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  await call(a, 'demo.load', {});
  // Text extraction of the PDFs writes in the background (and slowly): stopped, so that the databases hold still.
  await a.files?.text.close();
  await b.files?.text.close();
  meetingId = (await call(a, 'meetings.list', {}))[0]!.id;
}, 180_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange import: preview, three-way merge and atomic apply', () => {
  let first: string;

  it('imports everything from A into an empty B: the same content, the attachments present, a backup taken', async () => {
    first = await exportAll();
    // Reference data (organisations, bodies …) is made by both on opening: the same ids and content, its own timestamps.
    const existing = new Set(Object.values(await dump(b)).flatMap((rows) => (rows as { id: string }[]).map((r) => r.id)));
    const before = await preview(first);
    expect(before.alreadyImported).toBe(false);
    expect(before.totals.conflict).toBe(0);
    expect(before.totals.new).toBeGreaterThan(0);

    const report = await apply(first);
    expect(report.applied.inserted).toBe(before.totals.new);
    expect(report.backup?.kind).toBe('import');
    expect((await b.backups.list()).some((e) => e.kind === 'import')).toBe(true);

    const [ofA, ofB] = [await dump(a), await dump(b)];
    for (const entity of ENTITY_NAMES) {
      const strip = (rows: unknown[]) => (rows as Record<string, unknown>[]).map((r) => (existing.has(r.id as string) ? { ...r, created_at: 0, updated_at: 0, revision: 0 } : r));
      expect(strip(ofB[entity]!), entity).toEqual(strip(ofA[entity]!));
    }
    const attachments = ofB.attachments as { sha256: string | null; deleted_at: string | null }[];
    expect(attachments.length).toBeGreaterThan(0);
    for (const attachment of attachments.filter((x) => x.sha256)) expect(await b.files!.exists(attachment.sha256!)).toBe(true);
    const items = await b.database.db.selectFrom('search_documents').select('entity_id').where('entity', '=', 'item').execute();
    expect(items.length).toBeGreaterThan(0);
  }, 180_000);

  it('the demo proposal NT-1 arrives whole: its versions, its route with the item links, its consultation responses', async () => {
    const id = await nt1Id(a);
    const [ofA, ofB] = [await call(a, 'proposals.get', { id }), await call(b, 'proposals.get', { id })];
    expect(ofB).toEqual(ofA);
    expect(ofB.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(ofB.versions[0]!.lockedAt).not.toBeNull();
    expect(ofB.steps.some((s) => s.itemId !== null && s.item !== null && s.outcomeSource === 'beslutning')).toBe(true);
    expect(ofB.responses.length).toBeGreaterThan(0);
    expect(ofB.responses.some((r) => r.itemId !== null)).toBe(true);
    // Its money comes from the scenarios (and v1's frozen copies of them) that came along.
    for (const versionNumber of [1, 2]) {
      expect(await call(b, 'proposals.economy', { proposalId: id, versionNumber }), `v${versionNumber}`).toEqual(await call(a, 'proposals.economy', { proposalId: id, versionNumber }));
    }
  }, 180_000);

  it('importing the same package again changes nothing; a new package of the same content is all unchanged', async () => {
    const before = await dump(b, { bookkeeping: true });
    const again = await preview(first);
    expect(again.alreadyImported).toBe(true);
    expect(again.notes.join(' ')).toMatch(/Pakken er allerede indlæst/);
    // Recognised by its export id and its content (every record as taken from it then; an id alone can be reused with
    // other content): every record counts as unchanged.
    expect(again.plan).toEqual([]);
    expect(again.totals.unchanged).toBe(Object.values(again.summary.entities).reduce((n, e) => n + e.count, 0));
    expect(again.totals.unchanged).toBeGreaterThan(200);
    const report = await apply(first);
    expect(report.applied).toMatchObject({ inserted: 0, updated: 0, deleted: 0, copied: 0 });
    expect(await dump(b, { bookkeeping: true })).toEqual(before);

    const fresh = await preview(await exportAll());
    expect(fresh.alreadyImported).toBe(false);
    expect(fresh.totals.unchanged).toBe(fresh.plan.length);
  }, 180_000);

  it('a meeting edited in A is previewed as changed in B and taken', async () => {
    await editNote(a, meetingId, 'Ændret i A');
    const file = await exportAll();
    const p = await preview(file);
    expect(p.counts.meetings.changed).toBe(1);
    expect(p.conflicts).toEqual([]);
    await apply(file);
    expect((await meetingRow(b, meetingId)).note).toBe('Ændret i A');
  }, 180_000);

  it('a meeting edited on both sides is a conflict, resolved mine, theirs and both', async () => {
    // mine
    await editNote(a, meetingId, 'A, runde 1');
    await editNote(b, meetingId, 'B, runde 1');
    let file = await exportAll();
    let p = await preview(file);
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0]).toMatchObject({ entity: 'meetings', id: meetingId });
    expect(p.conflicts[0]!.label).toMatch(/^møde /);
    await apply(file, { default: 'theirs', perRecord: { [meetingId]: 'mine' } });
    expect((await meetingRow(b, meetingId)).note).toBe('B, runde 1');
    // After "mine", the same package content is a change made only here: nothing to do.
    expect((await preview(await exportAll())).counts.meetings['local-only']).toBe(1);

    // theirs
    await editNote(a, meetingId, 'A, runde 2');
    file = await exportAll();
    p = await preview(file);
    expect(p.conflicts.map((c) => c.id)).toEqual([meetingId]);
    await apply(file, { default: 'theirs' });
    expect((await meetingRow(b, meetingId)).note).toBe('A, runde 2');

    // both
    await editNote(a, meetingId, 'A, runde 3');
    await editNote(b, meetingId, 'B, runde 3');
    file = await exportAll();
    const count = (await b.database.db.selectFrom('meetings').select('id').execute()).length;
    const report = await apply(file, { default: 'both' });
    expect(report.applied.copied).toBe(1);
    expect((await meetingRow(b, meetingId)).note).toBe('B, runde 3');
    const copies = await b.database.db.selectFrom('meetings').selectAll().where('note', 'like', 'Kopi fra import:%A, runde 3').execute();
    expect(copies).toHaveLength(1);
    expect(copies[0]!.id).not.toBe(meetingId);
    expect((await b.database.db.selectFrom('meetings').select('id').execute()).length).toBe(count + 1);
    // The copy comes with everything under it: the items, their decisions and attachments, as the package has them.
    const itemsOf = async (id: string) => (await call(b, 'agenda.list', { meetingId: id })).map((i) => i.title);
    expect(await itemsOf(copies[0]!.id)).toEqual(await itemsOf(meetingId));
    const decisionsOf = async (id: string) =>
      (await b.database.db.selectFrom('decisions as d').innerJoin('agenda_items as i', 'i.id', 'd.item_id').select('d.text').where('i.meeting_id', '=', id).orderBy('i.position').execute()).map((d) => d.text);
    expect(await decisionsOf(copies[0]!.id)).toEqual(await decisionsOf(meetingId));
    const attachmentsOf = async (id: string) =>
      (await b.database.db.selectFrom('attachments as a').innerJoin('agenda_items as i', 'i.id', 'a.item_id').select('a.sha256').where('i.meeting_id', '=', id).where('a.deleted_at', 'is', null).orderBy('a.sha256').execute()).map((a) => a.sha256);
    expect((await attachmentsOf(copies[0]!.id)).length).toBeGreaterThan(0);
    expect(await attachmentsOf(copies[0]!.id)).toEqual(await attachmentsOf(meetingId));
  }, 180_000);

  it('a proposal version edited on both laptops is a conflict; «keep both» cannot copy a version, so theirs is taken', async () => {
    const id = await nt1Id(a);
    const editV2 = async (backend: Backend, note: string) => {
      const v2 = (await call(backend, 'proposals.get', { id })).versions.find((v) => v.number === 2)!;
      await call(backend, 'proposals.updateVersion', { id: v2.id, revision: v2.revision, patch: { note } });
      return v2.id;
    };
    const versionId = await editV2(a, 'Rettet på A');
    await editV2(b, 'Rettet på B');
    const file = await exportAll();
    const p = await preview(file);
    expect(p.conflicts).toEqual([expect.objectContaining({ entity: 'proposal_versions', id: versionId, label: expect.stringMatching(/^forslagsversion 2 «.+»$/) })]);
    expect(p.notes.join(' ')).toMatch(/«Behold begge» kan kun bruges for møder, punkter og takstscenarier; for forslagsversioner tages den indlæste version/);
    const report = await apply(file, { default: 'both' });
    expect(report.applied).toMatchObject({ copied: 0, updated: 1 });
    expect(report.notes.join(' ')).toMatch(/for forslagsversioner er den indlæste version taget/);
    const ofB = await call(b, 'proposals.get', { id });
    expect(ofB.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(ofB.versions[1]!.note).toBe('Rettet på A');
    expect((await preview(await exportAll())).conflicts).toEqual([]);
  }, 180_000);

  it('an approval route edited on both laptops clashes step by step; steps added on both arrive from both, and the preview says so', async () => {
    const id = await nt1Id(a);
    const saveRoute = async (backend: Backend, note: string, extraBody?: string) => {
      const { steps } = await call(backend, 'proposals.get', { id });
      const input = steps.map((s) => ({ bodyId: s.bodyId, plannedDate: s.plannedDate, versionNumber: s.versionNumber, itemId: s.itemId, manualOutcome: s.outcomeSource === 'manuel' ? s.outcome : null, note }));
      if (extraBody) input.push({ bodyId: extraBody, plannedDate: null, versionNumber: null, itemId: null, manualOutcome: null, note });
      await call(backend, 'proposals.setSteps', { proposalId: id, steps: input });
      return steps.length;
    };
    // Each step keeps its record when the route is saved, so the same step edited on both sides is one conflict.
    const length = await saveRoute(a, 'Vejen rettet på A');
    await saveRoute(b, 'Vejen rettet på B');
    let file = await exportAll();
    let p = await preview(file);
    expect(p.counts.approval_steps).toMatchObject({ new: 0, conflict: length });
    expect(p.notes.join(' ')).not.toMatch(/Godkendelsesvejen/);
    await apply(file, { default: 'theirs' });
    let { steps } = await call(b, 'proposals.get', { id });
    expect(steps.map((s) => s.note)).toEqual(Array<string>(length).fill('Vejen rettet på A'));

    // A step added on each laptop: both arrive, and the preview says the route needs tidying.
    const fu = (await call(a, 'bodies.list', {})).find((body) => body.code === 'FU')!.id;
    await saveRoute(a, 'Vejen rettet på A', fu);
    await saveRoute(b, 'Vejen rettet på A', fu);
    file = await exportAll();
    p = await preview(file);
    expect(p.notes).toContain('Godkendelsesvejen for «NT-1» er ændret både her og i pakken; efter importen står trinene fra begge. Ret vejen til under forslaget bagefter.');
    await apply(file, { default: 'theirs' });
    ({ steps } = await call(b, 'proposals.get', { id }));
    expect(steps).toHaveLength(length + 2);
  }, 180_000);

  it('a meeting deleted in A is deleted in B by its tombstone', async () => {
    const meetings = await call(a, 'meetings.list', {});
    const doomed = meetings.find((m) => m.id !== meetingId)!;
    await call(a, 'meetings.delete', { id: doomed.id });
    const file = await exportAll();
    const p = await preview(file);
    expect(p.counts.meetings.deleted).toBe(1);
    expect(p.conflicts).toEqual([]);
    const items = await call(b, 'agenda.list', { meetingId: doomed.id });
    const hitsInDoomed = async () => (await call(b, 'search.query', { query: items[0]!.title, limit: 200 })).hits.filter((h) => h.meetingId === doomed.id).length;
    expect(await hitsInDoomed()).toBeGreaterThan(0);
    await apply(file);
    expect((await meetingRow(b, doomed.id)).deleted_at).not.toBeNull();
    // Its items leave the search as they do when the meeting is deleted here.
    expect(await hitsInDoomed()).toBe(0);
  }, 180_000);

  it('a meeting moved to another date is found under its new year in B', async () => {
    const meeting = await call(a, 'meetings.get', { id: meetingId });
    await call(a, 'meetings.update', { id: meetingId, revision: meeting.revision, patch: { date: '2025-03-13' } });
    const [item] = await call(b, 'agenda.list', { meetingId });
    await apply(await exportAll(), { default: 'theirs' });
    const hits = (await call(b, 'search.query', { query: item!.title, year: 2025, limit: 200 })).hits;
    expect(hits.map((h) => h.meetingId)).toContain(meetingId);
  }, 180_000);

  it('a deleted attachment whose file neither side has any more is imported without it', async () => {
    const [item] = await call(a, 'agenda.list', { meetingId });
    const { Readable } = await import('node:stream');
    const stored = await a.files!.storeStream(Readable.from([Buffer.from('Et bilag, der slettes igen.')]), 'kortvarigt.txt');
    const attachment = await call(a, 'attachments.add', { itemId: item!.id, sha256: stored.sha256, fileName: 'kortvarigt.txt' });
    await call(a, 'attachments.delete', { id: attachment.id });
    // The file is gone from A's folder too (removed by hand, or by a future clean-up): the package carries the tombstone alone.
    rmSync(a.files!.pathOf(stored.sha256));
    const file = await exportAll();
    const report = await apply(file);
    expect(report.applied.inserted).toBeGreaterThan(0);
    const row = await b.database.db.selectFrom('attachments').selectAll().where('id', '=', attachment.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sha256: null, deleted_at: expect.any(String) });
    // And the same package again changes nothing.
    expect((await apply(file)).applied).toMatchObject({ inserted: 0, updated: 0 });
  }, 180_000);

  it('a failure in the middle of the apply rolls everything back', async () => {
    await editNote(a, meetingId, 'A, før fejlen');
    const file = await exportAll();
    const before = await dump(b, { bookkeeping: true });
    await expect(
      applyImport({ db: b.database.db, files: b.files, backups: b.backups }, file, { default: 'theirs' }, {
        afterEntity: (entity) => {
          if (entity === 'agenda_items') throw new Error('indsprøjtet fejl');
        },
      }),
    ).rejects.toThrow(/rullet tilbage; databasen er uændret/);
    expect(await dump(b, { bookkeeping: true })).toEqual(before);
    // The same package applies afterwards.
    await apply(file, { default: 'theirs' });
    expect((await meetingRow(b, meetingId)).note).toBe('A, før fejlen');
  }, 180_000);

  it('stores rich text sanitised, and the same content then compares unchanged', async () => {
    const item = await a.database.db.selectFrom('agenda_items').select(['id', 'revision']).where('deleted_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await a.database.db
      .updateTable('agenda_items')
      .set({ case_text: '<p>Sagen<script>alert(1)</script></p><p onclick="x()">Mere</p>', revision: item.revision + 1, updated_at: new Date().toISOString() })
      .where('id', '=', item.id)
      .execute();
    const file = await exportAll();
    const p = await preview(file);
    expect(p.summary.sanitized.some((x) => x.id === item.id)).toBe(true);
    expect(p.counts.agenda_items.changed).toBe(1);
    await apply(file);
    const stored = await b.database.db.selectFrom('agenda_items').select('case_text').where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(stored.case_text).toContain('Sagen');
    expect(stored.case_text).not.toMatch(/script|onclick/);
    const again = await preview(await exportAll());
    expect(again.counts.agenda_items.changed + again.counts.agenda_items.conflict).toBe(0);
  }, 180_000);

  it('a decision recorded for one item on both laptops is a choice, not a refusal; both then hold one decision under one id', async () => {
    const item = await call(a, 'agenda.create', { meetingId, title: 'Punkt besluttet på to bærbare' });
    await apply(await exportAll(), { default: 'theirs' });
    const onA = await call(a, 'decisions.save', { itemId: item.id, revision: null, text: '<p>Besluttet på A</p>', outcome: 'godkendt' });
    await call(b, 'decisions.save', { itemId: item.id, revision: null, text: '<p>Besluttet på B</p>', outcome: 'udsat' });
    const file = await exportAll();
    const p = await preview(file);
    expect(p.blockers).toEqual([]);
    expect(p.clashes).toEqual([
      expect.objectContaining({ entity: 'decisions', incomingId: onA.id, message: 'Punktet «Punkt besluttet på to bærbare» har en beslutning her, og pakken har en anden beslutning for samme punkt.' }),
    ]);
    // «Behold den her»: B's text stays, under the package's id, so the two laptops no longer clash.
    const report = await apply(file, { default: 'mine', perRecord: { [onA.id]: 'mine' } });
    expect(report.notes.join(' ')).toMatch(/Den her er beholdt\./);
    const kept = await b.database.db.selectFrom('decisions').selectAll().where('item_id', '=', item.id).execute();
    expect(kept).toEqual([expect.objectContaining({ id: onA.id, text: '<p>Besluttet på B</p>', outcome: 'udsat' })]);
    // A sees B's choice as a plain change of its own decision.
    const back = await previewImport(a.database.db, await exportFromB());
    if (!back.ok) throw new Error(back.problems[0]!.message);
    expect(back.preview.clashes).toEqual([]);
  }, 180_000);

  // After the decision's: this clash, too, stays in A's later packages.
  it('refuses, in Danish and before writing, a new version of a proposal that was revised on both laptops', async () => {
    const id = await nt1Id(a);
    await call(a, 'proposals.revise', { proposalId: id, note: 'Revideret på A' });
    await call(b, 'proposals.revise', { proposalId: id, note: 'Revideret på B' });
    const file = await exportAll();
    expect((await preview(file)).blockers).toContain(
      'Forslaget «NT-1 Nyt botilbud til unge med svær selvskadende adfærd» har allerede en version 3 her, og pakken har en anden version 3: forslaget er revideret på begge bærbare. En version kan ikke slettes, så aftal, hvilken bærbar der fører forslaget videre, og indlæs pakken der; intet er importeret.',
    );
    const before = await dump(b, { bookkeeping: true });
    expect((await applyImport({ db: b.database.db, files: b.files, backups: b.backups }, file, { default: 'theirs' })).ok).toBe(false);
    expect(await dump(b, { bookkeeping: true })).toEqual(before);
  }, 180_000);
});
