import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { previewImport } from '../../electron/backend/exchange/merge';
import { localIdsIn, readPackage, type ReadPackageOptions, type ReadResult } from '../../electron/backend/exchange/read-package';
import { writePackage, type PackageWriteSummary, type WritePackageOptions } from '../../electron/backend/exchange/write-package';
import { runCli } from '../../electron/host/cli';
import type { Manifest } from '../../shared/exchange/manifest';
import { columnOf, ENTITIES, ENTITY_NAMES, type EntityName } from '../../shared/exchange/records';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

// ---------------------------------------------------------------------------------------------------------------
// A zip writer of our own, to craft what yazl refuses to make (hostile names, lying headers, encryption flags).

interface CraftEntry {
  name: string | Buffer;
  data?: Buffer;
  /** 8 deflate (default), 0 stored, anything else as declared. */
  method?: number;
  flags?: number;
  /** Overrides the uncompressed size in the headers. */
  declaredSize?: number;
  /** Replaces the compressed bytes (e.g. corrupted). */
  raw?: Buffer;
}

function buildZip(entries: CraftEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const data = entry.data ?? Buffer.alloc(0);
    const method = entry.method ?? 8;
    const packed = entry.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const flags = (entry.flags ?? 0) | 0x800;
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

interface Unzipped {
  name: string;
  data: Buffer<ArrayBufferLike>;
}

async function unzip(file: string): Promise<Unzipped[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: Unzipped[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  zip.close();
  return out;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const lines = (data: Buffer) => data.toString('utf8').split('\n').filter(Boolean);

// ---------------------------------------------------------------------------------------------------------------

let dir: string;
let backend: Backend;
let all: PackageWriteSummary;
let meeting: PackageWriteSummary;
let meetingId: string;
let allEntries: Unzipped[];
let meetingEntries: Unzipped[];
/** Frozen scenario versions the demo made (NT-1 v1 went to an agenda on frozen copies of its scenarios). */
let demoFrozen: number;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

const db = () => backend.database.db;
const exportTo = (name: string, options: Partial<WritePackageOptions> = {}) =>
  writePackage({
    db: db(),
    databaseFile: backend.database.file,
    files: backend.files,
    scope: { kind: 'all' },
    target: join(dir, name),
    appVersion: '0.0.0-test',
    schemaVersion: backend.database.migration.to,
    ...options,
  });

/** The database file (and its WAL) as bytes, to prove the validator wrote nothing. */
function databaseBytes(): string {
  const file = backend.database.file;
  return sha256(Buffer.concat([readFileSync(file), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]));
}

let fileNo = 0;
/** Validates crafted bytes against the database; asserts that the database is byte for byte unchanged around it. */
async function check(bytes: Buffer, options: ReadPackageOptions = {}): Promise<ReadResult> {
  const file = join(dir, `crafted-${++fileNo}.sekretariat`);
  writeFileSync(file, bytes);
  const before = databaseBytes();
  const result = await readPackage(file, { localIds: localIdsIn(db()), ...options });
  expect(databaseBytes()).toBe(before);
  rmSync(file);
  return result;
}

async function refused(bytes: Buffer, message: RegExp, options: ReadPackageOptions = {}) {
  const result = await check(bytes, options);
  if (result.ok) throw new Error(`the package was accepted; expected ${message}`);
  expect(result.problems[0]!.message).toMatch(message);
  return result.problems[0]!;
}

/**
 * The meeting package, changed by `edit`, zipped again with a manifest that lists every entry with its true hash,
 * size and count (unless `keepManifest`), so that only the intended defect remains.
 */
function repack(edit: (entries: Unzipped[]) => void, options: { manifest?: (m: Manifest) => void; keepManifest?: boolean; base?: Unzipped[] } = {}): Buffer {
  const entries = (options.base ?? meetingEntries).map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
  edit(entries);
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  if (manifestEntry) {
    const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as Manifest;
    if (!options.keepManifest) {
      manifest.entries = manifest.entries
        .filter((m) => entries.some((e) => e.name === m.path))
        .map((m) => {
          const data = entries.find((e) => e.name === m.path)!.data;
          return { ...m, sha256: sha256(data), bytes: data.length, ...(m.records !== undefined ? { records: lines(data).length } : {}) };
        });
    }
    options.manifest?.(manifest);
    manifestEntry.data = Buffer.from(JSON.stringify(manifest), 'utf8');
  }
  return buildZip(entries.map((e) => ({ name: e.name, data: e.data })));
}

/** Replaces line `n` (1-based) of a records entry. */
function editLine(entries: Unzipped[], entity: EntityName, n: number, change: (record: Record<string, unknown>) => void) {
  const entry = entries.find((e) => e.name === `records/${entity}.jsonl`)!;
  const all = lines(entry.data);
  const record = JSON.parse(all[n - 1]!) as Record<string, unknown>;
  change(record);
  all[n - 1] = JSON.stringify(record);
  entry.data = Buffer.from(`${all.join('\n')}\n`, 'utf8');
}
const setLineBytes = (entries: Unzipped[], entity: EntityName, n: number, bytes: Buffer) => {
  const entry = entries.find((e) => e.name === `records/${entity}.jsonl`)!;
  const parts: Buffer[] = lines(entry.data).map((l) => Buffer.from(l, 'utf8'));
  parts[n - 1] = bytes;
  entry.data = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')]));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-exchange-'));
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  await call('demo.load', {});

  // Something of every kind the demo lacks: a frozen version, attendance, a corrected minutes version, tombstones.
  const scenarios = await call('scenarios.list', {});
  const variant = scenarios.find((s) => s.baseId !== null)!;
  demoFrozen = (await db().selectFrom('scenario_versions').select('id').execute()).length;
  await call('scenarios.freeze', { id: variant.id, note: 'Til DAS' });
  const meetings = await call('meetings.list', {});
  const approved = meetings.find((m) => m.status === 'referat_godkendt')!;
  meetingId = approved.id;
  // Approved minutes are locked: the attendance is recorded once they are opened as a new version.
  await call('meetings.correctMinutes', { id: meetingId, reason: 'Stavefejl i punkt 3 rettet' });
  await call('meetings.setAttendance', { meetingId, attendees: [{ name: 'Anne Madsen', organisation: 'Aalborg Kommune', present: true }, { name: 'Bo Holm', organisation: '', present: false }] });
  const items = await call('agenda.list', { meetingId });
  const withAttachment = [];
  for (const item of items) {
    const full = await call('agenda.get', { id: item.id });
    if (full.attachments.length > 0) withAttachment.push(full);
  }
  await call('attachments.delete', { id: withAttachment[0]!.attachments[0]!.id });
  const other = meetings.find((m) => m.id !== meetingId && m.status !== 'referat_godkendt')!;
  const doomed = (await call('agenda.list', { meetingId: other.id })).at(-1)!;
  await call('agenda.delete', { id: doomed.id });

  // Text extraction of the demo's PDFs writes in the background: stopped, so that the database's bytes hold still.
  await backend.files?.text.close();
  all = await exportTo('all.sekretariat');
  meeting = await exportTo('meeting.sekretariat', { scope: { kind: 'meeting', id: meetingId } });
  allEntries = await unzip(all.file);
  meetingEntries = await unzip(meeting.file);
});

