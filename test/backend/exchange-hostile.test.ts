import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyImport, type Resolutions } from '../../electron/backend/exchange/apply';
import { previewImport, type ImportPreview } from '../../electron/backend/exchange/merge';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { runCli } from '../../electron/host/cli';
import type { ExchangeScope } from '../../shared/exchange/manifest';
import { call } from '../helpers/backend';

let dir: string;
let a: Backend;
let b: Backend;
let packageNo = 0;

async function exportAll(scope: ExchangeScope = { kind: 'all' }, newId?: () => string): Promise<string> {
  const summary = await writePackage({
    db: a.database.db,
    databaseFile: a.database.file,
    files: a.files,
    scope,
    target: join(dir, `pakke-${++packageNo}.sekretariat`),
    appVersion: '0.0.0-test',
    schemaVersion: a.database.migration.to,
    newId,
  });
  return summary.file;
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

/** A laptop (or a hand-made package) changing an item's fields as the package will carry them. */
async function edit(backend: Backend, id: string, patch: { closed?: number; closed_title_visible?: number; title?: string; resume?: string }) {
  const row = await backend.database.db.selectFrom('agenda_items').select('revision').where('id', '=', id).executeTakeFirstOrThrow();
  await backend.database.db
    .updateTable('agenda_items')
    .set({ ...patch, revision: row.revision + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

const item = (backend: Backend, id: string) => backend.database.db.selectFrom('agenda_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();


/** The demo's closed items, the same ids on both laptops once B has taken A's package. */
let closed: { id: string; title: string }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-hostile-'));
  a = await openBackend({ databaseFile: join(dir, 'a', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  b = await openBackend({ databaseFile: join(dir, 'b', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  await call(a, 'demo.load', {});
  await a.files?.text.close();
  await b.files?.text.close();
  await apply(await exportAll());
  closed = await b.database.db
    .selectFrom('agenda_items')
    .select(['id', 'title'])
    .where('closed', '=', 1)
    .where('closed_title_visible', '=', 0)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange import: a package never opens a closed item behind the user’s back', () => {
  it('the demo has enough closed items to try', () => {
    expect(closed.length).toBeGreaterThanOrEqual(4);
  });

  it('a closed item opened in the package (a clean change, only there) is listed and stays closed unless chosen; the other edits are taken', async () => {
    const [kept, opened] = closed;
    await edit(a, kept!.id, { closed: 0, resume: '<p>Nyt resumé fra A</p>' });
    await edit(a, opened!.id, { closed: 0 });
    const file = await exportAll();

    const seen = await preview(file);
    expect(seen.openings.map((o) => o.id).sort()).toEqual([kept!.id, opened!.id].sort());
    expect(seen.openings.every((o) => o.kinds.includes('open'))).toBe(true);
    expect(seen.openings.find((o) => o.id === kept!.id)!.label).toContain(kept!.title.slice(0, 40));

    const report = await apply(file, { default: 'mine', openings: { [opened!.id]: 'open' } });
    const keptRow = await item(b, kept!.id);
    expect(keptRow.closed).toBe(1);
    // The edit of another field of the same item is merged as usual.
    expect(keptRow.resume).toBe('<p>Nyt resumé fra A</p>');
    expect((await item(b, opened!.id)).closed).toBe(0);
    expect(report.notes.join(' ')).toContain(`Holdt lukket som her`);
    expect(report.notes.join(' ')).toContain(kept!.title.slice(0, 40));
  }, 120_000);

  it('«show the title» turned on by the package is listed and stays off unless chosen', async () => {
    const shown = closed[2]!;
    await edit(a, shown.id, { closed_title_visible: 1 });
    const file = await exportAll();
    const seen = await preview(file);
    expect(seen.openings).toEqual([expect.objectContaining({ id: shown.id, kinds: ['showTitle'] })]);
    await apply(file);
    expect((await item(b, shown.id)).closed_title_visible).toBe(0);
    expect((await item(b, shown.id)).closed).toBe(1);
  }, 120_000);

  it('an item edited on both laptops and opened in the package stays closed also when the conflict takes theirs or keeps both', async () => {
    const target = closed[3]!;
    await edit(a, target.id, { closed: 0, title: `${target.title} (A)` });
    await edit(b, target.id, { title: `${target.title} (B)` });
    const file = await exportAll();
    const seen = await preview(file);
    expect(seen.openings.map((o) => o.id)).toEqual([target.id]);
    expect(seen.conflicts.map((c) => c.id)).toContain(target.id);
    await apply(file, { default: 'both' });
    const copies = await b.database.db.selectFrom('agenda_items').selectAll().where('title', 'like', `${target.title} (A)%`).execute();
    expect(copies.length).toBe(1);
    expect(copies[0]!.closed).toBe(1);
    expect((await item(b, target.id)).closed).toBe(1);
  }, 120_000);

  it('the command line refuses it in Danish, naming the item, unless --allow-open-closed; control characters from the package are escaped', async () => {
    // A third laptop that takes A's packages on the command line only.
    const c = join(dir, 'c', 'sekretariat.db');
    await (await openBackend({ databaseFile: c, appVersion: '0.0.0-test', log: { error: () => {} } })).close();
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--db', c], { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: join(dir, 'c') });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const row = (id: string) => {
      const db = new Database(c, { readonly: true });
      try {
        return db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(id) as { closed: number; title: string };
      } finally {
        db.close();
      }
    };
    // The decisions' scope: items without attachment files, whose text extraction would hold the command a long while.
    const decisions: ExchangeScope = { kind: 'decisions' };
    expect((await cli('import', await exportAll(decisions))).code).toBe(0);
    const target = (await a.database.db.selectFrom('agenda_items').select(['id', 'title']).where('closed', '=', 1).where('deleted_at', 'is', null).orderBy('id', 'desc').executeTakeFirstOrThrow());
    const hostile = `Botilbud \u001b]0;hacked\u0007\u001b[2J Nord\u0000`;
    await edit(a, target.id, { closed: 0, title: hostile });
    const file = await exportAll(decisions);
    const before = row(target.id);
    expect(before.closed).toBe(1);

    const dry = await cli('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Pakken gør disse lukkede punkter åbne:');

    const refused = await cli('import', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Pakken gør disse lukkede punkter åbne:');
    expect(refused.err).toContain(target.title.slice(0, 40));
    expect(refused.err).toContain('--allow-open-closed');
    expect(refused.err).toContain('Botilbud \\x1b]0;hacked\\x07\\x1b[2J Nord\\x00');
    // eslint-disable-next-line no-control-regex -- what must not reach the terminal
    expect(refused.err + dry.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(row(target.id)).toEqual(before);

    const allowed = await cli('import', file, '--allow-open-closed');
    expect(allowed.code).toBe(0);
    expect(row(target.id).closed).toBe(0);
  }, 120_000);
});

describe('exchange import: where a package comes from', () => {
  it('a package from an installation not seen before says so and names it; a trusted laptop is named instead', async () => {
    const c = await openBackend({ databaseFile: join(dir, 'd', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
    try {
      await c.files?.text.close();
      const file = await exportAll({ kind: 'decisions' });
      const first = await previewImport(c.database.db, file);
      if (!first.ok) throw new Error(first.problems[0]!.message);
      const source = first.preview.summary.manifest.sourceInstallation;
      expect(first.preview.source).toEqual({ installation: source, known: false, trustedAs: null });
      const view = await call(c, 'exchange.trusted', {});
      expect(view).toEqual([]);
      // B has taken A's packages: known there, but not trusted until the user says so.
      const atB = await preview(file);
      expect(atB.source).toMatchObject({ known: true, trustedAs: null });

      expect(await call(c, 'exchange.trust', { id: source, name: 'Sekretariatets bærbar', trusted: true })).toEqual([{ id: source, name: 'Sekretariatets bærbar' }]);
      const again = await previewImport(c.database.db, file);
      if (!again.ok) throw new Error(again.problems[0]!.message);
      expect(again.preview.source.trustedAs).toBe('Sekretariatets bærbar');
      expect(await call(c, 'exchange.trust', { id: source, name: 'Sekretariatets bærbar', trusted: false })).toEqual([]);
    } finally {
      await c.close();
    }
  }, 120_000);

  it('the command line names an unknown source', async () => {
    const e = join(dir, 'e', 'sekretariat.db');
    await (await openBackend({ databaseFile: e, appVersion: '0.0.0-test', log: { error: () => {} } })).close();
    const out: string[] = [];
    const file = await exportAll({ kind: 'decisions' });
    expect(await runCli(['import', file, '--dry-run', '--db', e], { out: (t) => out.push(t), err: () => {} }, { SEKRETARIAT_DATA_DIR: join(dir, 'e') })).toBe(0);
    const source = (await a.database.db.selectFrom('settings').select('value').where('key', '=', 'installation_id').executeTakeFirstOrThrow()).value;
    expect(out.join('\n')).toContain(`Pakken kommer fra en installation, der ikke er set før: ${source}.`);
  }, 120_000);
});

describe('exchange import: an export id reused with other content', () => {
  it('is read as a new package, not skipped as «Intet er ændret»', async () => {
    const exportId = '0b7c6f0e-5d1a-4c55-9a0f-3f1f3c1d2e4a';
    const first = await exportAll({ kind: 'decisions' }, () => exportId);
    await apply(first);
    const open = await a.database.db.selectFrom('agenda_items').select(['id', 'title']).where('closed', '=', 0).where('deleted_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await edit(a, open.id, { title: `${open.title} (rettet)` });
    const second = await exportAll({ kind: 'decisions' }, () => exportId);

    const seen = await preview(second);
    expect(seen.alreadyImported).toBe(false);
    expect(seen.totals.changed).toBeGreaterThanOrEqual(1);
    expect(seen.notes.join(' ')).toContain('samme id som en pakke, der er indlæst før, men et andet indhold');
    const report = await apply(second);
    expect(report.applied.updated).toBeGreaterThanOrEqual(1);
    expect((await item(b, open.id)).title).toBe(`${open.title} (rettet)`);
    // The same bytes once more: now truly imported before.
    expect((await preview(second)).alreadyImported).toBe(true);
  }, 120_000);
});

describe('exchange import: a package that deletes a whole meeting', () => {
  it('names the meeting and its items in the preview, not only a count', async () => {
    const meetings = await call(a, 'meetings.list', {});
    const doomed = meetings[meetings.length - 1]!;
    const items = (await call(b, 'agenda.list', { meetingId: doomed.id })).filter((i) => !i.closed);
    expect(items.length).toBeGreaterThan(0);
    await call(a, 'meetings.delete', { id: doomed.id });
    const seen = await preview(await exportAll());
    expect(seen.counts.meetings.deleted).toBe(1);
    const note = seen.notes.find((n) => n.startsWith('Pakken sletter møde'));
    expect(note).toBeDefined();
    expect(note).toContain(doomed.date.split('-').reverse().join('.'));
    expect(note).toContain(`«${items[0]!.title.slice(0, 40)}`);
  }, 120_000);
});

describe('exchange import: variants that could never be opened', () => {
  async function variants() {
    return a.database.db.selectFrom('scenarios').selectAll().where('base_id', 'is not', null).where('deleted_at', 'is', null).orderBy('id').execute();
  }
  const touch = (id: string, set: { overrides?: string; base_id?: string }) =>
    a.database.db
      .updateTable('scenarios')
      .set({ ...set, revision: sql<number>`revision + 1`, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();

  it('refuses overrides that give no valid scenario, and a cyclic base, in Danish, before writing', async () => {
    const [first, second] = await variants();
    expect(second).toBeDefined();
    await touch(first!.id, { overrides: JSON.stringify({ occupancy: 'fuld' }) });
    const seen = await preview(await exportAll({ kind: 'scenarios', ids: [first!.id] }));
    expect(seen.blockers.join(' ')).toMatch(new RegExp(`Takstscenariet «${first!.name}» i pakken kan ikke åbnes: dens ændringer giver ikke et gyldigt scenarie`));
    const result = await applyImport({ db: b.database.db, files: b.files, backups: b.backups }, await exportAll({ kind: 'scenarios', ids: [first!.id] }), { default: 'theirs' });
    expect(result.ok).toBe(false);
    await touch(first!.id, { overrides: first!.overrides });

    // Each the other's base: a cycle no scenario can be computed from.
    await touch(first!.id, { base_id: second!.id });
    await touch(second!.id, { base_id: first!.id });
    const cyclic = await preview(await exportAll({ kind: 'scenarios', ids: [first!.id, second!.id] }));
    expect(cyclic.blockers.join(' ')).toMatch(/som selv er en variant; en variant skal bygge på et grundscenarie/);
    expect((await b.database.db.selectFrom('scenarios').select('base_id').where('id', '=', first!.id).executeTakeFirstOrThrow()).base_id).toBe(first!.base_id);
  }, 120_000);
});
