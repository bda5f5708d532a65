/**
 * Where the browser keeps a reader's subscriber key. `localStorage` is shared by
 * everything on one origin, and several papers can live on one origin (project
 * sites under one `github.io` host: `/paper-a/`, `/paper-b/`), so the name is
 * scoped to this site's origin and base path: one paper's key never overwrites
 * or gets tried on another's. Scoping the name does not hide the key from other
 * sites on the origin: any script there can read every name (see
 * docs/subscribers.md#threat-model-of-in-page-unlocking).
 */

/** The `localStorage` name for the subscriber key of the site at `siteUrl` under `basePath`. */
export function keyStorageName(siteUrl: string, basePath: string): string {
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  return `masthead:key:${new URL(siteUrl).origin}${base}`;
}
