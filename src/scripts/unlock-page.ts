/**
 * The /unlock/ page: saves the subscriber key on this device, from a
 * membership-email link (`/unlock/#key=<id>.<secret>`) or pasted into the form.
 * In a link the key travels in the fragment, because browsers never send it to
 * the server, and the fragment is removed at once so the key is not left in
 * history, bookmarks or a shared link. The form keeps the key out of URLs
 * altogether: it is never submitted, only read here.
 */
import { keyStorageName } from '../lib/paywall/key-storage.ts';
import { parseKeyToken } from '../lib/paywall/keys.ts';

/** Where unlock-article.ts reads the key token: a name of this site's own, see key-storage.ts. */
const STORAGE_KEY = keyStorageName(import.meta.env.SITE, import.meta.env.BASE_URL);

const SAVED = 'Your subscriber key is saved on this device. Articles will open in full.';
const ALREADY = 'A subscriber key is saved on this device. Articles will open in full.';
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

/** The key in a fragment or query (`key=…`), percent-encoding undone, or null. */
function keyParameter(text: string): string | null {
  // URLSearchParams also undoes percent-encoding some mail clients add.
  return new URLSearchParams(text).get('key')?.trim() || null;
}

/** Saves the key from the fragment, if there is one; returns false when the fragment is not a key link. */
function takeKeyFromHash(): boolean {
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
  say(token ? save(token) : INVALID);
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
    quietly(() => {
      if (!input.value.trim()) return showError(EMPTY);
      const token = tokenFromPaste(input.value);
      if (!token) return showError(INVALID_PASTED);
      input.value = '';
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      say(save(token));
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

/** Runs `fn` and swallows any error: the page's own text explains what to do, and the console stays clean. */
function quietly(fn: () => void): () => void {
  return () => {
    try {
      fn();
    } catch {
      // See above.
    }
  };
}

function run(): void {
  if (!takeKeyFromHash() && stored()) say(ALREADY);
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
}

const start = quietly(run);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
