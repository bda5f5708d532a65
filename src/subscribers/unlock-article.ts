/**
 * Article pages: opens the sealed article with the subscriber key saved on this
 * device (see unlock-page.ts) and shows it in place of the free part and the
 * cut-off. The envelope holds the whole article, rendered in one piece, so
 * footnotes referenced before the cut come back with their notes. Without a key,
 * or without an envelope (public build, free article), it does nothing and the
 * cut-off stays. It never throws: a failure leaves the cut-off with a message,
 * never half an article or a console error.
 */
import { keyStorageName } from './key-storage.ts';
import { NoMatchingKeyError, openArticle, type Envelope } from './envelope.ts';
import { parseKeyToken } from './keys.ts';

/** Where unlock-page.ts saves the key token: a name of this site's own, see key-storage.ts. */
const STORAGE_KEY = keyStorageName(import.meta.env.SITE, import.meta.env.BASE_URL);

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
  const body = document.querySelector<HTMLElement>('.article__body');
  // The page says which article it shows; an envelope for any other is refused (WrongArticleError).
  const pageArticleId = document.querySelector('article[data-article-id]')?.getAttribute('data-article-id');
  if (!source || !cut || !body || !pageArticleId) return;
  // Throws when storage is blocked (some privacy modes): then there is no key either.
  const token = localStorage.getItem(STORAGE_KEY);
  if (!token) return;

  let html: string;
  try {
    html = await openArticle(JSON.parse(source.textContent ?? '') as Envelope, parseKeyToken(token), pageArticleId);
  } catch (error) {
    // Inside the panel, so the subscribe button stays next to the explanation.
    const panel = cut.querySelector('.free-limit__panel') ?? cut;
    const message = document.createElement('p');
    message.className = 'free-limit__message';
    message.dataset.unlockMessage = '';
    message.setAttribute('role', 'status');
    // DecryptionError (WrongArticleError too), a malformed saved token, or the unexpected (no WebCrypto on plain http) all read as FAILED.
    message.textContent = error instanceof NoMatchingKeyError ? EXPIRED : FAILED;
    panel.append(message, forgetButton());
    return;
  }

  // The whole article is the site's own sanitised HTML, from the same build as this page: it replaces the free part.
  body.innerHTML = html;
  body.classList.remove('is-cut');
  body.dataset.unlocked = '';
  cut.remove();
  body.after(forgetButton());
}

// Loaded as a module script (Astro's default), which runs after the document is parsed.
unlock().catch(() => {
  // Never surface to the console: the cut-off is the fallback.
});
