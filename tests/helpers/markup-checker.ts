import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Nu HTML Checker, as the vnu-jar package ships it. */
const vnuJar = fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));

/** The Java that runs it: `JAVA` to override, otherwise `java` on the PATH. */
const java = process.env.JAVA || 'java';

/**
 * True when there is no Java to run the checker. In CI that is an error (the
 * markup test is required there, and `.ci/run` installs Java); on a
 * workstation the test skips, loudly.
 */
export const javaUnavailable: boolean = (() => {
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.status === 0) return false;
  const why = `Java not found (${java} -version: ${probe.error?.message ?? probe.stderr.trim()})`;
  const inCI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!.toLowerCase());
  if (inCI) throw new Error(`${why}: the markup test is required in CI. Install it (apt-get install default-jre-headless) or set JAVA.`);
  console.warn(`\n*** markup test SKIPPED: ${why}; install with \`apt-get install default-jre-headless\` or set JAVA to a java binary. ***\n`);
  return true;
})();

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** One error the checker found. */
export interface MarkupError {
  /** Absolute path of the page, or `(checker)` for a problem of the run itself. */
  file: string;
  line: number | undefined;
  message: string;
}

/**
 * Runs the Nu HTML Checker once over HTML files or folders (every `.html`
 * file in them): one Java start for everything. Warnings are left out: they
 * are advice, not invalid markup.
 */
export function markupErrors(targets: readonly string[]): MarkupError[] {
  const run = spawnSync(java, ['-jar', vnuJar, '--format', 'json', '--skip-non-html', '--exit-zero-always', '--stdout', ...targets], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  let messages: VnuMessage[];
  try {
    messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
  } catch {
    throw new Error(`The Nu HTML Checker did not report in JSON (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  }
  return messages
    .filter((message) => message.type !== 'info')
    .map((message) => ({
      file: message.url ? fileURLToPath(message.url) : '(checker)',
      line: message.lastLine,
      message: `${message.message}${message.extract ? ` (near: ${message.extract.replace(/\s+/g, ' ').trim()})` : ''}`,
    }));
}

/** The errors in files under `root`, as `file:line: message` with the file relative to it, for a readable failure. */
export function errorsUnder(errors: readonly MarkupError[], root: string): string[] {
  return errors
    .filter((error) => error.file === '(checker)' || !path.relative(root, error.file).startsWith('..'))
    .map((error) => `${error.file === '(checker)' ? error.file : path.relative(root, error.file)}:${error.line ?? '?'}: ${error.message}`);
}
