/**
 * The benchmarks' input with real attachment files (shared by bench:exchange and bench:backups): the ten-year database
 * of the meetings benchmark (500 meetings, 10 000 items and decisions; generate.ts and generate-agenda.ts) cut down to
 * 2 000 attachments whose files really exist: about 1 GB of incompressible bytes behind a PDF header, mostly
 * 100 kB–2 MB with a dozen of 10–30 MB, written straight into the file store's layout (`files/<2 hex>/<sha256>`) with
 * `files` rows that match. One meeting (20 items) gets 40 ordinary-sized ones. The input is cached under the tmp dir,
 * keyed by CACHE_VERSION, the schema version (a benchmark of another branch opening the input migrates it) and the
 * volume, so reruns skip the generation.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { ensureInstallationId } from '../../db/queries/settings';
import { openBackend } from '../../electron/backend/backend';
import { generateAgendas } from './generate-agenda';
import { generateYearsOfMeetings } from './generate';

/** Bump when the generated input changes shape, so an old cache is not reused. */
const CACHE_VERSION = 'v1';
const ATTACHMENTS = 2_000;
const MEETING_ATTACHMENTS = 40;
const LARGE = 12;
const GB = 1024 ** 3;
const MB = 1024 ** 2;

export const num = (x: number, digits = 1) => x.toLocaleString('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const s = (ms: number) => `${num(ms / 1000, 1)} s`;
export const mb = (bytes: number) => `${num(bytes / MB, 0)} MB`;

/** A small deterministic generator, so every cache holds the same mix of sizes. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` sizes summing to about `total`: LARGE files of 10–30 MB (scaled with the total), the rest spread
 * log-uniformly over 100 kB–2 MB with a skew towards the small end, found by bisection so the sum comes out right.
 */
function attachmentSizes(count: number, total: number): number[] {
  const next = random(6);
  const scale = Math.min(1, total / GB);
  const large = Array.from({ length: LARGE }, () => Math.round((10 + 20 * next()) * MB * scale));
  const u = Array.from({ length: count - LARGE }, () => next());
  const rest = total - large.reduce((a, b) => a + b, 0);
  const smallAt = (p: number) => u.map((x) => Math.round(100 * 1024 * 20 ** (x ** p)));
  let lo = 0.2;
  let hi = 40;
  for (let i = 0; i < 60; i++) {
    const p = (lo + hi) / 2;
    if (smallAt(p).reduce((a, b) => a + b, 0) > rest) lo = p;
    else hi = p;
  }
  // Ordinary sizes first (the one-meeting package takes those), the large ones last.
  return [...smallAt((lo + hi) / 2), ...large];
}

/** A PDF-looking file of incompressible bytes. */
function pdfBytes(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 0, 'latin1');
  bytes.write('\n%%EOF\n', size - 7, 'latin1');
  return bytes;
}

export interface Input {
  dir: string;
  databaseFile: string;
  filesDir: string;
  meetingId: string;
  attachments: number;
  fileBytes: number;
  scaled: boolean;
}

const free = (dir: string) => {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
};

