import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttachments } from '../../db/queries/attachments';
import { ExportStore } from '../../electron/backend/documents/export-store';
import { JobRunner } from '../../electron/backend/jobs';
import { openBackend, type Backend } from '../../electron/backend/backend';
import type { BackendContext } from '../../electron/backend/context';
import { writeAndAnnounce } from '../../electron/backend/write';
import { dispatch, type Handlers } from '../../electron/backend/dispatch';
import type { FileStore } from '../../electron/backend/files/file-store';
import { attachmentHandlers } from '../../electron/backend/handlers/attachments';
import { createHandlers } from '../../electron/backend/handlers';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

let dir: string;
let backend: Backend;
let ctx: BackendContext;
let handlers: Handlers;
let store: FileStore;
let events: unknown[];
let tick = 0;

/** A file-backed backend in a temp folder, with the attachment handlers wired in as handlers/index.ts will do. */
async function open(withFilesDir: boolean) {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-attachments-'));
  backend = await openBackend({ databaseFile: join(dir, 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  events = [];
  ctx = {
    db: backend.database.db,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 0, tick++)),
    newId: randomUUID,
    emit: (event, payload) => events.push({ event, payload }),
    write: (entities, work, options) => writeAndAnnounce(ctx, entities, work, options),
    appVersion: '0.0.0-test',
    databaseFile: backend.database.file,
    schemaVersion: backend.database.migration.to,
    files: withFilesDir ? backend.files : null,
    exports: backend.exports,
    printer: null,
    backups: backend.backups,
    jobs: new JobRunner({ emit: () => {}, now: () => new Date(), newId: randomUUID, log: () => {} }),
    incoming: backend.incoming,
    templates: new ExportStore(join(dir, 'incoming-templates')),
  };
  handlers = { ...createHandlers(ctx), ...attachmentHandlers(ctx) };
  store = backend.files!;
}

beforeEach(() => open(true));
afterEach(async () => {
  await store.close();
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run<M extends MethodName>(method: M, input: MethodInput<M>) {
  return dispatch(handlers, method, input, { error: () => {} });
}
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await run(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data as MethodOutput<M>;
}

async function newItem(title = 'Takster 2022') {
  const das = (await call('bodies.list', {})).find((b) => b.code === 'DAS')!;
  const meeting = await call('meetings.create', { bodyId: das.id, date: '2021-05-27', startTime: '13:00', endTime: '16:00' });
  return call('agenda.create', { meetingId: meeting.id, title });
}

const upload = (name: string, content: string | Uint8Array = `indhold af ${name}`) =>
  store.storeStream(Readable.from([Buffer.from(typeof content === 'string' ? Buffer.from(content) : content)]), name);

async function attach(itemId: string, name: string, extra: { title?: string; closed?: boolean } = {}) {
  const file = await upload(name);
  return call('attachments.add', { itemId, sha256: file.sha256, fileName: file.fileName, ...extra });
}

const numbered = async (itemId: string) => (await listAttachments(ctx.db, itemId)).map((a) => `Bilag ${a.number}: ${a.title}`);

describe('attachments', () => {
  it('adds uploaded files as Bilag 1, 2 ... titled by the file name unless given a title; closed ones on an open item too', async () => {
    const item = await newItem();
    const first = await attach(item.id, 'Takstoversigt 2022.xlsx');
    expect(first).toMatchObject({ number: 1, title: 'Takstoversigt 2022', fileName: 'Takstoversigt 2022.xlsx', closed: false, version: 1, revision: 1 });
    expect(first.size).toBe(Buffer.byteLength('indhold af Takstoversigt 2022.xlsx'));
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const second = await attach(item.id, 'notat.pdf', { title: 'Fortroligt notat om tilbuddet', closed: true });
    expect(second).toMatchObject({ number: 2, title: 'Fortroligt notat om tilbuddet', closed: true });
    expect(await numbered(item.id)).toEqual(['Bilag 1: Takstoversigt 2022', 'Bilag 2: Fortroligt notat om tilbuddet']);
    // The item view shows them (agenda.get uses listAttachments).
    expect((await call('agenda.get', { id: item.id })).attachments.map((a) => a.number)).toEqual([1, 2]);
    expect(events).toContainEqual({ event: 'data.changed', payload: { entities: ['agenda'], ids: [second.id, item.id] } });
  });

  it('refuses a file that was never uploaded, one gone from the data folder, and an item that does not exist', async () => {
    const item = await newItem();
    const unknown = await run('attachments.add', { itemId: item.id, sha256: 'a'.repeat(64), fileName: 'x.pdf' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!unknown.ok && unknown.error.message).toMatch(/^Filen er ikke uploadet/);

    const file = await upload('forsvundet.pdf');
    unlinkSync(store.pathOf(file.sha256));
    const missing = await run('attachments.add', { itemId: item.id, sha256: file.sha256, fileName: file.fileName });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Filen mangler i datamappen eller kan ikke læses. Vælg filen igen.' } });

    const other = await upload('ok.pdf');
    const noItem = await run('attachments.add', { itemId: randomUUID(), sha256: other.sha256, fileName: 'ok.pdf' });
    expect(noItem).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Punktet findes ikke (længere). Måske er det slettet.' } });
    expect(await run('attachments.add', { itemId: item.id, sha256: '../etc', fileName: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await numbered(item.id)).toEqual([]);
  });

  it('renumbers after delete and restore, without gaps', async () => {
    const item = await newItem();
    const ids: string[] = [];
    for (const name of ['A.pdf', 'B.pdf', 'C.pdf', 'D.pdf']) ids.push((await attach(item.id, name)).id);
    const [a, , c] = ids as [string, string, string, string];

    expect(await call('attachments.delete', { id: a })).toEqual({ id: a });
    expect(await numbered(item.id)).toEqual(['Bilag 1: B', 'Bilag 2: C', 'Bilag 3: D']);
    expect(await run('attachments.delete', { id: a })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(await call('attachments.restore', { id: a })).toMatchObject({ id: a, number: 1, title: 'A' });
    expect(await numbered(item.id)).toEqual(['Bilag 1: A', 'Bilag 2: B', 'Bilag 3: C', 'Bilag 4: D']);
    await call('attachments.delete', { id: c });
    expect(await numbered(item.id)).toEqual(['Bilag 1: A', 'Bilag 2: B', 'Bilag 3: D']);
  });

  it('replaces a file with a new version in the same place, version + 1, the old one kept as a tombstone', async () => {
    const item = await newItem();
    await attach(item.id, 'Forside.pdf');
    const old = await attach(item.id, 'Budget v1.xlsx');
    await attach(item.id, 'Bilagsliste.pdf');
    const titled = await attach(item.id, 'scan0001.pdf', { title: 'Høringssvar fra Aalborg' });

    const next = await upload('Budget v2.xlsx');
    const replaced = await call('attachments.replace', { id: old.id, sha256: next.sha256, fileName: next.fileName });
    expect(replaced).toMatchObject({ number: 2, version: 2, title: 'Budget v2', fileName: 'Budget v2.xlsx', sha256: next.sha256 });
    expect(replaced.id).not.toBe(old.id);
    expect(await numbered(item.id)).toEqual(['Bilag 1: Forside', 'Bilag 2: Budget v2', 'Bilag 3: Bilagsliste', 'Bilag 4: Høringssvar fra Aalborg']);
    const row = backend.database.raw.prepare('SELECT replaces_id, deleted_at FROM attachments WHERE id = ?');
    expect(row.get(replaced.id)).toEqual({ replaces_id: old.id, deleted_at: null });
    expect((row.get(old.id) as { deleted_at: string | null }).deleted_at).not.toBeNull();

    // A title the user wrote stays; the version goes on counting.
    const scan2 = await upload('scan0002.pdf');
    expect(await call('attachments.replace', { id: titled.id, sha256: scan2.sha256, fileName: 'scan0002.pdf' })).toMatchObject({ number: 4, version: 2, title: 'Høringssvar fra Aalborg' });
    const v3 = await upload('Budget v3.xlsx');
    expect(await call('attachments.replace', { id: replaced.id, sha256: v3.sha256, fileName: 'Budget v3.xlsx' })).toMatchObject({ number: 2, version: 3 });

    // The old version cannot come back beside the new one, nor can the same file be a "new" version.
    const restore = await run('attachments.restore', { id: old.id });
    expect(restore).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!restore.ok && restore.error.message).toMatch(/erstattet af en nyere version/);
    const current = (await listAttachments(ctx.db, item.id))[1]!;
    expect(await run('attachments.replace', { id: current.id, sha256: v3.sha256, fileName: 'Budget v3.xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Den valgte fil er identisk med den nuværende version af bilaget. Vælg den nye version.' },
    });
    expect(await run('attachments.replace', { id: current.id, sha256: 'b'.repeat(64), fileName: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('updates title and closed flag under optimistic concurrency', async () => {
    const item = await newItem();
    const a = await attach(item.id, 'notat.docx');
    const updated = await call('attachments.update', { id: a.id, revision: a.revision, patch: { title: 'Notat om økonomi', closed: true } });
    expect(updated).toMatchObject({ title: 'Notat om økonomi', closed: true, revision: a.revision + 1, number: 1 });
    expect(await run('attachments.update', { id: a.id, revision: a.revision, patch: { title: 'Gammel' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await run('attachments.update', { id: a.id, revision: updated.revision, patch: { title: '  ' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const history = await call('agenda.history', { id: item.id });
    expect(history.filter((h) => h.entity === 'bilag').map((h) => h.action)).toEqual(['aendret', 'oprettet']);
  });

  it('refuses changes to attachments of a deleted item or a meeting whose minutes are approved', async () => {
    const item = await newItem();
    const a = await attach(item.id, 'notat.pdf');
    backend.database.raw.prepare("UPDATE meetings SET status = 'referat_godkendt' WHERE id = ?").run(item.meetingId);
    expect(await run('attachments.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    backend.database.raw.prepare("UPDATE meetings SET status = 'planlagt' WHERE id = ?").run(item.meetingId);
    await call('agenda.delete', { id: item.id });
    const file = await upload('nyt.pdf');
    expect(await run('attachments.add', { itemId: item.id, sha256: file.sha256, fileName: 'nyt.pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('makes the text of an attached PDF searchable once it has been extracted', async () => {
    const item = await newItem('Orientering om takster');
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Kvadratmeterprisen for botilbud i Hjørring', { x: 50, y: 700, font, size: 12 });
    const file = await upload('Bilag om botilbud.pdf', await doc.save());
    const added = await call('attachments.add', { itemId: item.id, sha256: file.sha256, fileName: file.fileName });
    await store.idle();
    await vi.waitFor(async () => {
      const { hits } = await call('search.query', { query: 'kvadratmeterprisen' });
      expect(hits).toEqual([expect.objectContaining({ entity: 'attachment', entityId: added.id, itemId: item.id })]);
    });
  }, 120_000);
});

describe('attachments without a data folder (in-memory database)', () => {
  it('refuses to add, saying the file is not uploaded', async () => {
    await store.close();
    await backend.close();
    rmSync(dir, { recursive: true, force: true });
    await open(false);
    const item = await newItem();
    expect(await run('attachments.add', { itemId: item.id, sha256: 'c'.repeat(64), fileName: 'x.pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
