/**
 * Article pages: opens the sealed article with the subscriber key saved on this
 * device (see unlock-page.ts) and shows it in place of the free part and the
 * cut-off. The envelope holds the whole article, rendered in one piece, so
 * footnotes referenced before the cut come back with their notes; its paid
 * pictures are sealed files, fetched and opened with the same content key once
 * the text is in place (see `openPictures`). Without a key,
 * or without an envelope (public build, free article), it does nothing and the
 * cut-off stays. It never throws: a failure leaves the cut-off with a message,
 * never half an article or a console error.
 */
import { keyStorageName } from './key-storage.ts';
import { NoMatchingKeyError, openEnvelope, type Envelope, type OpenedArticle } from './envelope.ts';
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

/**
 * Shows each sealed picture (`img[data-sealed]`, see src/pictures/picture-html.ts) as it nears the screen, as
 * `loading="lazy"` would: the narrowest sealed width that covers the width it is laid out at on this screen, as
 * `srcset` would choose, fetched, opened and shown as a `data:` URL (the CSP allows those for pictures, not `blob:`).
 * A picture that fails keeps its space, alt text and caption.
 */
function openPictures(body: HTMLElement, opened: OpenedArticle): void {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { isIntersecting, target } of entries) {
        if (!isIntersecting) continue;
        observer.unobserve(target);
        const img = target as HTMLImageElement;
        const wanted = img.getBoundingClientRect().width * devicePixelRatio;
        const files = img.dataset.sealed!.split(', ').map((entry) => entry.split(' '));
        const [url] = files.find(([, width]) => parseInt(width!) >= wanted) ?? files.at(-1)!;
        fetch(url!)
          .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject()))
          .then((bytes) => opened.openFile(url!.slice(url!.lastIndexOf('/') + 1, -4), new Uint8Array(bytes)))
          .then((picture) => {
            const reader = new FileReader();
            reader.onload = () => (img.src = reader.result as string);
            reader.readAsDataURL(new Blob([picture], { type: 'image/webp' }));
          })
          .catch(() => {
            // The caption and alt text stay: the text is what was paid for, and it is there.
          });
      }
    },
    // About as far ahead as browsers load lazy pictures.
    { rootMargin: '1250px' },
  );
  for (const img of body.querySelectorAll('img[data-sealed]')) observer.observe(img);
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

  let opened: OpenedArticle;
  try {
    opened = await openEnvelope(JSON.parse(source.textContent ?? '') as Envelope, parseKeyToken(token), pageArticleId);
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
  body.innerHTML = opened.html;
  body.classList.remove('is-cut');
  body.dataset.unlocked = '';
  cut.remove();
  body.after(forgetButton());
  openPictures(body, opened);
}

// Loaded as a module script (Astro's default), which runs after the document is parsed.
unlock().catch(() => {
  // Never surface to the console: the cut-off is the fallback.
});
