// Runs article body steps (src/archive/body-step.ts) off the build's main
// thread. Plain JavaScript, so Node can start it without a bundler: Node
// strips the types of the TypeScript modules it imports, and the hook below
// resolves their extensionless relative imports to `.ts`, as Vite does.
import { registerHooks } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.endsWith('.ts')) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        // Not a TypeScript module: resolve it as written.
      }
    }
    return nextResolve(specifier, context);
  },
});

const { createBodyStep } = await import('./body-step.ts');
const step = createBodyStep(workerData);
parentPort.on('message', ({ batch, jobs }) => {
  parentPort.postMessage({ batch, outcomes: jobs.map(step) });
});
