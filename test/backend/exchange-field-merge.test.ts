/**
 * Issue 13, item 2: the exchange merges per field against the recorded base. Edits to different fields of one record
 * combine without a conflict, in both directions; only a field changed on both sides to different values is a conflict,
 * named with its base, local and incoming value. Also item 5: a database copied to another place takes a new
 * installation id and still merges with its original.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyImport, type Resolutions } from '../../electron/backend/exchange/apply';
import { previewImport, type ImportPreview } from '../../electron/backend/exchange/merge';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { runCli } from '../../electron/host/cli';
import type { ExchangeScope } from '../../shared/exchange/manifest';
import { INSTALLATION_ID_KEY } from '../../db/queries/settings';
import { call } from '../helpers/backend';
import { copyDatabase } from '../helpers/copy-database';

let dir: string;
let template: string;
let meetingId: string;
let packageNo = 0;

const open = async (file: string) => {
  const backend = await openBackend({ databaseFile: file, appVersion: '0.0.0-test', log: { error: () => {} } });
  // Text extraction writes in the background: stopped, so that the databases hold still.
  await backend.files?.text.close();
  return backend;
};

async function exportFrom(backend: Backend, scope: ExchangeScope = { kind: 'all' }): Promise<string> {
  const summary = await writePackage({
    db: backend.database.db,
    databaseFile: backend.database.file,
    files: backend.files,
    scope,
    target: join(dir, `pakke-${++packageNo}.sekretariat`),
    appVersion: '0.0.0-test',
    schemaVersion: backend.database.migration.to,
  });
  return summary.file;
}

async function preview(into: Backend, file: string): Promise<ImportPreview> {
  const result = await previewImport(into.database.db, file);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.preview;
}

async function apply(into: Backend, file: string, resolutions: Resolutions = { default: 'mine' }) {
  const result = await applyImport({ db: into.database.db, files: into.files, backups: into.backups }, file, resolutions);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.report;
}

async function updateMeeting(backend: Backend, patch: { location?: string; note?: string }) {
  const meeting = await call(backend, 'meetings.get', { id: meetingId });
  await call(backend, 'meetings.update', { id: meetingId, revision: meeting.revision, patch });
}

const installationId = async (backend: Backend) =>
  (await backend.database.db.selectFrom('settings').select('value').where('key', '=', INSTALLATION_ID_KEY).executeTakeFirst())?.value;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-field-merge-'));
  template = join(dir, 'template');
  const t = await open(join(template, 'sekretariat.db'));
  await call(t, 'demo.load', {});
  // Written once, so the template has an installation id whose copies are told apart.
  await exportFrom(t, { kind: 'decisions' });
  const meetings = await call(t, 'meetings.list', {});
  meetingId = meetings.find((m) => m.date === '2021-05-27')!.id;
  await t.close();
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exchange merges field by field', () => {
  it('laptop A changes the location, laptop B the note: no conflict either way, and both edits survive', async () => {
    const a = await open(copyDatabase(template, join(dir, 'loc-a')));
    const b = await open(copyDatabase(template, join(dir, 'loc-b')));
    try {
      await updateMeeting(a, { location: 'Regionshuset, mødelokale 2' });
      await updateMeeting(b, { note: 'Husk forplejning' });

      const fromA = await exportFrom(a);
      const seenByB = await preview(b, fromA);
      expect(seenByB.conflicts).toEqual([]);
      expect(seenByB.counts.meetings.merged).toBe(1);
      await apply(b, fromA);
      expect(await call(b, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Regionshuset, mødelokale 2', note: 'Husk forplejning' });

      // Back again: A has never imported from B, yet B's package says which version of A's it last took.
      const fromB = await exportFrom(b);
      const seenByA = await preview(a, fromB);
      expect(seenByA.conflicts).toEqual([]);
      await apply(a, fromB);
      expect(await call(a, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Regionshuset, mødelokale 2', note: 'Husk forplejning' });
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);

  it('the same field changed on both sides is one conflict naming base, mine and theirs; the choice is per field', async () => {
    const a = await open(copyDatabase(template, join(dir, 'same-a')));
    const b = await open(copyDatabase(template, join(dir, 'same-b')));
    try {
      const original = (await call(a, 'meetings.get', { id: meetingId })).location;
      await updateMeeting(a, { location: 'Aalborg', note: 'Fra A' });
      await updateMeeting(b, { location: 'Hjørring' });
      const fromA = await exportFrom(a);
      const seen = await preview(b, fromA);
      expect(seen.conflicts).toHaveLength(1);
      expect(seen.conflicts[0]).toMatchObject({ entity: 'meetings', id: meetingId, noBase: false, theirs: ['note'], mine: [] });
      expect(seen.conflicts[0]!.fields).toEqual([{ field: 'location', base: original, local: 'Hjørring', incoming: 'Aalborg' }]);

      // The command line names the same field with its three values.
      const out: string[] = [];
      const code = await runCli(['import', fromA, '--dry-run', '--json', '--db', b.database.file], { out: (t) => out.push(t), err: () => {} }, {});
      expect(code).toBe(0);
      const json = JSON.parse(out.join('\n')) as { conflicts: Record<string, unknown>[] };
      expect(json.conflicts).toEqual([expect.objectContaining({ entity: 'meetings', id: meetingId, field: 'location', base: original, local: 'Hjørring', incoming: 'Aalborg' })]);
      const text: string[] = [];
      await runCli(['import', fromA, '--dry-run', '--db', b.database.file], { out: (t) => text.push(t), err: () => {} }, {});
      expect(text.join('\n')).toContain(`Sted: fælles «${original}» · her «Hjørring» · i pakken «Aalborg»`);

      // «Tag den indlæste» for the location only: A's location, and A's note, which was never in conflict.
      const report = await apply(b, fromA, { default: 'mine', perField: { [`${meetingId}:location`]: 'theirs' } });
      expect(report.applied.updated + report.applied.merged).toBeGreaterThanOrEqual(1);
      expect(await call(b, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Aalborg', note: 'Fra A' });
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);

  it('keeping mine keeps my value of the field in conflict and still takes the other fields', async () => {
    const a = await open(copyDatabase(template, join(dir, 'mine-a')));
    const b = await open(copyDatabase(template, join(dir, 'mine-b')));
    try {
      await updateMeeting(a, { location: 'Aalborg', note: 'Fra A' });
      await updateMeeting(b, { location: 'Hjørring' });
      await apply(b, await exportFrom(a), { default: 'mine' });
      expect(await call(b, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Hjørring', note: 'Fra A' });
      // B's choice travels back: A takes it without a question, since A has not changed the field since.
      const fromB = await exportFrom(b);
      expect((await preview(a, fromB)).conflicts).toEqual([]);
      await apply(a, fromB);
      expect(await call(a, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Hjørring', note: 'Fra A' });
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);

  it('says first that an incoming scenario change also changes the economy of the proposal version that uses it', async () => {
    const a = await open(copyDatabase(template, join(dir, 'scn-a')));
    const b = await open(copyDatabase(template, join(dir, 'scn-b')));
    try {
      const list = await call(a, 'scenarios.list', {});
      const summary = list.find((s) => s.name === 'NT-1 v2 – scenarie 1')!;
      const scenario = await call(a, 'scenarios.get', { id: summary.id });
      const v2 = (await call(a, 'proposals.get', { id: (await call(a, 'proposals.list', {})).find((p) => p.code === 'NT-1')!.id })).versions.find((v) => v.number === 2)!;
      await call(a, 'scenarios.update', { id: scenario.id, revision: scenario.revision, patch: { input: { ...scenario.input, occupancy: 0.8 } }, confirmedUses: [v2.id] });
      const seen = await preview(b, await exportFrom(a));
      expect(seen.notes).toContain('Importen ændrer takstscenariet «NT-1 v2 – scenarie 1», som bruges af NT-1 version 2 – Økonomi (direkte og gennem varianterne «NT-1 v2 – scenarie 2» og «NT-1 v2 – scenarie 3»); tallene dér ændres med.');
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);
});

describe('a copied database is a new installation', () => {
  it('takes a new id when opened in another folder, keeps it when reopened, and merges with its original', async () => {
    const originalFile = copyDatabase(template, join(dir, 'orig'));
    let original = await open(originalFile);
    const originalId = await installationId(original);
    await original.close();
    original = await open(originalFile);
    expect(await installationId(original)).toBe(originalId);
    await original.close();

    const copyFile = copyDatabase(join(dir, 'orig'), join(dir, 'copy'));
    const copy = await open(copyFile);
    original = await open(originalFile);
    try {
      const copyId = await installationId(copy);
      expect(copyId).toBeDefined();
      expect(copyId).not.toBe(originalId);
      // A third laptop sees two sources.
      const fromOriginal = await exportFrom(original);
      const fromCopy = await exportFrom(copy);
      const sources = async (file: string) => (await preview(original, file)).summary.manifest.sourceInstallation;
      expect(await sources(fromOriginal)).not.toBe(await sources(fromCopy));

      // The copy knows what it shared with the original: edits to different fields merge both ways.
      await updateMeeting(original, { location: 'Original' });
      await updateMeeting(copy, { note: 'Kopi' });
      const toOriginal = await exportFrom(copy);
      expect((await preview(original, toOriginal)).conflicts).toEqual([]);
      await apply(original, toOriginal);
      const toCopy = await exportFrom(original);
      expect((await preview(copy, toCopy)).conflicts).toEqual([]);
      await apply(copy, toCopy);
      for (const backend of [original, copy]) expect(await call(backend, 'meetings.get', { id: meetingId })).toMatchObject({ location: 'Original', note: 'Kopi' });
    } finally {
      await copy.close();
      await original.close();
    }
  }, 180_000);

  it('a laptop restored from a backup does not take back, unasked, what it sent the others since', async () => {
    const a = await open(copyDatabase(template, join(dir, 'restored-a')));
    const b = await open(copyDatabase(template, join(dir, 'restored-b')));
    try {
      const before = await installationId(a);
      const backup = await a.backups.create('manual');
      await updateMeeting(a, { location: 'Sendt før gendannelsen' });
      await apply(b, await exportFrom(a));
      await a.backups.restore({ fileName: backup.fileName });
      // Back at the earlier state, A speaks as a new installation with its old id in its lineage.
      expect(await installationId(a)).not.toBe(before);
      const seen = await preview(b, await exportFrom(a));
      expect(seen.counts.meetings.changed).toBe(0);
      await apply(b, await exportFrom(a));
      expect((await call(b, 'meetings.get', { id: meetingId })).location).toBe('Sendt før gendannelsen');
    } finally {
      await a.close();
      await b.close();
    }
  }, 180_000);
});
