/**
 * Exchange as the window drives it: export, check and import run as background jobs with progress events, and a
 * cancel at any moment before the commit leaves the database and the file store exactly as they were.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { AppError } from '../../electron/backend/errors';
import { applyImport } from '../../electron/backend/exchange/apply';
import { receivePackage } from '../../electron/backend/exchange/incoming';
import { JobRunner } from '../../electron/backend/jobs';
import type { JobStatus } from '../../shared/domain/jobs';
import { ENTITY_NAMES } from '../../shared/exchange/records';
import { call, jobResult, refusalOf, settled } from '../helpers/backend';

let dir: string;
let a: Backend;
let b: Backend;
let ids = 0;

const open = (name: string) =>
  openBackend({
    databaseFile: join(dir, name, 'sekretariat.db'),
    appVersion: '0.0.0-test',
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    log: { error: () => {} },
  });

/** Every exchanged row, hashed: equal means equal content. */
async function contentOf(backend: Backend): Promise<string> {
  const hash = createHash('sha256');
  for (const entity of ENTITY_NAMES) hash.update(JSON.stringify(await backend.database.db.selectFrom(entity as 'bodies').selectAll().orderBy('id').execute()));
  hash.update(JSON.stringify(await backend.database.db.selectFrom('files').selectAll().orderBy('sha256').execute()));
  return hash.digest('hex');
}
/** Attachment files in a backend's store (named by their SHA-256). */
const storedFiles = (name: string) => {
  const root = join(dir, name, 'files');
  return existsSync(root) ? readdirSync(root, { recursive: true }).filter((n) => /[0-9a-f]{64}$/.test(String(n))).length : 0;
};

/** A's whole database as a package received by B, the way the upload route receives it. */
async function sendAllToB(): Promise<string> {
  const made = await jobResult(a, 'exchange.export', { scope: { kind: 'all' } }, 'export');
  const file = await a.exports.find(made.export.exportId);
  const received = await receivePackage(b.incoming, createReadStream(file!.path), file!.fileName);
  expect(received).toMatchObject({ fileName: made.export.fileName, bytes: file!.size });
  return received.packageId;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-exchange-jobs-'));
  a = await open('a');
  b = await open('b');
  await call(a, 'demo.load', {});
  await a.files?.text.close();
  await b.files?.text.close();
});
afterAll(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('job runner', () => {
  const runner = (events: JobStatus[]) =>
    new JobRunner({ emit: (s) => events.push(s), now: () => new Date(), newId: () => `00000000-0000-4000-9000-${String(++ids).padStart(12, '0')}`, log: () => {}, throttleMs: 0 });

  it('answers at once with a running status, reports progress, and ends done with the result', async () => {
    const events: JobStatus[] = [];
    const jobs = runner(events);
    const started = jobs.start('backup', 'Begynder', async (job) => {
      job.progress('Halvvejs', 0.5);
      return { type: 'backup', backup: { fileName: 'x.db', kind: 'manual', createdAt: '2026-11-23T00:00:00.000Z', bytes: 1, files: null } };
    });
    expect(started).toMatchObject({ state: 'running', step: 'Begynder', fraction: null, cancellable: true });
    const done = await jobs.settled(started.id);
    expect(done).toMatchObject({ state: 'done', fraction: 1, result: { type: 'backup' } });
    expect(events.map((e) => [e.step, e.fraction])).toEqual([['Halvvejs', 0.5], ['Færdig', 1]]);
  });

  it('a cancel ends the job as cancelled; once past its point of no return a cancel is refused', async () => {
    const jobs = runner([]);
    const cancelled = jobs.start('exchange.import', 'Arbejder', (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('stop')))));
    jobs.cancel(cancelled.id);
    expect(await jobs.settled(cancelled.id)).toMatchObject({ state: 'cancelled', error: null });

    let release!: () => void;
    const committing = jobs.start('restore', 'Arbejder', async (job) => {
      job.pointOfNoReturn('Gemmer');
      await new Promise<void>((resolve) => (release = resolve));
      return { type: 'restore', restore: { restoredFrom: 'a', safetyBackup: 'b', filesRestored: 0, missingFiles: [] } };
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => jobs.cancel(committing.id)).toThrow(/kan ikke længere afbrydes/);
    release();
    expect(await jobs.settled(committing.id)).toMatchObject({ state: 'done' });
  });

  it('a failure carries the Danish message and code; an unexpected one says so; two imports never run side by side', async () => {
    const jobs = runner([]);
    const refused = jobs.start('exchange.preview', 'Kontrollerer', async () => {
      throw new AppError('INVALID_INPUT', 'Pakken er beskadiget.');
    });
    expect((await jobs.settled(refused.id)).error).toEqual({ code: 'INVALID_INPUT', message: 'Pakken er beskadiget.' });
    const broken = jobs.start('exchange.preview', 'Kontrollerer', async () => {
      throw new TypeError('x is undefined');
    });
    expect((await jobs.settled(broken.id)).error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/uventet fejl.*Intet er ændret/) });

    const first = jobs.start('exchange.import', 'Importerer', () => new Promise((_resolve, reject) => setTimeout(() => reject(new AppError('INVALID_INPUT', 'slut')), 20)));
    expect(() => jobs.start('restore', 'Gendanner', async () => ({ type: 'restore', restore: { restoredFrom: 'a', safetyBackup: 'b', filesRestored: 0, missingFiles: [] } }))).toThrow(/allerede i gang/);
    await jobs.settled(first.id);
  });
});

