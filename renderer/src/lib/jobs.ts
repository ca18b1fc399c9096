import { useCallback, useEffect, useRef, useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { JobResult, JobStatus } from '../../../shared/domain/jobs';
import { api, ApiError } from '../api/client';
import { showError } from './undo';

/** How often the window asks for a job's state besides listening to its events (an event can be missed on reconnect). */
const POLL_MS = 1000;

/** Follows a started job until it ends; `onStatus` sees every state on the way. Resolves with the final status. */
export function followJob(started: JobStatus, onStatus: (status: JobStatus) => void): Promise<JobStatus> {
  onStatus(started);
  if (started.state !== 'running') return Promise.resolve(started);
  return new Promise((resolve) => {
    let finished = false;
    const seen = (status: JobStatus) => {
      if (finished || status.id !== started.id) return;
      onStatus(status);
      if (status.state === 'running') return;
      finished = true;
      unsubscribe();
      clearInterval(poll);
      resolve(status);
    };
    const unsubscribe = api().on('job.progress', seen);
    const poll = setInterval(() => void api().call('jobs.get', { id: started.id }).then(seen, () => undefined), POLL_MS);
  });
}

/**
 * One job at a time for a part of the window. `run` starts it (the call answers with its first status), follows it and
 * answers with its result; when there is none it has already told the user why (stopped: `stoppedMessage`; failed: the
 * backend's Danish message) and answers null. `status` is the latest state while it runs, for <JobProgress>; `cancel`
 * asks the backend to stop it.
 */
export function useJob() {
  const [status, setStatus] = useState<JobStatus | null>(null);
  // Set again on every mount: React's strict mode unmounts and remounts once, which must not silence the updates.
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const run = useCallback(async <T extends JobResult['type']>(type: T, start: () => Promise<JobStatus>, stoppedMessage: string): Promise<Extract<JobResult, { type: T }> | null> => {
    try {
      const ended = await followJob(await start(), (s) => live.current && setStatus(s));
      if (ended.result?.type === type) return ended.result as Extract<JobResult, { type: T }>;
      if (ended.state === 'cancelled') notifications.show({ message: stoppedMessage, autoClose: 6000 });
      else if (ended.error) showError(new ApiError(ended.error));
      return null;
    } catch (error) {
      showError(error);
      return null;
    } finally {
      if (live.current) setStatus(null);
    }
  }, []);
  const cancel = useCallback(async () => {
    if (!status || status.state !== 'running') return;
    setStatus(await api().call('jobs.cancel', { id: status.id }));
  }, [status]);
  return { status, running: status?.state === 'running', run, cancel };
}

/** What <JobProgress> shows of a job. */
export const progressOf = (status: JobStatus) => ({ step: status.step, fraction: status.fraction, cancellable: status.cancellable && status.state === 'running' });
