// Runs article body steps (src/archive/body-step.ts) off the build's main
// thread. Plain JavaScript, so Node can start it without a bundler: Node
// strips the types of the TypeScript modules it imports, and the hook that
// the command-line tools use resolves their extensionless relative imports
// to `.ts`, as Vite does. Static imports run first, so the hook is in place
// before body-step.ts is loaded.
import { parentPort, workerData } from 'node:worker_threads';
import '../lib/resolve-ts.mjs';

const { createBodyStep } = await import('./body-step.ts');
const step = createBodyStep(workerData);
parentPort.on('message', ({ batch, jobs }) => {
  parentPort.postMessage({ batch, outcomes: jobs.map(step) });
});
