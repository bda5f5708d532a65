/**
 * `node src/cli/keys-new.ts [id] [--not-after YYYY-MM-DD]`
 *
 * Prints a new subscriber key token, ready-to-paste key-ring entries and how to
 * rotate. Run by Node directly (type stripping), hence the `.ts` import and only
 * erasable TypeScript. Writes nothing to disk: the token is a secret, so where it
 * goes (a CI secret, a password manager) is the operator's choice.
 */
import { generateKeyToken, isCalendarDate, KEY_ID_PATTERN } from '../subscribers/keys.ts';

const USAGE = `Usage: node src/cli/keys-new.ts [id] [--not-after YYYY-MM-DD]

  id            key id: 1-32 lowercase letters, digits or hyphens (default: this UTC month, e.g. 2026-11)
  --not-after   last day (UTC) builds include the key; omit for no end`;

interface Options {
  id: string;
  notAfter?: string;
}

/** Reads the arguments; returns an error message instead of options when they're wrong. */
function parseArgs(args: string[], now: Date): Options | string {
  let id: string | undefined;
  let notAfter: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--not-after' || arg.startsWith('--not-after=')) {
      notAfter = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!isCalendarDate(notAfter)) {
        return '--not-after needs a date YYYY-MM-DD';
      }
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else if (id === undefined) {
      id = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  id ??= now.toISOString().slice(0, 7);
  if (!KEY_ID_PATTERN.test(id)) return `key id "${id}" must be 1-32 lowercase letters, digits or hyphens, starting with a letter or digit`;
  return notAfter ? { id, notAfter } : { id };
}

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const now = new Date();
  const options = parseArgs(args, now);
  if (typeof options === 'string') {
    console.error(`keys-new: ${options}\n\n${USAGE}`);
    return 2;
  }
  if (options.notAfter && options.notAfter < now.toISOString().slice(0, 10)) {
    console.error(`keys-new: warning: --not-after ${options.notAfter} is already past; builds will not use this key.`);
  }
  const token = generateKeyToken(options.id);
  const secret = token.slice(options.id.length + 1);
  const line = options.notAfter ? `${token}@${options.notAfter}` : token;
  const json = JSON.stringify(options.notAfter ? { id: options.id, key: secret, notAfter: options.notAfter } : { id: options.id, key: secret });
  const graceEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 14)).toISOString().slice(0, 10);

  console.log(`New subscriber key "${options.id}"${options.notAfter ? `, used by builds up to ${options.notAfter} (UTC)` : ''}.
Keep it secret: anyone with it can read every article sealed with it.

Key token:
  ${token}

Subscriber link (put it in the membership email; the key stays in the # part, which browsers never send):
  <site URL>/unlock/#key=${token}

Key ring entry, token form (one per line or comma-separated in PAYWALL_KEYS or the PAYWALL_KEYS_FILE file):
  ${line}

Key ring entry, JSON form (an element of the PAYWALL_KEYS array):
  ${json}

Rotating:
  1. Add this key to the ring and keep the current one, with an end date for the grace period,
     e.g. <old id>.<old secret>@${graceEnd}  or  "notAfter": "${graceEnd}"
  2. Rebuild and deploy, then send subscribers the new link.
  3. The old key stops working at the first build after its end date (rebuild at least daily).
     Delete it from the ring once it has passed.
  A key that leaked: remove it from the ring now and rebuild; issue a new key to subscribers.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
