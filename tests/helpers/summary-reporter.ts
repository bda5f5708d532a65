import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface RunSummary {
  /** Tests that passed. */
  passed: number;
  /** Everything that failed: tests, plus the failures below, which are not tests. */
  failed: number;
  /** Tests skipped, todo, or never run (a failed `beforeAll` leaves its tests unrun). */
  skipped: number;
  /** Test files that failed to load or collect (an import that throws, a syntax error). */
  filesFailed: number;
  /** Errors in `beforeAll`/`afterAll` hooks of a file or suite. */
  hooksFailed: number;
  /** Errors thrown outside any test (a rejected promise nobody awaited). */
  unhandled: number;
}

/**
 * Counts a finished run. A failure that is not a test's own (a test file that
 * does not load, a hook that throws, an unhandled error) counts as failed
 * too, so the count is never 0 when the run failed.
 */
export function summarise(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
  reason?: TestRunEndReason,
): RunSummary {
  const summary: RunSummary = { passed: 0, failed: 0, skipped: 0, filesFailed: 0, hooksFailed: 0, unhandled: unhandledErrors.length };
  for (const module of testModules) {
    let tests = 0;
    for (const test of module.children.allTests()) {
      tests++;
      const state = test.result().state;
      if (state === 'passed') summary.passed++;
      else if (state === 'failed') summary.failed++;
      else summary.skipped++;
    }
    // A file's own errors: it did not load (nothing collected), or a file-level hook threw.
    const moduleErrors = module.errors().length;
    if (moduleErrors > 0 && tests === 0) summary.filesFailed++;
    else summary.hooksFailed += moduleErrors;
    for (const suite of module.children.allSuites()) summary.hooksFailed += suite.errors().length;
    // A file marked failed with nothing to show for it still failed.
    if (module.state() === 'failed' && moduleErrors === 0 && !hasFailure(module)) summary.filesFailed++;
  }
  summary.failed += summary.filesFailed + summary.hooksFailed + summary.unhandled;
  // Vitest knows better than our counting: a failed run never reads "0 failed".
  if (reason === 'failed' && summary.failed === 0) summary.failed = 1;
  return summary;
}

function hasFailure(module: TestModule): boolean {
  for (const _ of module.children.allTests('failed')) return true;
  for (const suite of module.children.allSuites()) if (suite.errors().length > 0) return true;
  return false;
}

/** `N passed, N failed, N skipped`: the line CI reads. */
export function closingLine({ passed, failed, skipped }: RunSummary): string {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/**
 * Prints one plain closing line, `N passed, N failed, N skipped`, that CI logs
 * and humans read the same way whatever the runner's own summary looks like.
 * Failures that are not tests are named on the line before it.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const summary = summarise(testModules, unhandledErrors, reason);
    const others = [
      summary.filesFailed > 0 && `${summary.filesFailed} test file${summary.filesFailed === 1 ? '' : 's'} that failed to load`,
      summary.hooksFailed > 0 && `${summary.hooksFailed} failed beforeAll/afterAll hook${summary.hooksFailed === 1 ? '' : 's'}`,
      summary.unhandled > 0 && `${summary.unhandled} unhandled error${summary.unhandled === 1 ? '' : 's'}`,
    ].filter(Boolean);
    if (others.length > 0) console.log(`\nfailed besides tests: ${others.join(', ')}`);
    if (reason === 'interrupted') console.log('\nthe run was interrupted');
    console.log(`\n${closingLine(summary)}`);
  }
}
