/**
 * The /unlock/ page: saves the subscriber key on this device, from a
 * membership-email link (`/unlock/#key=<id>.<secret>`) or pasted into the form.
 * In a link the key travels in the fragment, because browsers never send it to
 * the server, and the fragment is removed at once so the key is not left in
 * history, bookmarks or a shared link. The form keeps the key out of URLs
 * altogether: it is never submitted, only read here.
 *
 * Before saving, the key is checked against the values the page publishes for
 * the ring (`#masthead-keys`, see key-check.ts): a current key is saved, a
 * retired key or one that is not ours is refused on the spot, with what to do.
 */
import { keyVerdict, readPublishedKeys, type KeyVerdict, type PublishedKey } from './key-check.ts';
import { keyStorageName } from './key-storage.ts';
import { parseKeyToken } from './keys.ts';

/** Where unlock-article.ts reads the key token: a name of this site's own, see key-storage.ts. */
const STORAGE_KEY = keyStorageName(import.meta.env.SITE, import.meta.env.BASE_URL);

const SAVED = 'Key accepted. Your subscriber key is saved on this device, and articles will open in full.';
const ALREADY = 'A subscriber key is saved on this device. Articles will open in full.';
const RETIRED = 'This key has been retired. Ask for the current one: it is in your latest membership email.';
const UNKNOWN = 'This key is not one of ours. Copy the whole key from your membership email, or ask us for the current one.';
const STORED_RETIRED = 'The key saved on this device has been retired. Ask for the current one: it is in your latest membership email.';
const STORED_UNKNOWN = 'The key saved on this device is not one of ours. Paste the key from your membership email.';
const INVALID = 'That link does not contain a valid subscriber key.';
const INVALID_PASTED = 'That is not a subscriber key. Copy the whole key from your membership email: it looks like 2026-11.q3… with no spaces.';
const EMPTY = 'Paste your subscriber key first.';
const BLOCKED = 'Your browser did not let this page save the key. Allow site data for this site and open the link again.';
const FORGOTTEN = 'Your subscriber key has been removed from this device.';

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function say(text: string): void {
  const status = document.querySelector('[data-unlock-status]');
  if (status) status.textContent = text;
}

function showForget(): void {
  const forget = document.querySelector<HTMLButtonElement>('[data-forget-key]');
  if (forget) forget.hidden = !stored();
}

/** Saves a token that parses; returns the message for the reader. */
function save(token: string): string {
  try {
    localStorage.setItem(STORAGE_KEY, token);
    return SAVED;
  } catch {
    return BLOCKED;
  }
}

/** The ring as this page publishes it; undefined if the page has none (then every well-formed key is saved, as before checks existed). */
function published(): PublishedKey[] | undefined {
  try {
    return readPublishedKeys(JSON.parse(document.getElementById('masthead-keys')?.textContent ?? ''));
  } catch {
    return undefined;
  }
}

/**
 * What this page can say about a token that parses. When it cannot check (no published ring, or no
 * WebCrypto, as on a plain-HTTP address), the key is taken as before checks existed: articles then say
 * whether it opens them.
 */
async function verdictOf(token: string): Promise<KeyVerdict> {
  const key = parseKeyToken(token);
  const ring = published();
  if (!ring) return 'accepted';
  try {
    return await keyVerdict(key, ring);
  } catch {
    return 'accepted';
  }
}

/** Saves an accepted token; for any other, the message saying why it was not saved. */
async function judgeAndSave(token: string): Promise<{ saved: boolean; message: string }> {
  const verdict = await verdictOf(token);
  if (verdict === 'retired') return { saved: false, message: RETIRED };
  if (verdict === 'unknown') return { saved: false, message: UNKNOWN };
  const message = save(token);
  return { saved: message === SAVED, message };
}

/** The key in a fragment or query (`key=…`), percent-encoding undone, or null. */
function keyParameter(text: string): string | null {
  // URLSearchParams also undoes percent-encoding some mail clients add.
  return new URLSearchParams(text).get('key')?.trim() || null;
}

/**
 * Checks and saves the key from the fragment, if there is one; resolves false when the
 * fragment is not a key link. The fragment is gone before this returns its promise: an async
 * function runs synchronously up to its first await.
 */
