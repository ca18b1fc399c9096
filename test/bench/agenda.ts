/**
 * Issue 3 figures at the ten-year volume (500 meetings, 10 000 items and decisions, 20 000 attachments with
 * about 50 MB of extracted text): `npm run -s bench:agenda`. Medians and 95th percentiles over repeated calls,
 * through the backend's own contract calls (parsing, handler, SQL, output validation).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openBackend } from '../../electron/backend/backend';
import { parseSearchQuery } from '../../shared/logic/search-text';
import { generateAgendas } from './generate-agenda';
import { generateYearsOfMeetings } from './generate';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const fmt = (x: number) => `${x.toLocaleString('da-DK', { maximumFractionDigits: 1 })} ms`;

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sekretariat-bench-agenda-'));
const backend = await openBackend({ databaseFile: join(dir, 'ti-aar.db'), appVersion: 'bench' });
const db = backend.database.db;
let t0 = performance.now();
await generateYearsOfMeetings(db, 2016, 10);
const volume = await generateAgendas(db);
console.log(`Genereret på ${fmt(performance.now() - t0)}: ${volume.items} punkter, ${volume.decisions} beslutninger, ${volume.attachments} bilag, ${(volume.textBytes / 1e6).toFixed(1)} MB bilagstekst`);

const call = async (method: string, input: unknown) => {
  const r = await backend.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data;
};

// Opening a meeting: its agenda and the first item in full, as the meeting page does.
const meetings = (await db.selectFrom('agenda_items').select('meeting_id').groupBy('meeting_id').having((eb) => eb.fn.countAll(), '>=', 20).limit(50).execute()).map((r) => r.meeting_id);
const open = await time(100, async (i) => {
  const items = (await call('agenda.list', { meetingId: meetings[i % meetings.length] })) as { id: string }[];
  await call('agenda.get', { id: items[0]!.id });
});

const queries = ['selvskade', 'takst belægning', 'læsø', 'laesoe morsoe', '"politisk opbakning"', 'socialtilsyn årsrapport', 'underskud kommuner', 'demens', 'aalborg', 'rekruttering sosu'];
await call('search.query', { query: 'opvarmning' });
const search = await time(200, (i) => call('search.query', { query: queries[i % queries.length], limit: 50 }));
const bare = await time(200, async (i) => {
  const { match } = parseSearchQuery(queries[i % queries.length]!);
  await sql`SELECT rowid FROM search_fts WHERE search_fts MATCH ${match} ORDER BY bm25(search_fts, 5.0, 1.0) LIMIT 50`.execute(db);
});
const register = await time(50, () => call('decisions.register', { offset: 0, limit: 100 }));
const registerFiltered = await time(50, () => call('decisions.register', { year: 2021, outcome: 'godkendt', offset: 0, limit: 100 }));

const rows = {
  'Åbn møde med 20 punkter (dagsorden + første punkt)': `median ${fmt(percentile(open, 50))}, p95 ${fmt(percentile(open, 95))}`,
  'Søgning (search.query, 50 hits med uddrag)': `median ${fmt(percentile(search, 50))}, p95 ${fmt(percentile(search, 95))}`,
  'Bar FTS5-forespørgsel (samme MATCH, samme rangering)': `median ${fmt(percentile(bare, 50))}, p95 ${fmt(percentile(bare, 95))}`,
  'Forhold søgning / bar FTS5 (p95)': `${(percentile(search, 95) / percentile(bare, 95)).toFixed(1)} ×`,
  'Beslutningsregister, første side (100)': `median ${fmt(percentile(register, 50))}, p95 ${fmt(percentile(register, 95))}`,
  'Beslutningsregister, filtreret (år + udfald)': `median ${fmt(percentile(registerFiltered, 50))}, p95 ${fmt(percentile(registerFiltered, 95))}`,
};
console.table(rows);
t0 = performance.now();
await backend.close();
rmSync(dir, { recursive: true, force: true });
