/**
 * The import on the command line, over a whole database: the dry run, a refused option, the apply and the same
 * package again. The command line makes the text of every imported annex searchable before it ends (one PDF.js
 * worker per file), so this takes a minute and runs in the slow tier (test/tiers.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { runCli } from '../../electron/host/cli';
import { call } from '../helpers/backend';

let dir: string;
let a: Backend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-import-cli-'));
  a = await openBackend({ databaseFile: join(dir, 'a', 'sekretariat.db'), appVersion: '0.0.0-test', log: { error: () => {} } });
  await call(a, 'demo.load', {});
  // A's own text extraction is not under test: stopped, so that its database holds still.
  await a.files?.text.close();
});

afterAll(async () => {
  await a?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('imports on the command line: dry run, apply with --on-conflict, again changes nothing', async () => {
  const io = { out: [] as string[], err: [] as string[] };
  const cli = async (...args: string[]) => {
    io.out = [];
    io.err = [];
    return runCli(args, { out: (t) => io.out.push(t), err: (t) => io.err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
  };
  const c = join(dir, 'c', 'sekretariat.db');
  await (await openBackend({ databaseFile: c, appVersion: '0.0.0-test', log: { error: () => {} } })).close();
  const { file } = await writePackage({
    db: a.database.db,
    databaseFile: a.database.file,
    files: a.files,
    scope: { kind: 'all' },
    target: join(dir, 'pakke.sekretariat'),
    appVersion: '0.0.0-test',
    schemaVersion: a.database.migration.to,
  });

  expect(await cli('import', file, '--dry-run', '--db', c, '--json')).toBe(0);
  const dry = JSON.parse(io.out.join('\n')) as { ok: boolean; imported: boolean; entities: Record<string, { total: number; new: number }> };
  expect(dry).toMatchObject({ ok: true, imported: false });
  expect(dry.entities.meetings!.new).toBe(dry.entities.meetings!.total);

  expect(await cli('import', file, '--db', c, '--on-conflict', 'alt')).toBe(2);
  expect(io.err.join('\n')).toMatch(/Ukendt --on-conflict/);

  expect(await cli('import', file, '--db', c, '--on-conflict', 'theirs')).toBe(0);
  expect(io.out.join('\n')).toMatch(/Importeret: \d+ nye/);
  expect(await cli('import', file, '--db', c, '--json')).toBe(0);
  const again = JSON.parse(io.out.join('\n')) as { applied: { inserted: number; updated: number }; notes: string[] };
  expect(again.applied).toMatchObject({ inserted: 0, updated: 0 });
  expect(again.notes.join(' ')).toMatch(/allerede indlæst/);
  expect(await cli('import', file, '--dry-run', '--db', c)).toBe(0);
  expect(io.out.join('\n')).toMatch(/Pakken er allerede indlæst/);
});