async function takeKeyFromHash(): Promise<boolean> {
  const hash = location.hash;
  // A hash naming an element (the skip link's #main) is navigation; anything else is treated as a key link,
  // even a mangled one, so a secret is never left in the address bar.
  if (hash.length < 2 || document.getElementById(decodeURIComponentSafe(hash.slice(1)))) return false;
  // First, before anything can fail: the secret must not stay in the address bar or history.
  history.replaceState(history.state, '', location.pathname + location.search);
  let token: string | null = null;
  try {
    token = keyParameter(hash.slice(1));
    if (token) parseKeyToken(token);
  } catch {
    token = null;
  }
  say(token ? (await judgeAndSave(token)).message : INVALID);
  showForget();
  return true;
}

/**
 * The token in what a reader pasted: the key itself, or the whole link from the
 * email (`…/unlock/#key=…`), which people paste as often as the key. Null when
 * neither parses.
 */
function tokenFromPaste(text: string): string | null {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const candidate = hash >= 0 ? keyParameter(trimmed.slice(hash + 1)) : /^key=/.test(trimmed) ? keyParameter(trimmed) : trimmed;
  if (!candidate) return null;
  try {
    parseKeyToken(candidate);
    return candidate.trim();
  } catch {
    return null;
  }
}

/** The paste form: shown only when this script runs, since without it nothing could read the key. */
function setUpForm(): void {
  const form = document.querySelector<HTMLFormElement>('[data-key-form]');
  const input = form?.querySelector<HTMLInputElement>('[data-key-input]');
  const error = form?.querySelector<HTMLElement>('[data-key-error]');
  if (!form || !input || !error) return;
  const showError = (text: string) => {
    input.setAttribute('aria-invalid', 'true');
    // Emptied first, so the live region announces the same message again on a second try.
    error.textContent = '';
    requestAnimationFrame(() => (error.textContent = text));
    input.focus();
  };
  form.addEventListener('submit', (event) => {
    // Never submitted: the key must not travel anywhere, not even to this site's server.
    event.preventDefault();
    quietly(async () => {
      if (!input.value.trim()) return showError(EMPTY);
      const token = tokenFromPaste(input.value);
      if (!token) return showError(INVALID_PASTED);
      const { saved, message } = await judgeAndSave(token);
      // A retired key or one that is not ours stays in the field, marked, so the reader can see what they pasted.
      if (!saved && message !== BLOCKED) return showError(message);
      input.value = '';
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      say(message);
      showForget();
    })();
  });
  input.addEventListener('input', () => {
    if (input.getAttribute('aria-invalid')) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
  });
  form.hidden = false;
}

/** Runs `fn` and swallows any error, thrown or rejected: the page's own text explains what to do, and the console stays clean. */
function quietly(fn: () => unknown): () => void {
  return () => {
    try {
      Promise.resolve(fn()).catch(() => {});
    } catch {
      // See above.
    }
  };
}

/** What to tell a reader who comes back with a key saved earlier: it may have been retired since. */
async function greetStoredKey(): Promise<void> {
  const token = stored();
  if (!token) return;
  let verdict: KeyVerdict;
  try {
    verdict = await verdictOf(token);
  } catch {
    // Saved by hand or damaged: the articles will say they cannot open with it.
    verdict = 'unknown';
  }
  say(verdict === 'accepted' ? ALREADY : verdict === 'retired' ? STORED_RETIRED : STORED_UNKNOWN);
}

async function run(): Promise<void> {
  // First: takeKeyFromHash clears the fragment before it returns, whatever the key turns out to be.
  const fromLink = takeKeyFromHash();
  showForget();
  setUpForm();
  // A link pasted into the address bar while this page is open changes only the fragment: no new page load.
  addEventListener('hashchange', quietly(takeKeyFromHash));
  document.querySelector('[data-forget-key]')?.addEventListener(
    'click',
    quietly(() => {
      try {
        localStorage.removeItem(STORAGE_KEY);
      } catch {
        // Storage blocked: nothing was saved.
      }
      say(FORGOTTEN);
      showForget();
    }),
  );
  if (!(await fromLink)) await greetStoredKey();
}

const start = quietly(run);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
