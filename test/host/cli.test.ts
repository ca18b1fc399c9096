import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { openBackend } from '../../electron/backend/backend';
import { runCli } from '../../electron/host/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-cli-'));
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { SEKRETARIAT_DATA_DIR: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('command line', () => {
  it('prints help with exit code 0', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('Kommandoer:');
    expect(out).toContain('backup --out FIL');
  });

  it.each([
    [[], /Brug:/],
    [['frobnicate'], /Ukendt kommando: frobnicate/],
    [['migrate', '--bogus'], /^Fejl: Ukendt tilvalg: --bogus\. Se --help\.$/],
    [['backup', '--out'], /^Fejl: --out mangler en værdi\. Se --help\.$/],
    [['meetings', 'list', '--json=ja'], /^Fejl: --json tager ingen værdi\. Se --help\.$/],
    [['restore'], /restore kræver en sikkerhedskopi/],
    [['serve', '--port', 'abc'], /Ugyldig port/],
    [['migrate', 'extra'], /Uventet argument/],
  ])('exits 2 on bad input %j', async (args, message) => {
    const { code, out, err } = await cli(...args);
    expect(code).toBe(2);
    expect(`${out}${err}`).toMatch(message);
  });

  it('lists, shows and compares proposals (by id or code), and names bad input', async () => {
    const db = join(dir, 'forslag.db');
    await cli('demo', '--db', db);
    const list = await cli('proposal', 'list', '--db', db);
    expect(list.out).toMatch(/NT-1 +v2 +Revideret +Nyt botilbud til unge med svær selvskadende adfærd/);
    const id = (JSON.parse((await cli('proposal', 'list', '--db', db, '--json')).out) as { id: string }[])[0]!.id;

    const shown = await cli('proposal', 'show', id, '--version', '1', '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Version 1 af 2 (behandlet, låst)');
    expect(shown.out).toContain('NT-1 v1 – scenarie 2 (valgt): i alt 8.000.000 kr., Regionen 0 kr., kommunerne 8.000.000 kr.');
    expect(shown.out).toContain('2. DAS 27.05.2021, punkt 7 (v1): Udsat');
    expect(shown.out).toContain('Rebild Kommune: Forbehold');

    const diff = await cli('proposal', 'diff', 'nt-1', '--from', '1', '--to', '2', '--db', db);
    expect(diff.out).toMatch(/^NT-1 – version 1 og 2: \d+ af \d+ rækker er ændret\./);
    expect(diff.out).toContain('  I alt: 8.000.000 kr. → 7.130.000 kr.');
    expect(diff.out).toContain('  Regionens andel: 0 % → 25 %');

    expect(await cli('proposal', 'show', 'NT-7', '--db', db)).toMatchObject({ code: 2, err: 'Fejl: Forslaget NT-7 findes ikke. Se proposal list.' });
    expect(await cli('proposal', 'show', 'NT-1', '--version', '3', '--db', db)).toMatchObject({ code: 2, err: 'Fejl: Forslaget har ingen version 3.' });
    expect((await cli('proposal', 'diff', 'NT-1', '--from', 'en', '--db', db)).err).toBe('Fejl: Ugyldigt versionsnummer for --from: en. Skriv fx --from 2.');
    expect((await cli('proposal', 'show', '--db', db)).err).toBe('Fejl: proposal show kræver et forslags id eller betegnelse, fx proposal show NT-1 (se proposal list).');
  }, 180_000);

  it('migrates, loads demo data and backs up, with --json output', async () => {
    const db = join(dir, 'a.db');
    expect(JSON.parse((await cli('migrate', '--db', db, '--json')).out)).toMatchObject({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(JSON.parse((await cli('migrate', '--db', db, '--json')).out)).toMatchObject({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    expect(JSON.parse((await cli('demo', '--db', db, '--json')).out)).toEqual({ bodies: 3, organisations: 0, meetings: 5, items: 48, scenarios: 6, proposals: 1 });
    expect(JSON.parse((await cli('demo', '--db', db, '--json')).out)).toEqual({ bodies: 0, organisations: 0, meetings: 0, items: 0, scenarios: 0, proposals: 0 });

    const out = join(dir, 'kopi.zip');
    const backup = await cli('backup', '--db', db, '--out', out, '--json');
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out)).toMatchObject({ file: out });
    const copyDb = join(dir, 'andet', 'kopi.db');
    expect((await cli('restore', out, '--db', copyDb)).code).toBe(0);
    const copy = new Database(copyDb, { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 5 });
    copy.close();

    const again = await cli('backup', '--db', db, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/findes allerede/);
  });

  it('uses the data folder from SEKRETARIAT_DATA_DIR by default', async () => {
    const { code, out } = await cli('migrate');
    expect(code).toBe(0);
    expect(out).toContain(join(dir, 'sekretariat.db'));
  });

  it('refuses a file that is not a database, with exit code 2, leaving it unchanged', async () => {
    const file = join(dir, 'referat.docx');
    writeFileSync(file, 'PK\u0003\u0004 not a database');
    const before = readFileSync(file);
    const { code, err } = await cli('migrate', '--db', file);
    expect(code).toBe(2);
    expect(err).toMatch(/ikke en SQLite-fil/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('import extracts the attachments\' text before it exits, so search finds it at once', async () => {
    // The source laptop: three items, each with a text attachment saying the same unusual word.
    const source = join(dir, 'kilde', 'sekretariat.db');
    const backend = await openBackend({ databaseFile: source, appVersion: '0.0.0-test', log: { error: () => {} } });
    try {
      const das = (await backend.call('bodies.list', {})) as { ok: true; data: { id: string; code: string }[] };
      const meeting = (await backend.call('meetings.create', { bodyId: das.data.find((b) => b.code === 'DAS')!.id, date: '2021-05-27' })) as { ok: true; data: { id: string } };
      for (const [i, town] of ['Hjørring', 'Thisted', 'Rebild'].entries()) {
        const item = (await backend.call('agenda.create', { meetingId: meeting.data.id, title: `Punkt ${i + 1}` })) as { ok: true; data: { id: string } };
        const file = await backend.files!.storeStream(Readable.from([Buffer.from(`Høringssvar fra ${town} Kommune om pindsvinebeskyttelse.`)]), `${town}.txt`);
        expect((await backend.call('attachments.add', { itemId: item.data.id, sha256: file.sha256, fileName: file.fileName })).ok).toBe(true);
      }
    } finally {
      await backend.close();
    }
    const pkg = join(dir, 'pakke.sekretariat');
    expect((await cli('export', '--scope', 'all', '--db', source, '--out', pkg)).code).toBe(0);

    // The other laptop, through the command line as a user runs it.
    const target = mkdtempSync(join(tmpdir(), 'sekretariat-modtager-'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli-entry.ts', ...args], {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
        timeout: 150_000,
        env: { ...process.env, SEKRETARIAT_DATA_DIR: target },
      });
    expect(run('migrate').status).toBe(0);
    const imported = run('import', pkg);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain('Udtrækker tekst fra bilag 1 af 3');
    expect(imported.stderr).toContain('Udtrækker tekst fra bilag 3 af 3');
    expect(imported.stdout).toContain('Teksten i 3 af 3 bilagsfil(er) kan nu søges.');
    const found = run('search', 'pindsvinebeskyttelse', '--json');
    expect(found.status).toBe(0);
    const hits = JSON.parse(found.stdout) as { itemTitle: string }[];
    expect(hits.map((h) => h.itemTitle).sort()).toEqual(['Punkt 1', 'Punkt 2', 'Punkt 3']);
  }, 300_000);

  describe('serve', () => {
    const root = join(import.meta.dirname, '..', '..');
    /** The command line as a process, as `npm run -s cli` runs it; killed (status null) if it has not ended in 4 minutes. */
    const spawnCli = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli-entry.ts', ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000,
        env: { ...process.env, SEKRETARIAT_DATA_DIR: dir, ...env },
      });

    it('exits with code 2 and a Danish message when the UI is not built, also with attachment text still to extract', async () => {
      // The demo's attachments wait for their text: work that kept the process alive after the message.
      expect((await cli('demo')).code).toBe(0);
      const pending = new Database(join(dir, 'sekretariat.db'), { readonly: true });
      expect((pending.prepare("SELECT count(*) AS n FROM files WHERE text_status = 'afventer'").get() as { n: number }).n).toBeGreaterThan(0);
      pending.close();
      const run = spawnCli({ SEKRETARIAT_UI_DIR: mkdtempSync(join(tmpdir(), 'ingen-brugerflade-')) }, 'serve');
      expect(run.signal).toBeNull();
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe('Fejl: Brugerfladen er ikke bygget. Kør «npm run build» først (npm start gør det selv).');
      expect(run.stdout).toBe('');
    }, 120_000);

    it('exits with code 2 when the port is taken', async () => {
      const ui = mkdtempSync(join(tmpdir(), 'brugerflade-'));
      writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Sekretariat</title>');
      const taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
      try {
        const port = (taken.address() as AddressInfo).port;
        const run = spawnCli({ SEKRETARIAT_UI_DIR: ui }, 'serve', '--port', String(port));
        expect(run.signal).toBeNull();
        expect(run.status).toBe(2);
        expect(run.stderr.trim()).toBe(`Fejl: Port ${port} er optaget af et andet program. Vælg en anden med --port, eller udelad --port.`);
      } finally {
        taken.close();
      }
    }, 120_000);
  });

  it('runs as `npm run -s cli` does, with real exit codes', () => {
    const root = join(import.meta.dirname, '..', '..');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli-entry.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SEKRETARIAT_DATA_DIR: dir } });
    const ok = run('migrate', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ to: LATEST_SCHEMA_VERSION });
    const bad = run('nonsense');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Ukendt kommando');
  }, 180_000);
});
