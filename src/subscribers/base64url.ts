/**
 * Base64url (RFC 4648 §5) without `Buffer`: this module also runs in the browser
 * unlock scripts, so it builds on `atob`/`btoa`, which browsers and Node share and
 * which keep the scripts small.
 */

/** Encodes bytes as unpadded base64url. */
export function encodeBase64url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading 100 KB of ciphertext into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes base64url. Strict about the alphabet, because keys and ciphertext come from
 * outside: throws a `SyntaxError` for `+`, `/`, whitespace or any other character
 * `atob` would otherwise accept, and for an impossible length. Correct `=` padding
 * is tolerated, since some tools add it.
 */
export function decodeBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (/^[\w-]*={0,2}$/.test(text)) {
    try {
      return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    } catch {
      // atob rejects impossible lengths and misplaced padding; report it the same way.
    }
  }
  throw new SyntaxError('Invalid base64url');
}
