/**
 * The /unlock/ page: saves the subscriber key from a membership-email link
 * (`/unlock/#key=<id>.<secret>`) on this device. The key travels in the fragment
 * because browsers never send it to the server; the fragment is then removed at
 * once so the key is not left in history, bookmarks or a shared link.
 */
import { parseKeyToken } from '../lib/paywall/keys.ts';

/** Where unlock-article.ts reads the key token. */
const STORAGE_KEY = 'masthead:key';

const SAVED = 'Your subscriber key is saved on this device. Articles will open in full.';
const ALREADY = 'A subscriber key is saved on this device. Articles will open in full.';
const INVALID = 'That link does not contain a valid subscriber key.';
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
    // URLSearchParams also undoes percent-encoding some mail clients add.
    token = new URLSearchParams(hash.slice(1)).get('key')?.trim() || null;
    if (token) parseKeyToken(token);
  } catch {
    token = null;
  }
  if (!token) {
    say(INVALID);
  } else {
    try {
      localStorage.setItem(STORAGE_KEY, token);
      say(SAVED);
    } catch {
      say(BLOCKED);
    }
  }
  showForget();
  return true;
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
