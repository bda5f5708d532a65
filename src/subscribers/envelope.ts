/**
 * Sealing a paywalled article's HTML for subscribers, and opening it again.
 *
 * Envelope encryption: the HTML is encrypted once with a fresh per-article content
 * key (AES-256-GCM), and that content key is wrapped (AES-256-GCM again) for each
 * active subscriber key, so one page serves every key in the grace period. The
 * article id is authenticated data on both layers: a ciphertext or wrapped key
 * spliced in from another article, or an envelope relabelled with another id,
 * fails to decrypt. Browser-safe: WebCrypto only.
 */
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { KEY_BYTES, KEY_ID_PATTERN, type SubscriberKey } from './keys.ts';
import { jsonForScript } from '../lib/script-json.ts';

/** The sealed form of one article's HTML, as shipped in the page. All bytes are base64url. */
export interface Envelope {
  v: 1;
  alg: 'A256GCM';
  /** The article id, authenticated on both layers. */
  id: string;
  /** 12-byte GCM nonce for `ct`. */
  iv: string;
  /** AES-256-GCM(content key, iv, UTF-8 article HTML), tag appended. */
  ct: string;
  /** The content key wrapped once per subscriber key. */
  keys: EnvelopeKey[];
}

/** The content key wrapped for one subscriber key. */
export interface EnvelopeKey {
  /** The subscriber key's id. */
  kid: string;
  /** 12-byte GCM nonce for `wrapped`. */
  iv: string;
  /** AES-256-GCM(subscriber key, iv, content key), tag appended. */
  wrapped: string;
}

/** What `sealArticle` needs. */
export interface SealInput {
  articleId: string;
  /** The HTML to seal (the whole article, free and paid parts rendered together), already sanitised. */
  html: string;
  /** The active subscriber keys (see `activeKeys`); at least one. */
  keys: readonly SubscriberKey[];
  /** Source of random bytes; defaults to `crypto.getRandomValues`. Only tests should pass one. */
  random?: (length: number) => Uint8Array;
}

/** A file to seal with an article: named before sealing, so the article's HTML can name it. */
export interface FileToSeal {
  /** The file's name, as the sealed HTML names it (see `SEALED_FILE_NAME`); authenticated. */
  name: string;
  bytes: Uint8Array;
}

/** A sealed file: its name, and `iv ‖ AES-256-GCM(content key, iv, bytes)` with the tag appended. */
export interface SealedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** What a sealed file's name looks like: 32 hex digits (128 random bits). */
export const SEALED_FILE_NAME = /^[0-9a-f]{32}$/;

