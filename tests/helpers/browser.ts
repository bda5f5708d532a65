import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** The Chromium the browser tests drive: Debian's by default, `CHROMIUM_PATH` to override. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * True when there is no Chromium to drive. In CI that is an error (browser tests
 * are required there); on a workstation the browser test files skip, loudly.
 */
export const browserUnavailable: boolean = (() => {
  if (existsSync(chromiumPath)) return false;
  const why = `Chromium not found at ${chromiumPath}`;
  const inCI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());
  if (inCI) {
    throw new Error(`${why}: browser tests are required in CI. Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  console.warn(
    `\n*** browser tests SKIPPED: ${why}; install with \`apt-get install chromium\` or set CHROMIUM_PATH to a Chromium binary. ***\n`,
  );
  return true;
})();

/** One headless Chromium; launch it once per test file (beforeAll) and close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A phone: iPhone 12-14 sized, as the mobile tests use it. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The rule sets the site must pass: WCAG 2.0/2.1 A and AA, and axe's best practices. */
const axeRuleSets = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe-core in the page (injected as a script: the site itself ships none) and returns its violations. */
export async function runAxe(page: Page): Promise<axe.Result[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async (runOnly) => {
    const results = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    return results.violations;
  }, axeRuleSets);
}

declare global {
  interface Window {
    axe: typeof axe;
  }
}

/** Violations at or above an impact, `serious` by default. */
export function atLeast(violations: axe.Result[], impacts: axe.ImpactValue[] = ['serious', 'critical']): axe.Result[] {
  return violations.filter((violation) => impacts.includes(violation.impact ?? null));
}

/** A readable account of axe violations, for failure messages: rule, impact, help, and every failing element. */
export function formatViolations(violations: axe.Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' | ');
          return `    - ${node.target.join(' ')}\n      ${node.html}\n      ${summary}`;
        })
        .join('\n');
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n\n');
}

/** What went wrong while a page loaded and ran. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests that failed outright (`requestfailed`) or answered with HTTP 400 or above. */
  failedRequests: string[];
  /** All of the above, as one list (empty when the page is clean). */
  all(): string[];
}

/** Starts recording console errors, uncaught page errors and failed requests for a page. Call before `goto`. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    all: () => [
      ...problems.consoleErrors.map((message) => `console error: ${message}`),
      ...problems.pageErrors.map((message) => `page error: ${message}`),
      ...problems.failedRequests.map((message) => `failed request: ${message}`),
    ],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a page cancels the pictures it was still loading (lazy ones start late): the browser's choice, not a fault.
    if (reason === 'net::ERR_ABORTED' && request.resourceType() === 'image') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  return problems;
}

/**
 * How long a page may take to load or to show what a test waits for: a wait
 * ends as soon as it is met, so a long limit costs a passing test nothing, and
 * a page that takes a second on a quiet machine still has two minutes on a
 * busy one.
 */
export const PATIENCE_MS = 120_000;

/** Gives every wait in `context` (navigation, selectors, functions) `PATIENCE_MS`. */
export function patient(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(PATIENCE_MS);
  context.setDefaultNavigationTimeout(PATIENCE_MS);
  return context;
}

/** A fresh context and page, for one test; close the context when done. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  patient(context);
  const page = await context.newPage();
  const problems = watchPage(page);
  return { context, page, problems };
}