/** The generated input, from the cache when it is complete there. */
export async function attachmentsInput(): Promise<Input> {
  const available = free(tmpdir());
  // Input (~1,2 GB) + one copy or the package (~1,2 GB) at a time, with room to spare.
  const needed = 3.5 * GB;
  const probe = join(tmpdir(), `sekretariat-bench-exchange-${CACHE_VERSION}-s${LATEST_SCHEMA_VERSION}-${ATTACHMENTS}-1024MB`);
  const cached = existsSync(join(probe, 'klar.json'));
  const scaled = !cached && available < needed;
  const total = scaled ? Math.max(64 * MB, Math.floor(((available - 0.5 * GB) / 3) / MB) * MB) : GB;
  if (scaled) console.log(`OBS: kun ${num(available / GB)} GB fri plads i ${tmpdir()} (under 3,5 GB): bilagene skaleres ned til ${mb(total)} i alt.`);
  const dir = join(tmpdir(), `sekretariat-bench-exchange-${CACHE_VERSION}-s${LATEST_SCHEMA_VERSION}-${ATTACHMENTS}-${Math.round(total / MB)}MB`);
  const ready = join(dir, 'klar.json');
  if (existsSync(ready)) {
    const meta = JSON.parse(readFileSync(ready, 'utf8')) as Omit<Input, 'dir' | 'databaseFile' | 'filesDir'>;
    console.log(`Genbruger genereret input i ${dir}`);
    return { dir, databaseFile: join(dir, 'ti-aar.db'), filesDir: join(dir, 'files'), ...meta };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseFile = join(dir, 'ti-aar.db');
  const filesDir = join(dir, 'files');
  const t0 = performance.now();
  const backend = await openBackend({ databaseFile, appVersion: 'bench', backupDir: join(dir, 'backups') });
  const db = backend.database.db;
  await generateYearsOfMeetings(db, 2016, 10);
  await generateAgendas(db);

  // The meeting of the one-meeting package: the last generated DAS meeting, all 20 items with both their attachments.
  // (The demo data's own attachments have no files and are left out of the 2 000.)
  const meeting = (
    await sql<{ id: string }>`SELECT m.id FROM meetings m JOIN bodies b ON b.id = m.body_id JOIN agenda_items i ON i.meeting_id = m.id
      JOIN attachments a ON a.item_id = i.id WHERE b.code = 'DAS' AND a.sha256 IS NOT NULL GROUP BY m.id HAVING count(*) >= ${MEETING_ATTACHMENTS}
      ORDER BY m.date DESC LIMIT 1`.execute(db)
  ).rows[0]!;
  const own = await db
    .selectFrom('attachments')
    .innerJoin('agenda_items', 'agenda_items.id', 'attachments.item_id')
    .select(['attachments.id', 'attachments.sha256'])
    .where('agenda_items.meeting_id', '=', meeting.id)
    .where('attachments.sha256', 'is not', null)
    .orderBy('attachments.id')
    .execute();
  const ownIds = new Set(own.map((a) => a.id));
  // The rest spread at random over the ten years (ids are random UUIDs).
  const others = (await db.selectFrom('attachments').select(['id', 'sha256']).where('sha256', 'is not', null).orderBy('id').execute()).filter((a) => !ownIds.has(a.id));
  const kept = [...own.slice(0, MEETING_ATTACHMENTS), ...others.slice(0, ATTACHMENTS - Math.min(MEETING_ATTACHMENTS, own.length))];
  const sizes = attachmentSizes(kept.length, total);

  let fileBytes = 0;
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE kept (id TEXT PRIMARY KEY)`.execute(trx);
    for (const a of kept) await sql`INSERT INTO kept (id) VALUES (${a.id})`.execute(trx);
    // The other 18 000 attachments (and their placeholder file rows and search entries) go.
    const gone = await sql<{ rowid: number }>`SELECT rowid FROM search_documents WHERE entity = 'attachment' AND entity_id NOT IN (SELECT id FROM kept)`.execute(trx);
    for (const { rowid } of gone.rows) await sql`DELETE FROM search_fts WHERE rowid = ${rowid}`.execute(trx);
    await sql`DELETE FROM search_documents WHERE entity = 'attachment' AND entity_id NOT IN (SELECT id FROM kept)`.execute(trx);
    await sql`DELETE FROM attachments WHERE id NOT IN (SELECT id FROM kept)`.execute(trx);
    await sql`DELETE FROM files WHERE sha256 NOT IN (SELECT sha256 FROM attachments WHERE sha256 IS NOT NULL)`.execute(trx);
    await sql`DROP TABLE kept`.execute(trx);
    // Each kept attachment gets a real file; its placeholder row gives way to one with the file's hash and size.
    for (const [i, a] of kept.entries()) {
      const bytes = pdfBytes(sizes[i]!);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await mkdir(join(filesDir, sha256.slice(0, 2)), { recursive: true });
      await writeFile(join(filesDir, sha256.slice(0, 2), sha256), bytes);
      fileBytes += bytes.length;
      const old = await trx.selectFrom('files').selectAll().where('sha256', '=', a.sha256!).executeTakeFirstOrThrow();
      await trx.insertInto('files').values({ ...old, sha256, size: bytes.length }).execute();
      await trx.updateTable('attachments').set({ sha256 }).where('id', '=', a.id).execute();
      await trx.deleteFrom('files').where('sha256', '=', a.sha256!).execute();
    }
  });
  // Made here, not during the measured export (the writer makes it on first use).
  await ensureInstallationId(db, randomUUID, new Date().toISOString());
  await sql`VACUUM`.execute(db);
  await backend.close();
  rmSync(join(dir, 'backups'), { recursive: true, force: true });
  const meta = { meetingId: meeting.id, attachments: kept.length, fileBytes, scaled };
  writeFileSync(ready, JSON.stringify(meta));
  console.log(`Genereret på ${s(performance.now() - t0)}: ${kept.length} bilag, ${mb(fileBytes)} bilagsfiler, database ${mb(statSync(databaseFile).size)}`);
  return { dir, databaseFile, filesDir, ...meta };
}

