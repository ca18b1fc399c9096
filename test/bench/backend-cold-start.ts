// Run in a fresh process by run.ts: open (creating or migrating) a database and list its meetings.
import { performance } from 'node:perf_hooks';
import { openBackend } from '../../electron/backend/backend';

const start = performance.now();
const backend = await openBackend({ databaseFile: process.argv[2]!, appVersion: 'bench' });
const opened = performance.now();
const result = await backend.call('meetings.list', {});
const listed = performance.now();
await backend.close();
process.stdout.write(
  JSON.stringify({ openMs: opened - start, listMs: listed - opened, meetings: result.ok ? (result.data as unknown[]).length : -1 }),
);
