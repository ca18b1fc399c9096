import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { dispatch, type Handlers } from '../../electron/backend/dispatch';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobStatus } from '../../shared/domain/jobs';
import { jobResult, openTestBackend, settled } from '../helpers/backend';

let backend: Backend;
beforeEach(async () => {
  backend = await openTestBackend();
});
afterEach(() => backend.close());

describe('dispatch: malformed calls get an error envelope and change nothing', () => {
  const countRows = () =>
    (backend.database.raw.prepare('SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) FROM bodies) AS n').get() as { n: number }).n;

  it.each([
    ['an unknown method', 'meetings.drop', {}, 'UNKNOWN_METHOD'],
    ['a prototype key as method', '__proto__', {}, 'UNKNOWN_METHOD'],
    ['a non-string method', 42, {}, 'UNKNOWN_METHOD'],
    ['a wrong shape', 'meetings.create', { bodyId: 7 }, 'INVALID_INPUT'],
    ['an invalid date', 'meetings.create', { bodyId: '00000000-0000-4000-8000-000000000001', date: '2021-02-30' }, 'INVALID_INPUT'],
    ['an array as input', 'bodies.create', ['DAS'], 'INVALID_INPUT'],
    ['extra keys on an empty input', 'app.info', { drop: true }, 'INVALID_INPUT'],
    ['a code that is too long', 'bodies.create', { code: 'X'.repeat(21), name: 'Y' }, 'INVALID_INPUT'],
  ])('%s', async (_label, method, input, code) => {
    const before = countRows();
    const result = await backend.call(method, input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(!result.ok && result.error.message).toMatch(/[æøåÆØÅ]|Ukendt|ikke|gyldig/);
    expect(countRows()).toBe(before);
  });

  it('names the offending field in Danish', async () => {
    const result = await backend.call('bodies.create', { code: '', name: 'Gruppen' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Oplysningerne er ikke gyldige. Angiv en forkortelse, fx DAS', fields: { code: 'Angiv en forkortelse, fx DAS' } },
    });
  });

  it('hides internal errors behind a Danish message', async () => {
    const failing = { 'app.info': async () => { throw new Error('disk on fire'); } } as unknown as Handlers;
    const logged: unknown[] = [];
    const result = await dispatch(failing, 'app.info', {}, { error: (...args) => logged.push(args) });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen.' } });
    expect(logged).toHaveLength(1);
  });
});

describe('change events name the window that caused them', () => {
  const changes = () => {
    const seen: unknown[] = [];
    backend.subscribe((event, payload) => event === 'data.changed' && seen.push(payload));
    return seen;
  };

  it('a call from a window carries its id; a call without one, or with a malformed one, carries none', async () => {
    const seen = changes();
    await backend.call('bodies.create', { code: 'AG1', name: 'Arbejdsgruppe 1' }, 'window-1');
    await backend.call('bodies.create', { code: 'AG2', name: 'Arbejdsgruppe 2' });
    await backend.call('bodies.create', { code: 'AG3', name: 'Arbejdsgruppe 3' }, 'not a window id!');
    expect(seen).toEqual([
      expect.objectContaining({ entities: ['bodies'], origin: 'window-1' }),
      expect.not.objectContaining({ origin: expect.anything() }),
      expect.not.objectContaining({ origin: expect.anything() }),
    ]);
  });

  it('a background job started by a window reaches that window too (no origin)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sekretariat-origin-'));
    await backend.close();
    backend = await openTestBackend({ databaseFile: join(dir, 'data.sqlite') });
    const backup = await jobResult(backend, 'backups.create', {}, 'backup');
    const seen = changes();
    const started = await backend.call('backups.restore', { fileName: backup.backup.fileName }, 'window-1');
    if (!started.ok) throw new Error(started.error.message);
    expect((await settled(backend, (started.data as JobStatus).id)).state).toBe('done');
    expect(seen).not.toHaveLength(0);
    expect(seen.every((payload) => !(payload as { origin?: string }).origin)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
