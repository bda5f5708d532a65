import { Worker } from 'node:worker_threads';
import { createBodyStep, type BodyJob, type BodyOutcome, type BodyStepOptions } from './body-step';

/** Runs body steps for many articles, on every core when it is worth it. */
export interface BodyRunner {
  /** Outcomes in the order of `jobs`, identical to running them one by one in this thread. */
  run(jobs: readonly BodyJob[]): Promise<BodyOutcome[]>;
  /** Stops the workers; the runner can start them again on the next `run`. */
  close(): Promise<void>;
}

/** Jobs sent to a worker at once: big enough to amortise messaging, small enough to balance the load. */
const BATCH = 16;
/** Below this many jobs, starting workers costs more than it saves. */
const MIN_JOBS_FOR_WORKERS = 48;

interface Reply {
  batch: number;
  outcomes: BodyOutcome[];
}

/**
 * Creates a body runner with `threads` workers (0 or 1: everything runs in
 * this thread). Workers start on the first large `run` and stay until
 * `close()`; each takes the next batch as soon as it returns one, so a slow
 * article does not hold up the rest. Each body is processed on its own by a
 * pure step, so the outcomes do not depend on the number of threads.
 */
export function createBodyRunner(options: BodyStepOptions, threads: number): BodyRunner {
  let local: ((job: BodyJob) => BodyOutcome) | undefined;
  const runLocally = (jobs: readonly BodyJob[]) => {
    local ??= createBodyStep(options);
    return jobs.map(local);
  };
  let workers: Worker[] = [];

  const start = () => {
    if (workers.length > 0) return workers;
    const url = new URL('./body-worker.mjs', import.meta.url);
    workers = Array.from({ length: threads }, () => {
      const worker = new Worker(url, { workerData: options });
      // An idle worker must not keep `astro dev` or a test process alive.
      worker.unref();
      return worker;
    });
    return workers;
  };

  const runInWorkers = (jobs: readonly BodyJob[]) =>
    new Promise<BodyOutcome[]>((resolve, reject) => {
      const outcomes: BodyOutcome[] = new Array(jobs.length);
      const batches = Math.ceil(jobs.length / BATCH);
      let next = 0;
      let done = 0;
      const pool = start();
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve(outcomes);
      };
      const send = (worker: Worker) => {
        if (next >= batches) return;
        const batch = next++;
        worker.postMessage({ batch, jobs: jobs.slice(batch * BATCH, (batch + 1) * BATCH) });
      };
      for (const worker of pool) {
        const onMessage = ({ batch, outcomes: batchOutcomes }: Reply) => {
          batchOutcomes.forEach((outcome, index) => (outcomes[batch * BATCH + index] = outcome));
          if (++done === batches) finish();
          else send(worker);
        };
        const onError = (error: Error) => finish(new Error(`a body worker failed: ${error.message}`));
        const onExit = (code: number) => {
          if (done < batches) finish(new Error(`a body worker stopped (exit code ${code}) before finishing`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.ref();
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          worker.unref();
        });
        send(worker);
      }
    });

  const close = async () => {
    const stopping = workers;
    workers = [];
    await Promise.all(stopping.map((worker) => worker.terminate()));
  };

  return {
    run: async (jobs) => {
      if (threads <= 1 || jobs.length < MIN_JOBS_FOR_WORKERS) return runLocally(jobs);
      try {
        return await runInWorkers(jobs);
      } catch (error) {
        await close();
        throw error;
      }
    },
    close,
  };
}
