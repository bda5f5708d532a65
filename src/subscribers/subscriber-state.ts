/**
 * Every page of a build with in-page unlocking: marks the page when this
 * device holds a subscriber key (`<html data-subscriber>`), so the header
 * stops asking a paying reader to subscribe (global.css hides Subscribe).
 * It only looks for a saved key, never checks or uses it: that is the
 * article's script (unlock-article.ts) and /unlock/'s (unlock-page.ts).
 */
import { keyStorageName } from './key-storage.ts';

try {
  if (localStorage.getItem(keyStorageName(import.meta.env.SITE, import.meta.env.BASE_URL))) {
    document.documentElement.dataset.subscriber = '';
  }
} catch {
  // Storage blocked (some privacy modes): no key can have been saved either.
}