describe('exchange through the contract', () => {
  it('exports, checks and imports a whole database; progress events arrive; the same package again changes nothing', async () => {
    const packageId = await sendAllToB();
    expect(await call(b, 'exchange.incoming', {})).toEqual([expect.objectContaining({ packageId })]);

    const events: JobStatus[] = [];
    const unsubscribe = b.subscribe((event, payload) => event === 'job.progress' && events.push(payload as JobStatus));
    const checked = await jobResult(b, 'exchange.preview', { packageId }, 'preview');
    expect(checked.preview).toMatchObject({ scope: { kind: 'all' }, alreadyImported: false, fromThisInstallation: false, conflicts: [] });
    expect(checked.preview.totals.new).toBeGreaterThan(200);
    expect(checked.preview.entities.find((e) => e.entity === 'meetings')).toMatchObject({ label: 'møder', total: 5, new: 5 });
    expect(checked.preview.files.count).toBeGreaterThan(0);

    const before = await contentOf(b);
    const imported = await jobResult(b, 'exchange.import', { packageId, default: 'mine', perRecord: {} }, 'import');
    unsubscribe();
    expect(imported.report).toMatchObject({ alreadyImported: false, inserted: checked.preview.totals.new, filesCopied: checked.preview.files.count });
    expect(imported.report.backup).toMatch(/-import\.db$/);
    expect(await contentOf(b)).not.toBe(before);
    expect((await call(b, 'meetings.list', {})).length).toBe(5);
    // The received package is gone once imported.
    expect(await call(b, 'exchange.incoming', {})).toEqual([]);
    // Progress went forward through the steps to the end.
    const fractions = events.filter((e) => e.kind === 'exchange.import' && e.fraction !== null).map((e) => e.fraction!);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
    expect(events.at(-1)).toMatchObject({ kind: 'exchange.import', state: 'done', fraction: 1 });

    const again = await sendAllToB();
    const second = await jobResult(b, 'exchange.import', { packageId: again, default: 'theirs', perRecord: {} }, 'import');
    expect(second.report).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
  });

  it('settles conflicts record by record: the one named takes theirs, the rest keep mine', async () => {
    const [first, second] = await call(a, 'meetings.list', {});
    for (const [backend, note] of [[a, 'Ændret på A'], [b, 'Ændret på B']] as const) {
      for (const meeting of [first!, second!]) {
        const current = await call(backend, 'meetings.get', { id: meeting.id });
        await call(backend, 'meetings.update', { id: meeting.id, revision: current.revision, patch: { note } });
      }
    }
    const packageId = await sendAllToB();
    const { preview } = await jobResult(b, 'exchange.preview', { packageId }, 'preview');
    expect(preview.conflicts.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(preview.conflicts[0]).toMatchObject({ entityLabel: 'møder', canKeepBoth: true, label: expect.stringMatching(/^møde \d{2}\.\d{2}\.\d{4}$/) });

    await jobResult(b, 'exchange.import', { packageId, default: 'mine', perRecord: { [first!.id]: 'theirs' } }, 'import');
    expect((await call(b, 'meetings.get', { id: first!.id })).note).toBe('Ændret på A');
    expect((await call(b, 'meetings.get', { id: second!.id })).note).toBe('Ændret på B');
  });

  it('refuses an unknown package id and a package that is not one, in Danish, changing nothing', async () => {
    const before = await contentOf(b);
    expect(await refusalOf(b, 'exchange.preview', { packageId: '00000000-0000-4000-8000-999999999999' })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Vælg filen igen/) });
    const { Readable } = await import('node:stream');
    const junk = await receivePackage(b.incoming, Readable.from([Buffer.from('Dette er ikke en pakke, men et brev.')]), 'brev.sekretariat');
    expect(await refusalOf(b, 'exchange.import', { packageId: junk.packageId, default: 'mine', perRecord: {} })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/Sekretariat-pakke|ikke en/) });
    expect(await contentOf(b)).toBe(before);
    expect(await call(b, 'exchange.discard', { packageId: junk.packageId })).toEqual({ discarded: true });
    expect(await call(b, 'exchange.discard', { packageId: junk.packageId })).toEqual({ discarded: false });
  });

  it('a package larger than allowed is refused while it arrives, and nothing of it is kept', async () => {
    const { Readable } = await import('node:stream');
    await expect(receivePackage(b.incoming, Readable.from([Buffer.alloc(2048)]), 'stor.sekretariat', 1024)).rejects.toThrow(/større end/);
    expect(await call(b, 'exchange.incoming', {})).toEqual([]);
  });
});

