/**
 * Issue 13, item 2, as a property: random edit scripts on two copies of the demo database, exchanged both ways
 * (A → B, then B → A), never lose an edit unless both sides changed the same field to different values — and then the
 * first import names that field as a conflict. Afterwards both databases hold the same values, so each case starts
 * where the last exchange left the two laptops (their bases are those real exchanges recorded).
 * `npm test` runs 200 cases; SEKRETARIAT_PROPERTY_RUNS sets another number.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/backend';
import { applyImport } from '../../electron/backend/exchange/apply';
import { writePackage } from '../../electron/backend/exchange/write-package';
import { call } from '../helpers/backend';
import { copyDatabase } from '../helpers/copy-database';

const RUNS = Number(process.env.SEKRETARIAT_PROPERTY_RUNS ?? 200);

let dir: string;
let template: string;
let meetingId: string;
let itemIds: string[];
let run = 0;
let a: Backend;
let b: Backend;

/** What an edit can touch: the meeting's own fields and four items' fields (plain and rich text). */
type Target = { kind: 'meeting'; field: 'location' | 'note' } | { kind: 'item'; index: number; field: 'title' | 'caseNumber' | 'caseOfficer' | 'resume' };
const TARGETS: Target[] = [
  { kind: 'meeting', field: 'location' },
  { kind: 'meeting', field: 'note' },
  ...[0, 1, 2, 3].flatMap((index) => (['title', 'caseNumber', 'caseOfficer', 'resume'] as const).map((field) => ({ kind: 'item' as const, index, field }))),
];
const keyOf = (t: Target) => (t.kind === 'meeting' ? `meeting:${t.field}` : `item${t.index}:${t.field}`);
const recordOf = (t: Target) => (t.kind === 'meeting' ? meetingId : itemIds[t.index]!);

const Edit = fc.record({
  side: fc.constantFrom('A' as const, 'B' as const),
  target: fc.constantFrom(...TARGETS),
  value: fc.stringMatching(/^[a-zæøå0-9]{1,10}$/),
});

const open = async (file: string, backupDir: string) => {
  const backend = await openBackend({ databaseFile: file, backupDir, appVersion: '0.0.0-test', log: { error: () => {} } });
  await backend.files?.text.close();
  return backend;
};

async function write(backend: Backend, target: Target, value: string): Promise<unknown> {
  if (target.kind === 'meeting') {
    const meeting = await call(backend, 'meetings.get', { id: meetingId });
    return (await call(backend, 'meetings.update', { id: meetingId, revision: meeting.revision, patch: { [target.field]: value } }))[target.field];
  }
  const item = await call(backend, 'agenda.get', { id: itemIds[target.index]! });
  const stored = target.field === 'resume' ? `<p>${value}</p>` : value;
  return (await call(backend, 'agenda.update', { id: item.id, revision: item.revision, patch: { [target.field]: stored } }))[target.field];
}

async function read(backend: Backend, target: Target): Promise<unknown> {
  if (target.kind === 'meeting') return (await call(backend, 'meetings.get', { id: meetingId }))[target.field];
  return (await call(backend, 'agenda.get', { id: itemIds[target.index]! }))[target.field];
}

async function exchange(from: Backend, into: Backend) {
  const summary = await writePackage({
    db: from.database.db,
    databaseFile: from.database.file,
    files: from.files,
    scope: { kind: 'meeting', id: meetingId },
    target: join(dir, `pakke-${run}-${from === a ? 'a' : 'b'}.sekretariat`),
    appVersion: '0.0.0-test',
    schemaVersion: from.database.migration.to,
  });
  // The import reports the comparison it made (the same as its preview) with what it did.
  const applied = await applyImport({ db: into.database.db, files: into.files, backups: into.backups }, summary.file, { default: 'mine' });
  if (!applied.ok) throw new Error(applied.problems[0]!.message);
  rmSync(summary.file);
  return applied.report.preview;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sekretariat-merge-property-'));
  template = join(dir, 'template');
  const t = await open(join(template, 'sekretariat.db'), join(dir, 'backups'));
  await call(t, 'demo.load', {});
  meetingId = (await call(t, 'meetings.list', {})).find((m) => m.date === '2021-05-27')!.id;
  itemIds = (await call(t, 'agenda.list', { meetingId })).slice(1, 5).map((i) => i.id);
  await t.close();
  a = await open(copyDatabase(template, join(dir, 'a')), join(dir, 'backups-a'));
  b = await open(copyDatabase(template, join(dir, 'b')), join(dir, 'backups-b'));
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  rmSync(dir, { recursive: true, force: true });
});

it(`never loses an edit unless both laptops changed the same field, and then names it (${RUNS} cases)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(Edit, { maxLength: 8 }), async (edits) => {
      run++;
      {
        const original = new Map<string, unknown>();
        for (const t of TARGETS) original.set(keyOf(t), await read(a, t));
        // The last value each side stored per field.
        const last = { A: new Map<string, unknown>(), B: new Map<string, unknown>() };
        for (const edit of edits) last[edit.side].set(keyOf(edit.target), await write(edit.side === 'A' ? a : b, edit.target, edit.value));

        const seenByB = await exchange(a, b);
        await exchange(b, a);

        const named = new Set(seenByB.conflicts.flatMap((c) => c.fields.map((f) => `${c.id}:${f.field}`)));
        for (const t of TARGETS) {
          const key = keyOf(t);
          const mine = last.A.has(key) && last.A.get(key) !== original.get(key) ? last.A.get(key) : undefined;
          const theirs = last.B.has(key) && last.B.get(key) !== original.get(key) ? last.B.get(key) : undefined;
          const valueA = await read(a, t);
          const valueB = await read(b, t);
          expect(valueA, `${key}: both laptops hold the same value`).toEqual(valueB);
          const conflictKey = `${recordOf(t)}:${t.field}`;
          if (mine !== undefined && theirs !== undefined && mine !== theirs) {
            expect(named.has(conflictKey), `${key} changed on both sides is named as a conflict`).toBe(true);
            // B kept its own; the choice travelled back to A.
            expect(valueB).toEqual(theirs);
          } else {
            expect(named.has(conflictKey), `${key} is not a conflict`).toBe(false);
            expect(valueA, `${key}: no edit lost`).toEqual(mine ?? theirs ?? original.get(key));
          }
        }
      }
    }),
    { numRuns: RUNS },
  );
}, 1_800_000);
