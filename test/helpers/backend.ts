import { openBackend, type Backend } from '../../electron/backend/backend';
import type { MethodName, MethodInput, MethodOutput } from '../../shared/contract';
import type { JobResult, JobStatus } from '../../shared/domain/jobs';

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

type JobMethod =
  | 'backups.create'
  | 'backups.restore'
  | 'exchange.export'
  | 'exchange.preview'
  | 'exchange.import'
  | 'proposals.putOnAgenda'
  | 'tariffs.previewImport'
  | 'tariffs.applyImport'
  | 'tariffAnnex.putOnAgenda';

/** Starts a job and waits until it has ended; returns its final status (done, failed or cancelled). */
export async function runJob<M extends JobMethod>(backend: Backend, method: M, input: MethodInput<M>): Promise<JobStatus> {
  const started = await call(backend, method, input);
  return settled(backend, started.id);
}

/** Waits until a job has ended. */
export async function settled(backend: Backend, id: string): Promise<JobStatus> {
  for (;;) {
    const status = await call(backend, 'jobs.get', { id });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs a job that must succeed and returns its result of the expected type. */
export async function jobResult<M extends JobMethod, T extends JobResult['type']>(
  backend: Backend,
  method: M,
  input: MethodInput<M>,
  type: T,
): Promise<Extract<JobResult, { type: T }>> {
  const status = await runJob(backend, method, input);
  if (status.state !== 'done' || status.result?.type !== type) throw new Error(`${method}: ${status.state} ${status.error?.code ?? ''} ${status.error?.message ?? ''}`);
  return status.result as Extract<JobResult, { type: T }>;
}

/** How a call that starts a job was refused: at once (the reply) or by the job failing; null when it succeeded. */
export async function refusalOf<M extends JobMethod>(backend: Backend, method: M, input: MethodInput<M>): Promise<{ code: string; message: string } | null> {
  const started = await backend.call(method, input);
  if (!started.ok) return started.error;
  const status = await settled(backend, (started.data as JobStatus).id);
  return status.error;
}