/** A fresh name for a sealed file: 128 random bits, so names say nothing and cannot be guessed. */
export function newSealedFileName(random: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length))): string {
  return [...random(16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The envelope has no wrapped key for this subscriber key's id: the key has
 * expired or been rotated out, or it belongs to another paper.
 */
export class NoMatchingKeyError extends Error {
  /** @param keyId the id of the key that was tried (named in the message). */
  constructor(keyId: string) {
    super(`No key "${keyId}" in this envelope`);
    this.name = 'NoMatchingKeyError';
  }
}

/**
 * The envelope could not be opened: wrong secret for the key id, tampered or
 * relabelled data, or a malformed envelope. Deliberately says no more than that.
 */
export class DecryptionError extends Error {
  constructor(message = 'Decryption failed', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecryptionError';
  }
}

/**
 * The envelope is for another article than the page it sits in: a whole envelope
 * moved between pages still decrypts (it is intact), so the page checks the id.
 */
export class WrongArticleError extends DecryptionError {
  constructor() {
    super('Envelope is for another article');
    this.name = 'WrongArticleError';
  }
}

const GCM = 'AES-GCM';
const IV_BYTES = 12;
const PREFIX = 'masthead:v1:';
const encoder = new TextEncoder();

function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Additional data binding the HTML ciphertext to its article. */
function contentAad(articleId: string): Uint8Array<ArrayBuffer> {
  return utf8(PREFIX + articleId);
}

/** Additional data binding a sealed file to its article and its own name. */
function fileAad(articleId: string, name: string): Uint8Array<ArrayBuffer> {
  return utf8(`${PREFIX}${articleId}:file:${name}`);
}

/** Additional data binding a wrapped content key to its article and subscriber key. */
function wrapAad(articleId: string, keyId: string): Uint8Array<ArrayBuffer> {
  return utf8(`${PREFIX}${articleId}:${keyId}`);
}

function importKey(raw: Uint8Array, usages: KeyUsage[]): Promise<CryptoKey> {
  // Copy: WebCrypto wants an ArrayBuffer-backed view, and a caller's array may be a view on something else.
  return crypto.subtle.importKey('raw', new Uint8Array(raw), GCM, false, usages);
}

/**
 * Encrypts an article's HTML for every given subscriber key. Every call uses a
 * fresh content key and fresh nonces, so two seals of the same text differ.
 * @throws Error when there are no keys, a key is not 32 bytes, ids repeat or are malformed.
 */
export async function sealArticle(input: SealInput): Promise<Envelope> {
  return (await sealArticleWithFiles({ ...input, files: [] })).envelope;
}

/**
 * Encrypts an article's HTML and its files (the pictures of its paid part)
 * under one fresh content key, wrapped for every given subscriber key. Each
 * file gets a fresh nonce and is bound to the article and its name.
 * @throws Error as `sealArticle`, and when a file's name is malformed or given twice.
 */
export async function sealArticleWithFiles(input: SealInput & { files: readonly FileToSeal[] }): Promise<{ envelope: Envelope; files: SealedFile[] }> {
  const { articleId, html, keys, files } = input;
  const names = new Set<string>();
  for (const { name } of files) {
    if (!SEALED_FILE_NAME.test(name)) throw new Error(`sealArticle: malformed file name "${name}"`);
    if (names.has(name)) throw new Error(`sealArticle: file name "${name}" given twice`);
    names.add(name);
  }
  if (typeof articleId !== 'string' || articleId === '') throw new TypeError('sealArticle: articleId must be a non-empty string');
  // Sealing for nobody would ship ciphertext no subscriber can open: a ring whose keys all expired must fail the build.
  if (keys.length === 0) throw new Error(`sealArticle: no active subscriber keys for "${articleId}"`);
  const seen = new Set<string>();
  for (const { id, key } of keys) {
    if (!KEY_ID_PATTERN.test(id)) throw new Error(`sealArticle: malformed key id "${id}"`);
    if (seen.has(id)) throw new Error(`sealArticle: key id "${id}" given twice`);
    if (key.length !== KEY_BYTES) throw new Error(`sealArticle: key "${id}" must be ${KEY_BYTES} bytes`);
    seen.add(id);
  }
  const random = (length: number): Uint8Array<ArrayBuffer> => {
    const bytes = input.random ? new Uint8Array(input.random(length)) : crypto.getRandomValues(new Uint8Array(length));
    if (bytes.length !== length) throw new Error(`sealArticle: random source returned ${bytes.length} bytes, not ${length}`);
    return bytes;
  };

  const contentKeyBytes = random(KEY_BYTES);
  const iv = random(IV_BYTES);
  const contentKey = await importKey(contentKeyBytes, ['encrypt']);
  const ct = await crypto.subtle.encrypt({ name: GCM, iv, additionalData: contentAad(articleId) }, contentKey, utf8(html));
  const sealedFiles: SealedFile[] = [];
  for (const file of files) {
    const fileIv = random(IV_BYTES);
    const sealed = await crypto.subtle.encrypt({ name: GCM, iv: fileIv, additionalData: fileAad(articleId, file.name) }, contentKey, new Uint8Array(file.bytes));
    const bytes = new Uint8Array(IV_BYTES + sealed.byteLength);
    bytes.set(fileIv);
    bytes.set(new Uint8Array(sealed), IV_BYTES);
    sealedFiles.push({ name: file.name, bytes });
  }

  const wrappedKeys: EnvelopeKey[] = [];
  for (const { id, key } of keys) {
    const wrapIv = random(IV_BYTES);
    const subscriberKey = await importKey(key, ['encrypt']);
    const wrapped = await crypto.subtle.encrypt(
      { name: GCM, iv: wrapIv, additionalData: wrapAad(articleId, id) },
      subscriberKey,
      contentKeyBytes,
    );
    wrappedKeys.push({ kid: id, iv: encodeBase64url(wrapIv), wrapped: encodeBase64url(new Uint8Array(wrapped)) });
  }
  // Best effort: the raw content key is not needed any more.
  contentKeyBytes.fill(0);

  return {
    envelope: { v: 1, alg: 'A256GCM', id: articleId, iv: encodeBase64url(iv), ct: encodeBase64url(new Uint8Array(ct)), keys: wrappedKeys },
    files: sealedFiles,
  };
}

const MALFORMED = 'Malformed envelope';

/** Decodes base64url from an envelope field, or fails as a malformed envelope. */
function field(value: unknown): Uint8Array<ArrayBuffer> {
  try {
    if (typeof value == 'string') return decodeBase64url(value);
  } catch {
    // Reported below, like a missing field.
  }
  throw new DecryptionError(MALFORMED);
}

/** An opened envelope: the article's HTML, and the way to open the files sealed with it. */
export interface OpenedArticle {
  html: string;
  /**
   * Decrypts a file sealed with the article (the bytes as served), by the name
   * the HTML gives it. @throws DecryptionError for another name, another
   * article's file, or tampered bytes.
   */
  openFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/**
 * Decrypts an envelope's HTML with one subscriber key. Checks the envelope's
 * shape first, since in the browser it comes straight from `JSON.parse`.
 *
 * `pageArticleId` is the article the caller is showing (a page passes its own
 * slug): an envelope sealed for any other article is refused, and that id, not
 * the envelope's label, is the additional data decryption checks.
 * @throws WrongArticleError when the envelope's id is not `pageArticleId`.
 * @throws NoMatchingKeyError when the envelope has nothing for `key.id`.
 * @throws DecryptionError for a wrong secret, tampered or relabelled data, or a malformed envelope.
 */
export async function openArticle(envelope: Envelope, key: SubscriberKey, pageArticleId?: string): Promise<string> {
  return (await openEnvelope(envelope, key, pageArticleId)).html;
}

/** As `openArticle`, keeping the content key (unextractable, decrypt only) for the article's sealed files. */
export async function openEnvelope(envelope: Envelope, key: SubscriberKey, pageArticleId?: string): Promise<OpenedArticle> {
  const env = envelope as Partial<Record<keyof Envelope, unknown>> | null;
  if (!env || env.v !== 1 || env.alg !== 'A256GCM' || typeof env.id !== 'string' || !Array.isArray(env.keys)) {
    throw new DecryptionError(MALFORMED);
  }
  if (pageArticleId !== undefined && env.id !== pageArticleId) throw new WrongArticleError();
  const articleId = pageArticleId ?? env.id;
  const entry = (env.keys as (Partial<Record<keyof EnvelopeKey, unknown>> | null)[]).find((k) => k?.kid === key.id);
  if (!entry) throw new NoMatchingKeyError(key.id);
  const iv = field(env.iv);
  const ct = field(env.ct);
  const wrapIv = field(entry.iv);
  const wrapped = field(entry.wrapped);
  // No separate key-length check: a key of any other length cannot authenticate the wrapped key, so it fails below.

  try {
    const subscriberKey = await importKey(key.key, ['unwrapKey']);
    // unwrapKey rather than decrypt: the content key never exists as bytes in page script.
    const contentKey = await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      subscriberKey,
      { name: GCM, iv: wrapIv, additionalData: wrapAad(articleId, key.id) },
      GCM,
      false,
      ['decrypt'],
    );
    const html = await crypto.subtle.decrypt({ name: GCM, iv, additionalData: contentAad(articleId) }, contentKey, ct);
    return {
      // Not `fatal`: GCM authenticated these bytes, and only sealArticle's TextEncoder (always valid UTF-8) makes them.
      html: new TextDecoder().decode(html),
      openFile: async (name, bytes) => {
        try {
          return await crypto.subtle.decrypt(
            { name: GCM, iv: bytes.subarray(0, IV_BYTES), additionalData: fileAad(articleId, name) },
            contentKey,
            bytes.subarray(IV_BYTES),
          );
        } catch (cause) {
          throw new DecryptionError(undefined, { cause });
        }
      },
    };
  } catch (cause) {
    throw new DecryptionError(undefined, { cause });
  }
}

/** The envelope as JSON that is safe as the text of `<script type="application/json">`. */
export function serializeEnvelope(envelope: Envelope): string {
  return jsonForScript(envelope);
}
