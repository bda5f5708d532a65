/**
 * Article pages: opens the sealed paid part with the subscriber key saved on this
 * device (see unlock-page.ts). Without a key, or without an envelope (public build,
 * free article), it does nothing and the cut-off stays. It never throws: a failure
 * leaves the cut-off with a message, never half an article or a console error.
 */
import { NoMatchingKeyError, openArticle, type Envelope } from '../lib/paywall/envelope.ts';
import { parseKeyToken } from '../lib/paywall/keys.ts';

/** Where unlock-page.ts saves the key token. */
const STORAGE_KEY = 'masthead:key';

const EXPIRED = 'Your subscriber key has expired or been replaced. Use the latest link from your membership email.';
const FAILED = 'Your subscriber key could not unlock this article.';

/** Style it as `[data-forget-key]` (no class: every byte of this script is downloaded on every article page). */
function forgetButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.forgetKey = '';
  button.textContent = 'Forget my key on this device';
  button.addEventListener('click', () => {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage blocked: nothing was saved to forget.
    }
    location.reload();
  });
  return button;
}

async function unlock(): Promise<void> {
  const source = document.getElementById('masthead-paid');
  const cut = document.querySelector<HTMLElement>('[data-free-limit]');
  if (!source || !cut) return;
  // Throws when storage is blocked (some privacy modes): then there is no key either.
  const token = localStorage.getItem(STORAGE_KEY);
  if (!token) return;

  let html: string;
  try {
    html = await openArticle(JSON.parse(source.textContent ?? '') as Envelope, parseKeyToken(token));
  } catch (error) {
    // Inside the panel, so the subscribe button stays next to the explanation.
    const panel = cut.querySelector('.free-limit__panel') ?? cut;
    const message = document.createElement('p');
    message.className = 'free-limit__message';
    message.dataset.unlockMessage = '';
    message.setAttribute('role', 'status');
    // DecryptionError, a malformed saved token, or the unexpected (no WebCrypto on plain http) all read as FAILED.
    message.textContent = error instanceof NoMatchingKeyError ? EXPIRED : FAILED;
    panel.append(message, forgetButton());
    return;
  }

  const body = document.createElement('div');
  body.className = 'article__body prose';
  body.dataset.unlocked = '';
  // The paid part is the site's own sanitised HTML, from the same build as this page.
  body.innerHTML = html;
  document.querySelector('.is-cut')?.classList.remove('is-cut');
  cut.replaceWith(body);
  body.after(forgetButton());
}

// Loaded as a module script (Astro's default), which runs after the document is parsed.
unlock().catch(() => {
  // Never surface to the console: the cut-off is the fallback.
});
