import { openBackend, type Backend } from '../../electron/backend/backend';
import type { MethodName, MethodInput, MethodOutput } from '../../shared/contract';

/** A backend on a fresh in-memory database, with a steady clock and predictable ids. */
export async function openTestBackend(options: { databaseFile?: string; backupDir?: string } = {}): Promise<Backend> {
  let tick = 0;
  let id = 0;
  return openBackend({
    databaseFile: options.databaseFile ?? ':memory:',
    backupDir: options.backupDir,
    appVersion: '0.0.0-test',
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 0, tick++)),
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
    log: { error: () => {} },
  });
}

/** Calls a method and returns its data, failing the test with the Danish message otherwise. */
export async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data as MethodOutput<M>;
}
