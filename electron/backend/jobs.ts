/**
 * Background jobs: long work (exchange export, package check, import, backup, restore) runs after the starting call has
 * answered, reports progress as `job.progress` events and can be cancelled through an AbortSignal. The work itself
 * decides where it can still stop: an import stops anywhere before its commit, and after it says so (`cancellable`).
 */
import { withoutCallOrigin } from './call-origin';
import type { JobKind, JobResult, JobStatus } from '../../shared/domain/jobs';
import { AppError } from './errors';

export interface JobControl {
  readonly signal: AbortSignal;
  /** The current step in Danish and the fraction of the whole job done (0–1, or null when unknown). */
  progress(step: string, fraction?: number | null): void;
  /** From here on the work runs to its end (it is committing): a cancel is refused. */
  pointOfNoReturn(step: string): void;
}

export interface JobRunnerOptions {
  emit(status: JobStatus): void;
  now: () => Date;
  newId: () => string;
  log: (message: string, error: unknown) => void;
  /** Least time between two progress events of one job (the last one is always sent). */
  throttleMs?: number;
}

/** Finished jobs are remembered this long for a window that asks (`jobs.get`) after missing the event. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** Kinds that change the whole database: one at a time, never beside each other. */
const EXCLUSIVE: ReadonlySet<JobKind> = new Set<JobKind>(['exchange.import', 'restore']);

export class JobCancelled extends Error {
  constructor() {
    super('Afbrudt af brugeren');
    this.name = 'JobCancelled';
  }
}

/** Throws JobCancelled when the job was cancelled: call between steps. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new JobCancelled();
}

interface Entry {
  status: JobStatus;
  controller: AbortController;
  lastSent: number;
  pending: ReturnType<typeof setTimeout> | null;
  done: Promise<void>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Entry>();
  private readonly throttleMs: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.throttleMs = options.throttleMs ?? 200;
  }

  /** Starts `work` after this call returns; answers with the job's first status. */
  start(kind: JobKind, firstStep: string, work: (control: JobControl) => Promise<JobResult>): JobStatus {
    this.forgetOld();
    if (EXCLUSIVE.has(kind)) {
      const busy = [...this.jobs.values()].find((e) => e.status.state === 'running' && EXCLUSIVE.has(e.status.kind));
      if (busy) throw new AppError('CONFLICT', 'En import eller gendannelse er allerede i gang. Vent, til den er færdig, eller afbryd den først.');
    }
    const controller = new AbortController();
    const status: JobStatus = {
      id: this.options.newId(),
      kind,
      state: 'running',
      step: firstStep,
      fraction: null,
      cancellable: true,
      startedAt: this.options.now().toISOString(),
      finishedAt: null,
      error: null,
      result: null,
    };
    const entry: Entry = { status, controller, lastSent: 0, pending: null, done: Promise.resolve() };
    this.jobs.set(status.id, entry);

    const control: JobControl = {
      signal: controller.signal,
      progress: (step, fraction = null) => {
        if (entry.status.state !== 'running') return;
        entry.status = { ...entry.status, step, fraction: fraction === null ? null : Math.min(1, Math.max(0, fraction)) };
        this.send(entry, false);
      },
      pointOfNoReturn: (step) => {
        if (entry.status.state !== 'running') return;
        entry.status = { ...entry.status, step, cancellable: false };
        this.send(entry, true);
      },
    };
    // setImmediate: the starting call answers first, so its status always precedes the job's events.
    entry.done = withoutCallOrigin(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        throwIfCancelled(controller.signal); // cancelled before it began
        return work(control);
      })
      .then(
        (result) => this.finish(entry, { state: 'done', result, fraction: 1, step: 'Færdig' }),
        (error: unknown) => {
          if (controller.signal.aborted && entry.status.cancellable) {
            this.finish(entry, { state: 'cancelled', step: 'Afbrudt' });
            return;
          }
          const known = error instanceof AppError;
          if (!known) this.options.log(`Job ${kind} mislykkedes`, error);
          const failure = known
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL' as const, message: `Der opstod en uventet fejl (${(error as Error)?.message ?? String(error)}). Intet er ændret.` };
          this.finish(entry, { state: 'failed', error: failure, step: 'Mislykkedes' });
        },
      );
    return status;
  }

  get(id: string): JobStatus {
    return this.entry(id).status;
  }

  /** Asks the job to stop; the answer is its status now (it reports `cancelled` when it has stopped). */
  cancel(id: string): JobStatus {
    const entry = this.entry(id);
    if (entry.status.state !== 'running') return entry.status;
    if (!entry.status.cancellable) throw new AppError('CONFLICT', 'Arbejdet kan ikke længere afbrydes: det er ved at blive gemt og er færdigt om et øjeblik.');
    entry.status = { ...entry.status, step: 'Afbryder …' };
    entry.controller.abort();
    this.send(entry, true);
    return entry.status;
  }

  /** Waits until the job has ended (tests, shutdown). */
  async settled(id: string): Promise<JobStatus> {
    const entry = this.entry(id);
    await entry.done;
    return entry.status;
  }

  /** Cancels what can be cancelled and waits for every job to end. */
  async close(): Promise<void> {
    for (const entry of this.jobs.values()) if (entry.status.state === 'running' && entry.status.cancellable) entry.controller.abort();
    await Promise.all([...this.jobs.values()].map((e) => e.done));
  }

  private entry(id: string): Entry {
    const entry = this.jobs.get(id);
    if (!entry) throw new AppError('NOT_FOUND', 'Jobbet findes ikke (længere). Start det igen.');
    return entry;
  }

  private finish(entry: Entry, patch: Partial<JobStatus>) {
    entry.status = { ...entry.status, ...patch, finishedAt: this.options.now().toISOString() };
    this.send(entry, true);
  }

  private send(entry: Entry, now: boolean) {
    if (entry.pending) {
      clearTimeout(entry.pending);
      entry.pending = null;
    }
    const wait = entry.lastSent + this.throttleMs - Date.now();
    if (now || wait <= 0) {
      entry.lastSent = Date.now();
      this.options.emit(entry.status);
      return;
    }
    entry.pending = setTimeout(() => {
      entry.pending = null;
      entry.lastSent = Date.now();
      this.options.emit(entry.status);
    }, wait);
  }

  private forgetOld() {
    const cutoff = this.options.now().getTime() - KEEP_FINISHED_MS;
    for (const [id, entry] of this.jobs) {
      if (entry.status.finishedAt && Date.parse(entry.status.finishedAt) < cutoff) this.jobs.delete(id);
    }
  }
}