afterAll(async () => {
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange package: writing and the round trip', () => {
  it('exports the whole database: every record of every table, tombstones included, each file once', async () => {
    for (const entity of ENTITY_NAMES) {
      const rows = await db()
        .selectFrom(entity as 'bodies')
        .select(['id', 'deleted_at'])
        .execute();
      expect(all.counts[entity], entity).toEqual({ records: rows.length, deleted: rows.filter((r) => r.deleted_at !== null).length });
    }
    expect(all.counts.agenda_items.deleted).toBeGreaterThan(0);
    expect(all.counts.attachments.deleted).toBe(1);
    expect(all.counts.scenario_versions.records).toBe(demoFrozen + 1);
    expect(all.counts.minutes_versions.records).toBe(1);

    const result = await readPackage(all.file, { localIds: localIdsIn(db()) });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const { summary } = result;
    for (const entity of ENTITY_NAMES) expect(summary.entities[entity].count, entity).toBe(all.counts[entity].records);
    expect(summary.manifest).toMatchObject({ format: 'sekretariat-exchange', formatVersion: 4, scope: { kind: 'all' }, exportId: all.exportId, sourceInstallation: all.sourceInstallation });
    expect(summary.sanitized).toEqual([]);
    expect(summary.clearedReferences).toEqual([]);

    // Files: exactly the distinct hashes the attachments refer to, each once, each its own hash, listed with it.
    const shas = (await db().selectFrom('attachments').select('sha256').where('sha256', 'is not', null).execute()).map((r) => r.sha256!);
    const fileEntries = allEntries.filter((e) => e.name.startsWith('files/'));
    expect(fileEntries.map((e) => e.name).sort()).toEqual([...new Set(shas)].sort().map((s) => `files/${s}`));
    expect(new Set(fileEntries.map((e) => e.name)).size).toBe(fileEntries.length);
    const manifest = JSON.parse(allEntries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
    for (const entry of allEntries.filter((e) => e.name !== 'manifest.json')) {
      const listed = manifest.entries.find((m) => m.path === entry.name)!;
      expect(listed, entry.name).toMatchObject({ sha256: sha256(entry.data), bytes: entry.data.length });
      if (entry.name.startsWith('files/')) expect(`files/${sha256(entry.data)}`).toBe(entry.name);
    }
    expect(summary.files).toMatchObject({ count: fileEntries.length, bytes: all.files.bytes });

    // Compared with the database it came from (the import preview's three-way plan), everything is unchanged.
    const preview = await previewImport(db(), all.file);
    if (!preview.ok) throw new Error(preview.problems[0]!.message);
    for (const entity of ENTITY_NAMES) expect(preview.preview.counts[entity], entity).toMatchObject({ new: 0, unchanged: all.counts[entity].records, changed: 0, merged: 0, conflict: 0, deleted: 0 });
  });

  it('covers every synchronisable table and every column of it (a new column must change the format)', () => {
    const raw = backend.database.raw;
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const columnsOf = (table: string) => (raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const synchronisable = tables.filter((t) => ['id', 'revision', 'deleted_at', 'updated_at'].every((c) => columnsOf(t).includes(c)));
    expect(synchronisable.sort()).toEqual([...ENTITY_NAMES].sort());
    for (const entity of ENTITY_NAMES) expect(columnsOf(entity).sort(), entity).toEqual(ENTITIES[entity].fields.map(columnOf).sort());
  });

  it('writes records as camelCase JSON lines sorted by id, flags as booleans and JSON columns embedded', () => {
    const items = lines(allEntries.find((e) => e.name === 'records/agenda_items.jsonl')!.data).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(items[0]!).slice(0, 8)).toEqual(['id', 'createdAt', 'updatedAt', 'revision', 'deletedAt', 'meetingId', 'position', 'title']);
    expect(typeof items[0]!.closed).toBe('boolean');
    expect(items.map((i) => i.id)).toEqual(items.map((i) => i.id as string).sort());
    expect(items.some((i) => i.deletedAt !== null)).toBe(true);
    const bodies = lines(allEntries.find((e) => e.name === 'records/bodies.jsonl')!.data).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Array.isArray(bodies[0]!.hiddenSections)).toBe(true);
    const scenarios = lines(allEntries.find((e) => e.name === 'records/scenarios.jsonl')!.data).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(scenarios.find((s) => s.baseId === null)!.input).toMatchObject({ places: expect.any(Number) });
  });

  it('exports one meeting: only its records and its attachments, with its body', async () => {
    const result = await readPackage(meeting.file, { localIds: localIdsIn(db()) });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const read = (entity: EntityName) => lines(meetingEntries.find((e) => e.name === `records/${entity}.jsonl`)?.data ?? Buffer.alloc(0)).map((l) => JSON.parse(l) as Record<string, string>);
    expect(read('meetings').map((m) => m.id)).toEqual([meetingId]);
    const items = read('agenda_items');
    const itemIds = (await db().selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId).execute()).map((r) => r.id).sort();
    expect(items.map((i) => i.id)).toEqual(itemIds);
    for (const entity of ['recommendations', 'item_guests', 'decisions', 'follow_ups', 'attachments'] as const) {
      for (const record of read(entity)) expect(itemIds, entity).toContain(record.itemId);
    }
    expect(read('meeting_attendance')).toHaveLength(2);
    expect(read('minutes_versions')).toHaveLength(1);
    const body = (await db().selectFrom('meetings').select('body_id').where('id', '=', meetingId).executeTakeFirstOrThrow()).body_id;
    expect(read('bodies').map((b) => b.id)).toContain(body);
    expect(meeting.counts.scenarios.records).toBe(0);
    expect(meeting.counts.organisations.records).toBe(0);

    const attachments = read('attachments');
    expect(attachments.some((a) => a.deletedAt !== null)).toBe(true);
    const files = meetingEntries.filter((e) => e.name.startsWith('files/')).map((e) => e.name.slice(6));
    expect(files.sort()).toEqual([...new Set(attachments.map((a) => a.sha256).filter(Boolean))].sort());
    expect(result.summary.files.count).toBe(files.length);
  });

  it('carries the proposals in the whole database: NT-1 with its versions, route and responses; a meeting package none', () => {
    const read = (entity: EntityName) => lines(allEntries.find((e) => e.name === `records/${entity}.jsonl`)!.data).map((l) => JSON.parse(l) as Record<string, unknown>);
    const nt1 = read('proposals').find((p) => p.code === 'NT-1')!;
    expect(nt1).toMatchObject({ title: 'Nyt botilbud til unge med svær selvskadende adfærd', deletedAt: null });
    const versions = read('proposal_versions')
      .filter((v) => v.proposalId === nt1.id)
      .sort((x, y) => (x.number as number) - (y.number as number));
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    // JSON columns embedded as stored: the content an object, the scenarios a list (v1's on frozen copies: it is locked).
    expect(versions[0]!.content).toMatchObject({ documentTitle: expect.any(String), levels: expect.any(Array) });
    expect(versions[0]!.lockedAt).toEqual(expect.any(String));
    expect((versions[0]!.scenarios as { frozenNumber: number | null }[]).every((s) => s.frozenNumber !== null)).toBe(true);
    expect(versions[1]!.lockedAt).toBeNull();
    expect(versions[1]!.consultation).toMatchObject({ expectedOrganisationIds: expect.any(Array) });
    const steps = read('approval_steps').filter((s) => s.proposalId === nt1.id);
    expect(steps.some((s) => s.itemId !== null)).toBe(true);
    const responses = read('consultation_responses');
    expect(responses.length).toBeGreaterThan(0);
    expect(responses.every((r) => versions.some((v) => v.id === r.versionId))).toBe(true);
    // A meeting package does not bring the proposals treated at its items (docs/exchange-format.md §3).
    for (const entity of ['proposals', 'proposal_versions', 'approval_steps', 'consultation_responses'] as const) expect(meeting.counts[entity].records, entity).toBe(0);
  });

  it('exports the decision register without attachments, and scenarios with the bases their variants need', async () => {
    const register = await exportTo('register.sekretariat', { scope: { kind: 'decisions' } });
    expect(register.counts.decisions.records).toBe(all.counts.decisions.records);
    expect(register.counts.attachments.records).toBe(0);
    expect(register.files.count).toBe(0);
    expect(register.counts.scenarios.records).toBe(0);
    expect((await readPackage(register.file)).ok).toBe(true);

    const variant = (await call('scenarios.list', {})).find((s) => s.baseId !== null)!;
    const chosen = await exportTo('scenarios.sekretariat', { scope: { kind: 'scenarios', ids: [variant.id] } });
    expect(chosen.counts.scenarios.records).toBe(2);
    const frozen = await db().selectFrom('scenario_versions').select('id').where('scenario_id', 'in', [variant.id, variant.baseId!]).execute();
    expect(chosen.counts.scenario_versions.records).toBe(frozen.length);
    expect(chosen.counts.meetings.records).toBe(0);
    const read = await readPackage(chosen.file);
    expect(read.ok && read.summary.entities.scenarios.records.map((r) => r.id).sort()).toEqual([variant.id, variant.baseId].sort());

    await expect(exportTo('none.sekretariat', { scope: { kind: 'meeting', id: randomUUID() } })).rejects.toThrow(/Mødet findes ikke/);
    expect(existsSync(join(dir, 'none.sekretariat'))).toBe(false);
  });

  it('writes the same records as the same bytes; each package has its own export id, the installation keeps its id', async () => {
    // Read in small chunks (keyset paging), the bytes are the same.
    const again = await exportTo('again.sekretariat', { chunkSize: 7 });
    const manifestOf = async (file: string) => JSON.parse((await unzip(file)).find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
    const [first, second] = [await manifestOf(all.file), await manifestOf(again.file)];
    expect(second.entries).toEqual(first.entries);
    expect(second.exportId).not.toBe(first.exportId);
    expect(second.sourceInstallation).toBe(first.sourceInstallation);
    const stored = await db().selectFrom('settings').select('value').where('key', '=', 'installation_id').executeTakeFirstOrThrow();
    expect(stored.value).toBe(first.sourceInstallation);
  });

  it('refuses to overwrite, and leaves no file at the target when the export is interrupted midway', async () => {
    await expect(exportTo('all.sekretariat')).rejects.toThrow(/findes allerede/);

    const target = join(dir, 'interrupted.sekretariat');
    let opened = 0;
    const openFile = () => {
      opened++;
      // Some bytes, then the disk fails.
      let chunks = 0;
      return new Readable({
        read() {
          if (++chunks > 3) this.destroy(new Error('Læsefejl på disken'));
          else this.push(randomBytes(64 * 1024));
        },
      });
    };
    const before = readdirSync(dir).sort();
    await expect(exportTo('interrupted.sekretariat', { openFile })).rejects.toThrow();
    expect(opened).toBeGreaterThanOrEqual(1);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(before);

    // Cancelled by the user: the same.
    const controller = new AbortController();
    const cancelled = exportTo('cancelled.sekretariat', { signal: controller.signal, onProgress: (p) => p.phase === 'files' && controller.abort() });
    await expect(cancelled).rejects.toThrow(/afbrudt/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('accepts rich text with scripts and event handlers, giving the sanitised value for the importer to store', async () => {
    const result = await check(
      repack((entries) =>
        editLine(entries, 'agenda_items', 1, (r) => {
          r.caseText = '<p onclick="alert(1)">Sagen<script>alert("x")</script> <img src=x onerror="steal()"><a href="javascript:evil()">link</a></p>';
        }),
      ),
    );
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.summary.sanitized).toHaveLength(1);
    const [clean] = result.summary.sanitized;
    expect(clean).toMatchObject({ entity: 'agenda_items', field: 'caseText' });
    expect(clean!.clean).toContain('Sagen');
    expect(clean!.clean).not.toMatch(/script|onclick|onerror|javascript|<img/i);
  });

  it('clears links across the scope when neither the package nor the database has their target', async () => {
    const result = await check(repack((entries) => editLine(entries, 'follow_ups', 1, (r) => (r.dueMeetingId = randomUUID()))));
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.summary.clearedReferences).toEqual([expect.objectContaining({ entity: 'follow_ups', field: 'dueMeetingId', target: 'meetings' })]);
  });

  it('exports and dry-runs an import on the command line, the database untouched', async () => {
    const io = { out: [] as string[], err: [] as string[] };
    const cli = async (...args: string[]) => {
      io.out = [];
      io.err = [];
      const code = await runCli(args, { out: (t) => io.out.push(t), err: (t) => io.err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
      return code;
    };
    const other = join(dir, 'anden.db');
    expect(await cli('demo', '--db', other)).toBe(0);
    const out = join(dir, 'cli.sekretariat');
    expect(await cli('export', '--db', other, '--scope', 'decisions', '--out', out, '--json')).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toMatchObject({ file: out, scope: { kind: 'decisions' }, counts: { attachments: { records: 0 } } });

    const before = databaseBytes();
    expect(await cli('import', out, '--dry-run', '--db', backend.database.file, '--json')).toBe(0);
    const report = JSON.parse(io.out.join('\n')) as { ok: boolean; entities: Record<string, { total: number; new: number; unchanged: number; changed: number; conflict: number; 'local-only': number }> };
    expect(report.ok).toBe(true);
    // The same demo records by id; the demo as loaded is their common version, so the ones edited here are «kun ændret her».
    expect(report.entities.bodies!.total).toBeGreaterThan(0);
    const meetings = report.entities.meetings!;
    expect(meetings.unchanged + meetings['local-only']).toBe(meetings.total);
    expect(meetings.conflict).toBe(0);
    expect(databaseBytes()).toBe(before);

    expect(await cli('import', out, '--dry-run', '--db', backend.database.file)).toBe(0);
    expect(io.out.join('\n')).toMatch(/er gyldig: beslutningsregistret/);
    // The real import is tested in exchange-import.test.ts; a wrong resolution is refused before anything is read.
    expect(await cli('import', out, '--on-conflict', 'alt', '--db', backend.database.file)).toBe(2);
    expect(io.err.join('\n')).toMatch(/Ukendt --on-conflict «alt»/);
    expect(databaseBytes()).toBe(before);
    writeFileSync(join(dir, 'junk.sekretariat'), 'ikke en zip');
    expect(await cli('import', join(dir, 'junk.sekretariat'), '--dry-run', '--db', backend.database.file)).toBe(2);
    expect(io.err.join('\n')).toMatch(/^Fejl: Filen er ikke en Sekretariat-pakke/);
    expect(await cli('export', '--db', other, '--scope', 'meeting:abc', '--out', join(dir, 'x.sekretariat'))).toBe(2);
    expect(io.err.join('\n')).toMatch(/gyldigt mødes id/);
    expect(await cli('export', '--db', other, '--scope', 'everything', '--out', join(dir, 'x.sekretariat'))).toBe(2);
    expect(io.err.join('\n')).toMatch(/Ukendt omfang/);
  });
});

describe('exchange package: bad input is refused with a Danish message, the database unchanged', () => {
  const valid = () => repack(() => {});

  it('accepts the repacked package as it is (the baseline of the crafted ones)', async () => {
    expect((await check(valid())).ok).toBe(true);
  });

  // -- The file and the zip structure

  it('1. not a zip', () => refused(Buffer.from('Dette er et Word-dokument, ikke en pakke.\n'.repeat(10)), /^Filen er ikke en Sekretariat-pakke: den er ikke en zip-fil\./));
  it('2. an empty file', () => refused(Buffer.alloc(0), /Filen er tom/));
  it('3. a zip truncated at the end', () => {
    const bytes = readFileSync(meeting.file);
    return refused(bytes.subarray(0, bytes.length - 200), /ufuldstændig eller beskadiget/);
  });
  it('4. a zip truncated to half', () => {
    const bytes = readFileSync(meeting.file);
    return refused(bytes.subarray(0, bytes.length >> 1), /ufuldstændig eller beskadiget/);
  });
  it('5. zip slip: ../', () => refused(buildZip([{ name: '../../evil.sh', data: Buffer.from('rm -rf ~') }]), /farligt indholdsnavn «\.\.\/\.\.\/evil\.sh»: navnet peger uden for pakken/));
  it('6. zip slip: ../ inside a path', () => refused(buildZip([{ name: 'files/../../../etc/cron.d/x', data: Buffer.from('x') }]), /farligt indholdsnavn.*uden for pakken/));
  it('7. zip slip: an absolute path', () => refused(buildZip([{ name: '/etc/passwd', data: Buffer.from('x') }]), /farligt indholdsnavn «\/etc\/passwd»: navnet er en absolut sti/));
  it('8. zip slip: a drive letter', () => refused(buildZip([{ name: 'C:/Windows/system32/x.dll', data: Buffer.from('x') }]), /farligt indholdsnavn.*drevbogstav/));
  it('9. zip slip: backslashes', () => refused(buildZip([{ name: 'C:\\Users\\x\\evil.bat', data: Buffer.from('x') }]), /farligt indholdsnavn.*omvendt skråstreg/));
  it('10. zip slip: ..\\ with backslashes', () => refused(buildZip([{ name: '..\\..\\evil.exe', data: Buffer.from('x') }]), /farligt indholdsnavn.*omvendt skråstreg/));
  it('11. an entry name that is not UTF-8', () => refused(buildZip([{ name: Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x6a]), data: Buffer.from('x') }]), /indholdsnavn, der ikke er gyldig UTF-8/));
  it('12. a duplicate entry name', () => {
    const manifest = meetingEntries.find((e) => e.name === 'manifest.json')!;
    return refused(buildZip([...meetingEntries, manifest].map((e) => ({ name: e.name, data: e.data }))), /«manifest\.json» findes to gange i pakken/);
  });
  it('13. an encrypted entry', () => refused(buildZip(meetingEntries.map((e) => ({ name: e.name, data: e.data, flags: e.name === 'manifest.json' ? 1 : 0 }))), /«manifest\.json» er krypteret/));
  it('14. strong encryption', () => refused(buildZip([{ name: 'manifest.json', data: Buffer.from('{}'), flags: 0x41 }]), /krypteret indhold/));
  it('15. an unknown compression method', () => refused(buildZip([{ name: 'manifest.json', data: Buffer.from('{}'), method: 12 }]), /metode \(12\)/));
  it('16. corrupt compressed data', () => {
    const entries = meetingEntries.map((e) => ({ name: e.name, data: e.data }) as CraftEntry);
    const target = entries.find((e) => e.name === 'records/agenda_items.jsonl')!;
    const packed = deflateRawSync(target.data!);
    for (let i = 10; i < packed.length; i += 7) packed[i] = packed[i]! ^ 0x5a;
    target.raw = packed;
    return refused(buildZip(entries), /«records\/agenda_items\.jsonl» (kan ikke pakkes ud|har en anden størrelse|har ikke den SHA-256)/);
  });

  // -- Zip bombs

  it('17. a zip bomb: a huge compression ratio', () =>
    refused(
      repack((entries) => entries.push({ name: 'records/population_figures.jsonl', data: Buffer.alloc(30 * 1024 * 1024, 0x20) })),
      /«records\/population_figures\.jsonl» ville fylde [\d.]+ gange mere udpakket end pakket \(grænsen er 100\)\. Det ligner en zip-bombe/,
    ));
  it('18. a zip bomb: a declared size above the limit', () =>
    refused(buildZip([{ name: 'files/' + 'a'.repeat(64), data: Buffer.from('x'), declaredSize: 3_500_000_000 }]), /ville fylde 3,3 GB, når den pakkes ud \(grænsen er 1 GB\)\. Det ligner en zip-bombe/));
  it('19. a zip bomb: headers that understate the size (real bytes are counted)', () => {
    const entries = meetingEntries.map((e) => ({ name: e.name, data: e.data }) as CraftEntry);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data!.toString('utf8')) as Manifest;
    const bomb = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const target = entries.find((e) => e.name === 'records/recommendations.jsonl')!;
    target.declaredSize = manifest.entries.find((m) => m.path === target.name)!.bytes;
    target.raw = deflateRawSync(bomb);
    target.data = bomb;
    return refused(buildZip(entries), /«records\/recommendations\.jsonl» (har en anden størrelse, når den pakkes ud|fylder mere end)/);
  });
  it('20. a zip bomb: all entries together above the limit', () => refused(valid(), /zip-bombe/, { limits: { maxTotalBytes: 10_000 } }));
  it('21. too many entries', () => refused(valid(), /dele, flere end/, { limits: { maxEntries: 3 } }));

  // -- The manifest

  it('22. a missing manifest', () => refused(repack((entries) => entries.splice(entries.findIndex((e) => e.name === 'manifest.json'), 1)), /mangler manifest\.json/));
  it('23. a manifest that is not JSON', () =>
    refused(buildZip(meetingEntries.map((e) => ({ name: e.name, data: e.name === 'manifest.json' ? Buffer.from('{"format": "sekretariat-exchange",') : e.data }))), /manifest\.json er ikke gyldig JSON/));
  it('24. a manifest that is not UTF-8', () =>
    refused(buildZip(meetingEntries.map((e) => ({ name: e.name, data: e.name === 'manifest.json' ? Buffer.concat([e.data.subarray(0, 20), Buffer.from([0xc3, 0x28]), e.data.subarray(20)]) : e.data }))), /manifest\.json er ikke gyldig UTF-8/));
  it('25. a manifest of another format', () => refused(repack(() => {}, { manifest: (m) => ((m as { format: string }).format = 'joplin-export') }), /ikke en Sekretariat-pakke \(manifest\.json angiver ikke formatet/));
  it('26. a manifest of a newer format version', async () => {
    const problem = await refused(
      repack(() => {}, { manifest: (m) => Object.assign(m, { formatVersion: 5, appVersion: '5.0.0' }) }),
      /^Filen er lavet med en nyere version af Sekretariat \(Sekretariat 5\.0\.0\) i pakkeformat 5; denne version kan læse pakkeformat op til 4\. Opdater Sekretariat/,
    );
    expect(problem).toMatchObject({ entry: 'manifest.json', field: 'formatVersion' });
  });
  describe('bases.jsonl (format 3)', () => {
    const withBase = (line: unknown) =>
      repack((entries) => {
        const bases = entries.find((e) => e.name === 'bases.jsonl')!;
        bases.data = Buffer.concat([bases.data, Buffer.from(`${JSON.stringify(line)}\n`, 'utf8')]);
      });
    const meetingLine = () => JSON.parse(lines(meetingEntries.find((e) => e.name === 'records/meetings.jsonl')!.data)[0]!) as Record<string, unknown>;
    const source = '11111111-1111-4111-8111-111111111111';
    it('a base of a record the package does not carry', () => {
      const id = randomUUID();
      return refused(withBase({ entity: 'meetings', id, source, at: '2026-12-01T10:00:00.000Z', record: { ...meetingLine(), id } }), /^«bases\.jsonl», linje 1, feltet «id»: Grundlaget hører til møde [0-9a-f-]+, som ikke er i pakken\./);
    });
    it('a base whose record breaks its schema', () =>
      refused(withBase({ entity: 'meetings', id: meetingLine().id, source, at: '2026-12-01T10:00:00.000Z', record: { ...meetingLine(), date: '27.05.2021' } }), /^«bases\.jsonl», linje 1, feltet «record\.date»: .+ \(grundlag for møde\)\./));
    it('a base with an id other than its record', () =>
      refused(withBase({ entity: 'meetings', id: meetingLine().id, source, at: '2026-12-01T10:00:00.000Z', record: { ...meetingLine(), id: randomUUID() } }), /Grundlaget har et andet id end den post, det hører til/));
  });
  it('27. a manifest failing its schema', async () => {
    const problem = await refused(repack(() => {}, { manifest: (m) => (m.exportId = 'ikke-et-id') }), /«manifest\.json», feltet «exportId»: Ugyldigt id\. Manifestet er ugyldigt/);
    expect(problem.field).toBe('exportId');
  });
  it('28. an unknown scope', () => refused(repack(() => {}, { manifest: (m) => ((m as { scope: unknown }).scope = { kind: 'proposal', id: randomUUID() }) }), /feltet «scope.*Ukendt omfang/));

  // -- Entries against the manifest

  it('29. an entry not listed in the manifest', () =>
    refused(
      repack((entries) => entries.push({ name: 'records/population_figures.jsonl', data: Buffer.from('') }), { manifest: (m) => (m.entries = m.entries.filter((e) => e.path !== 'records/population_figures.jsonl')) }),
      /«records\/population_figures\.jsonl» ligger i pakken, men står ikke i manifestet/,
    ));
  it('30. an entry the format does not have', () => refused(repack((entries) => entries.push({ name: 'autorun.exe', data: Buffer.from('MZ') })), /«autorun\.exe», som ikke hører til pakkeformatet/));
  it('31. a listed entry missing', () =>
    refused(
      repack((entries) => entries.splice(entries.findIndex((e) => e.name === 'records/decisions.jsonl'), 1), { manifest: (m) => m.entries.push({ path: 'records/decisions.jsonl', sha256: 'b'.repeat(64), bytes: 10, records: 1 }) }),
      /«records\/decisions\.jsonl» står i manifestet, men mangler i pakken/,
    ));
  it('32. a wrong hash', () =>
    refused(
      repack(() => {}, { manifest: (m) => (m.entries.find((e) => e.path === 'records/agenda_items.jsonl')!.sha256 = 'c'.repeat(64)) }),
      /«records\/agenda_items\.jsonl» har ikke den SHA-256, manifestet angiver: indholdet er ændret eller beskadiget/,
    ));
  it('33. a wrong hash of an attachment file (its content changed)', () => {
    const name = meetingEntries.find((e) => e.name.startsWith('files/'))!.name;
    return refused(repack((entries) => (entries.find((e) => e.name === name)!.data = Buffer.from('%PDF-1.7 falsk')), { keepManifest: true }), /fylder .* byte i pakken, men manifestet angiver|har ikke den SHA-256/);
  });
  it('34. a size mismatch', () =>
    refused(
      repack(() => {}, { manifest: (m) => (m.entries.find((e) => e.path === 'records/meetings.jsonl')!.bytes += 1) }),
      /«records\/meetings\.jsonl» fylder [\d.]+ byte i pakken, men manifestet angiver [\d.]+ byte/,
    ));
  it('35. a record count that does not match the manifest', () =>
    refused(repack(() => {}, { manifest: (m) => (m.entries.find((e) => e.path === 'records/agenda_items.jsonl')!.records! += 1) }), /har \d+ poster, men manifestet angiver/));

  // -- Records

  it('36. invalid UTF-8 in a record', async () => {
    const problem = await refused(
      repack((entries) => setLineBytes(entries, 'agenda_items', 2, Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]))),
      /«records\/agenda_items\.jsonl», linje 2: Linjen er ikke gyldig UTF-8-tekst/,
    );
    expect(problem).toMatchObject({ entry: 'records/agenda_items.jsonl', line: 2 });
  });
  it('37. invalid JSON on line N', () => refused(repack((entries) => setLineBytes(entries, 'agenda_items', 3, Buffer.from('{"id": "x", '))), /«records\/agenda_items\.jsonl», linje 3: Linjen er ikke gyldig JSON/));
  it('38. an empty line', () => refused(repack((entries) => setLineBytes(entries, 'recommendations', 2, Buffer.alloc(0))), /«records\/recommendations\.jsonl», linje 2: Linjen er tom/));
  it('39. a record failing its schema: a required field empty', async () => {
    const problem = await refused(repack((entries) => editLine(entries, 'agenda_items', 4, (r) => (r.title = ''))), /«records\/agenda_items\.jsonl», linje 4, feltet «title»: Titlen mangler \(punkt\)/);
    expect(problem).toMatchObject({ line: 4, field: 'title' });
  });
  it('40. a record failing its schema: an unknown value', () => refused(repack((entries) => editLine(entries, 'meetings', 1, (r) => (r.status = 'aflyst'))), /«records\/meetings\.jsonl», linje 1, feltet «status»/));
  it('41. a record failing its schema: a field missing', () => refused(repack((entries) => editLine(entries, 'decisions', 1, (r) => delete r.revision)), /«records\/decisions\.jsonl», linje 1, feltet «revision»/));
  it('42a. two decisions for one item in one package: found by the check, in Danish, not by SQLite', () => {
    let itemId = '';
    return refused(
      repack((entries) => {
        editLine(entries, 'decisions', 1, (r) => (itemId = r.itemId as string));
        editLine(entries, 'decisions', 2, (r) => (r.itemId = itemId));
      }),
      /«records\/decisions\.jsonl», linje 2, feltet «itemId»: Samme punkt har to beslutninger; et punkt har højst én \(linje 1 og 2\)\. Pakken afvises/,
    );
  });
  it('42b. two minutes versions with one number for one meeting', () =>
    refused(
      repack((entries) => {
        const entry = entries.find((e) => e.name === 'records/minutes_versions.jsonl')!;
        const [first] = lines(entry.data);
        const twin = { ...(JSON.parse(first!) as Record<string, unknown>), id: randomUUID() };
        entry.data = Buffer.concat([entry.data, Buffer.from(`${JSON.stringify(twin)}\n`)]);
      }),
      /Samme møde har to referatversioner med samme nummer/,
    ));
  it('42. a record failing its schema: an unknown field', () => refused(repack((entries) => editLine(entries, 'decisions', 1, (r) => (r.signedBy = 'x'))), /linje 1, feltet «signedBy»: Feltet kendes ikke i dette pakkeformat/));
  it('43. a record failing its schema: a date that is not a date', () => refused(repack((entries) => editLine(entries, 'meetings', 1, (r) => (r.date = '27-05-2021'))), /«records\/meetings\.jsonl», linje 1, feltet «date»: Ugyldig dato/));
  it('44. a record breaking a rule across fields', () =>
    refused(repack((entries) => editLine(entries, 'meetings', 1, (r) => Object.assign(r, { startTime: '16:00', endTime: '13:00' }))), /linje 1, feltet «endTime»: Sluttidspunktet skal ligge efter starttidspunktet/));
  it('45. duplicate UUIDs within an entity', () =>
    refused(
      repack((entries) => {
        const first = JSON.parse(lines(entries.find((e) => e.name === 'records/agenda_items.jsonl')!.data)[0]!) as { id: string };
        editLine(entries, 'agenda_items', 5, (r) => (r.id = first.id));
      }),
      /«records\/agenda_items\.jsonl», linje 5, feltet «id»: Id [0-9a-f-]+ står også på linje 1/,
    ));
  it('46. a reference to a record neither in the package nor in the database', () =>
    refused(repack((entries) => editLine(entries, 'decisions', 2, (r) => (r.itemId = randomUUID()))), /«records\/decisions\.jsonl», linje 2, feltet «itemId»: henviser til punkt [0-9a-f-]+, som findes hverken i pakken eller i databasen/));
  it('47. a reference to a record the database has (but the package lacks) is fine; without the database it is not', async () => {
    // The body is in the package; take it out: the database still has it.
    const withoutBody = repack((entries) => (entries.find((e) => e.name === 'records/bodies.jsonl')!.data = Buffer.alloc(0)));
    expect((await check(withoutBody)).ok).toBe(true);
    await refused(withoutBody, /«records\/meetings\.jsonl», linje 1, feltet «bodyId»: henviser til organ [0-9a-f-]+, som findes ikke i pakken/, { localIds: undefined });
  });
  it('48. a 50 MB string, refused by the line limit without being held', async () => {
    const huge = Buffer.from(randomBytes(38 * 1024 * 1024).toString('base64'));
    const entries = meetingEntries.map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
    const line = Buffer.concat([Buffer.from('{"id":"'), huge, Buffer.from('"}\n')]);
    const items = entries.find((e) => e.name === 'records/agenda_items.jsonl')!;
    items.data = Buffer.concat([line, items.data]);
    const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as Manifest;
    Object.assign(manifest.entries.find((m) => m.path === items.name)!, { sha256: sha256(items.data), bytes: items.data.length, records: lines(items.data).length });
    manifestEntry.data = Buffer.from(JSON.stringify(manifest));
    const bytes = buildZip(entries.map((e) => ({ name: e.name, data: e.data, method: e.name === items.name ? 0 : 8 })));
    await refused(bytes, /«records\/agenda_items\.jsonl», linje 1: Linjen er længere end 16 MB; så meget må én post ikke fylde/);
  });
  it('49. a rich text over the field limit', () =>
    refused(repack((entries) => editLine(entries, 'agenda_items', 1, (r) => (r.caseText = `<p>${randomBytes(1_600_000).toString('base64')}</p>`))), /linje 1, feltet «caseText»: Teksten må højst være 2\.000\.000 tegn/));
  it('50. a frozen scenario version whose numbers were changed', async () => {
    const scenarioPackage = await unzip((await exportTo(`s-${randomUUID()}.sekretariat`, { scope: { kind: 'scenarios', ids: [(await call('scenarios.list', {})).find((s) => s.baseId !== null)!.id] } })).file);
    await refused(
      repack((entries) => editLine(entries, 'scenario_versions', 1, (r) => ((r.input as { places: number }).places += 1)), { base: scenarioPackage }),
      /«records\/scenario_versions\.jsonl», linje 1, feltet «hash»: Den frosne versions tal passer ikke/,
    );
  });

  // -- Proposals (format version 2)

  /** The whole database's proposal entries alone: what they refer to (scenarios, items, bodies …) the database has. */
  const proposalsOnly = () => allEntries.filter((e) => e.name === 'manifest.json' || /^records\/(proposals|proposal_versions|approval_steps|consultation_responses)\.jsonl$/.test(e.name));
  /** The line (1-based) of the first record of `entity` that `predicate` picks, in the proposals package. */
  const lineWhere = (entity: EntityName, predicate: (record: Record<string, unknown>) => boolean) =>
    lines(allEntries.find((e) => e.name === `records/${entity}.jsonl`)!.data).findIndex((l) => predicate(JSON.parse(l) as Record<string, unknown>)) + 1;
  const proposal = (edit: (entries: Unzipped[]) => void) => repack(edit, { base: proposalsOnly() });

  it('54. the proposals alone are accepted against the database that has what they refer to', async () => {
    const result = await check(proposal(() => {}));
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.summary.entities.proposal_versions.count).toBe(all.counts.proposal_versions.records);
    expect(result.summary.clearedReferences).toEqual([]);
  });
  it('55. an approval step with both an agenda item and an outcome given by hand', () => {
    const n = lineWhere('approval_steps', (r) => r.itemId !== null);
    return refused(
      proposal((entries) => editLine(entries, 'approval_steps', n, (r) => (r.manualOutcome = 'godkendt'))),
      new RegExp(`«records/approval_steps\\.jsonl», linje ${n}, feltet «manualOutcome»: Et trin med et dagsordenspunkt får sit udfald fra beslutningen på punktet; det kan ikke også angives i hånden \\(trin i godkendelsesvejen\\)`),
    );
  });
  it('56. the agenda items of a step and of a response that neither side has are cleared, not refused', async () => {
    const step = lineWhere('approval_steps', (r) => r.itemId !== null);
    const result = await check(
      proposal((entries) => {
        editLine(entries, 'approval_steps', step, (r) => (r.itemId = randomUUID()));
        editLine(entries, 'consultation_responses', 1, (r) => (r.itemId = randomUUID()));
      }),
    );
    if (!result.ok) throw new Error(result.problems[0]!.message);
    expect(result.summary.clearedReferences).toEqual([
      expect.objectContaining({ entity: 'approval_steps', field: 'itemId', target: 'agenda_items' }),
      expect.objectContaining({ entity: 'consultation_responses', field: 'itemId', target: 'agenda_items' }),
    ]);
  });
  it('57. a version naming, inside its JSON, a scenario or a municipality that neither side has', async () => {
    await refused(
      proposal((entries) => editLine(entries, 'proposal_versions', 1, (r) => (r.scenarios as unknown[]).push({ scenarioId: randomUUID(), frozenNumber: null }))),
      /«records\/proposal_versions\.jsonl», linje 1, feltet «scenarios»: henviser til takstscenarie [0-9a-f-]+, som findes hverken i pakken eller i databasen/,
    );
    await refused(
      proposal((entries) => editLine(entries, 'proposal_versions', 1, (r) => (r.consultation as { expectedOrganisationIds: string[] }).expectedOrganisationIds.push(randomUUID()))),
      /linje 1, feltet «consultation»: henviser til organisation [0-9a-f-]+, som findes hverken i pakken eller i databasen/,
    );
  });
  it('58. a version whose chosen scenario is not one of its scenarios', () =>
    refused(
      proposal((entries) => editLine(entries, 'proposal_versions', 1, (r) => (r.chosenScenarioId = randomUUID()))),
      /«records\/proposal_versions\.jsonl», linje 1, feltet «chosenScenarioId»: Det valgte scenarie skal være et af versionens scenarier \(forslagsversion\)/,
    ));
  it('59. a version whose content breaks the domain\'s rules; content an older build wrote passes unchanged', async () => {
    await refused(
      proposal((entries) => editLine(entries, 'proposal_versions', 1, (r) => Object.assign(r.content as object, { ageFrom: 18, ageTo: 12 }))),
      /linje 1, feltet «content\.ageTo»: Alderen «fra» skal være mindre end alderen «til» \(forslagsversion\)/,
    );
    // Without a field added later: accepted, and passed on as written (the app fills in the default when it reads it).
    const seen: Record<string, unknown>[] = [];
    const result = await check(
      proposal((entries) => editLine(entries, 'proposal_versions', 1, (r) => delete (r.content as { caveats?: unknown }).caveats)),
      { onRecord: (entity, record) => entity === 'proposal_versions' && seen.push(record) },
    );
    expect(result.ok).toBe(true);
    expect(seen[0]!.content).not.toHaveProperty('caveats');
  });
  it('60. a consultation response with an unknown stance, or without text', async () => {
    await refused(proposal((entries) => editLine(entries, 'consultation_responses', 1, (r) => (r.stance = 'maaske'))), /«records\/consultation_responses\.jsonl», linje 1, feltet «stance»: Ukendt holdning \(høringssvar\)/);
    await refused(proposal((entries) => editLine(entries, 'consultation_responses', 1, (r) => (r.text = ''))), /linje 1, feltet «text»: Høringssvarets tekst mangler \(høringssvar\)/);
  });
  it('61. a package of format version 1 (before the proposals) is still read', async () => {
    const result = await check(repack(() => {}, { manifest: (m) => (m.formatVersion = 1) }));
    expect(result.ok).toBe(true);
  });

  // -- Attachments and their files

  it('51. an attachment record whose file is missing', () => {
    const live = meetingEntries
      .filter((e) => e.name === 'records/attachments.jsonl')
      .flatMap((e) => lines(e.data).map((l) => JSON.parse(l) as { sha256: string; deletedAt: string | null }))
      .find((a) => a.deletedAt === null && a.sha256)!;
    return refused(repack((entries) => entries.splice(entries.findIndex((e) => e.name === `files/${live.sha256}`), 1)), /«records\/attachments\.jsonl», linje \d+, feltet «sha256»: Bilaget «.+» mangler sin fil \(files\/[0-9a-f]{64}\) i pakken/);
  });
  it('52. a file without any attachment record', () => {
    const stray = Buffer.from('%PDF-1.4 et løsrevet bilag');
    return refused(repack((entries) => entries.push({ name: `files/${sha256(stray)}`, data: stray }), { manifest: (m) => m.entries.push({ path: `files/${sha256(stray)}`, sha256: sha256(stray), bytes: stray.length }) }), /«files\/[0-9a-f]{64}» hører ikke til noget bilag i pakken/);
  });
  it('53. a file whose name is not its hash', () => {
    const stray = Buffer.from('noget andet');
    const name = meetingEntries.find((e) => e.name.startsWith('files/'))!.name;
    return refused(repack((entries) => (entries.find((e) => e.name === name)!.data = stray)), /feltet «entries\.\d+\.sha256»: Filens navn skal være dens SHA-256/);
  });
});