describe('cancelling leaves no partial state', () => {
  let c: Backend;
  let packagePath: string;
  beforeAll(async () => {
    c = await open('c');
    await c.files?.text.close();
    const made = await jobResult(a, 'exchange.export', { scope: { kind: 'all' } }, 'export');
    packagePath = (await a.exports.find(made.export.exportId))!.path;
  });
  afterAll(() => c.close());

  it.each(['Kontrollerer pakken og kopierer bilagsfiler', 'Tager en sikkerhedskopi', 'Skriver i databasen'])('an import cancelled while «%s» changes nothing', async (step) => {
    const before = await contentOf(c);
    const filesBefore = storedFiles('c');
    const controller = new AbortController();
    const steps = new Set<string>();
    let filesAtCancel = 0;
    // Cancelled while checking, the reader refuses the package; later, the import throws. Either way: stopped.
    const outcome = await applyImport({ db: c.database.db, files: c.files, backups: c.backups }, packagePath, { default: 'mine' }, {
        signal: controller.signal,
        onProgress: (current, fraction) => {
          steps.add(current);
          // While checking: well into the attachment files, some of them already copied into the store.
          if (current === step && !controller.signal.aborted && (!step.startsWith('Kontrollerer') || fraction > 0.6)) {
            filesAtCancel = storedFiles('c');
            controller.abort();
          }
        },
      }).then(
      (result) => (result.ok ? 'importeret' : result.problems[0]!.message),
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/afbrudt/i);
    expect(steps).toContain(step);
    expect(await contentOf(c)).toBe(before);
    expect(c.database.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // No file of the package is left in the store without its record (files were there when it stopped).
    expect(filesAtCancel).toBeGreaterThan(filesBefore);
    expect(storedFiles('c')).toBe(filesBefore);
  });

  it('an export cancelled half-way leaves no file; a backup cancelled leaves no backup', async () => {
    const exportsBefore = (await a.exports.list()).length;
    const started = await call(a, 'exchange.export', { scope: { kind: 'all' } });
    await call(a, 'jobs.cancel', { id: started.id });
    const ended = await settled(a, started.id);
    expect(ended.state).toBe('cancelled');
    expect((await a.exports.list()).length).toBe(exportsBefore);

    const backupsBefore = (await call(a, 'backups.list', {})).length;
    const backup = await call(a, 'backups.create', {});
    await call(a, 'jobs.cancel', { id: backup.id });
    expect((await settled(a, backup.id)).state).toBe('cancelled');
    expect((await call(a, 'backups.list', {})).length).toBe(backupsBefore);
  });
});
