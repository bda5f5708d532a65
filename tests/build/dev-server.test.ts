import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro-build';
import { article, validContent } from '../helpers/content-folder';
import { spawnDevServer, startDevServer, stopDevServer, waitForLog, type DevServer } from '../helpers/dev-server';
import sharp from 'sharp';
import { CURRENT_KEY } from '../helpers/keys';
import { openEnvelope, type Envelope } from '../../src/subscribers/envelope';
import { parseKeyToken } from '../../src/subscribers/keys';

/**
 * `astro dev` must serve pages, never the files behind them. The content
 * folder, a private checkout and the key ring are put INSIDE the project root
 * here, where Vite's default `server.fs` would serve them.
 */
const PAID = 'Only subscribers read that the harbour master resigned.';
const ENV_SECRET = 'MASTHEAD_TEST_SECRET=do-not-serve-me';
const work = path.join(projectRoot, 'tests/.output', `dev-server-${process.pid}`);
const contentDir = path.join(work, 'content');
const keysFile = path.join(work, 'paywall.keys');
const privateRoot = path.join(projectRoot, 'private-content');
const privateDir = path.join(privateRoot, `dev-server-test-${process.pid}`);
const madePrivateRoot = !existsSync(privateRoot);
const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');
const storyFile = path.join(contentDir, 'articles/2024/story.md');
/** A file in Masthead's default cache, under node_modules/, as a subscriber-edition build leaves whole articles there. */
const cacheProbe = path.join(projectRoot, 'node_modules/.cache/masthead', `dev-server-probe-${process.pid}.json`);

let server: DevServer | undefined;
let origin = '';
/** What the dev server printed, for failure messages. */
const output = () => server?.log() ?? '';

/** GET of a file's bytes. */
async function getBytes(pathname: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(`${origin}${pathname}`);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** GET with the path sent exactly as written (no client-side `..` or case clean-up). */
function get(pathAndQuery: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = request({ host: url.hostname, port: url.port, path: pathAndQuery, method: 'GET', timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${pathAndQuery} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  for (const [file, text] of Object.entries({
    ...validContent,
    'articles/2024/story.md': article(
      { title: 'Harbour master', access: 'subscribers' },
      `Free opening.\n\n<!-- free-limit -->\n\n${PAID}\n\n![The harbour master's empty office](./resignation-office.png "Paid dev caption")\n`,
    ),
  })) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
    writeFileSync(path.join(contentDir, file), text);
  }
  // A paid picture, sealed with the text: the dev server serves its sealed files, never the picture.
  await sharp({ create: { width: 500, height: 300, channels: 3, background: '#c3a' } }).png().toFile(path.join(contentDir, 'articles/2024/resignation-office.png'));
  writeFileSync(keysFile, `${CURRENT_KEY}\n`);
  mkdirSync(path.dirname(cacheProbe), { recursive: true });
  writeFileSync(cacheProbe, JSON.stringify({ html: PAID }));
  writeFileSync(path.join(work, '.env.local'), `${ENV_SECRET}\n`);
  mkdirSync(path.join(privateDir, 'articles'), { recursive: true });
  writeFileSync(path.join(privateDir, 'articles/secret.md'), article({}, `Free.\n\n<!-- free-limit -->\n\n${PAID}\n`));
  server = await startDevServer({ CONTENT_DIR: contentDir, PAYWALL_KEYS_FILE: keysFile });
  origin = server.origin;
});

afterAll(async () => {
  await stopDevServer(server?.child);
  rmSync(work, { recursive: true, force: true });
  rmSync(privateDir, { recursive: true, force: true });
  rmSync(cacheProbe, { force: true });
  if (madePrivateRoot && existsSync(privateRoot) && readdirSync(privateRoot).length === 0) rmdirSync(privateRoot);
});

describe('astro dev', () => {
  it('serves article pages with the free part only', async () => {
    const page = await get('/articles/story/');
    expect(page.status, output()).toBe(200);
    expect(page.body).toContain('Free opening.');
    expect(page.body).not.toContain(PAID);
  });

  it('serves a paid picture only sealed, and opens it with the key, as a built site does', async () => {
    const page = await get('/articles/story/');
    const envelope = JSON.parse(/<script type="application\/json" id="masthead-paid"[^>]*>([^<]*)<\/script>/.exec(page.body)![1]!) as Envelope;
    const opened = await openEnvelope(envelope, parseKeyToken(CURRENT_KEY), 'story');
    const [, url, name] = /data-sealed="[^"]*(\/_sealed\/([0-9a-f]{32})\.bin) 500w"/.exec(opened.html) ?? [];
    expect(url, opened.html).toBeDefined();
    const sealed = await getBytes(url!);
    expect(sealed.status).toBe(200);
    expect(sealed.body.subarray(0, 16).toString('latin1')).not.toMatch(/RIFF|PNG/);
    const picture = Buffer.from(await opened.openFile(name!, new Uint8Array(sealed.body)));
    expect(await sharp(picture).metadata()).toMatchObject({ format: 'webp', width: 500, height: 300 });
    // A name no page gives is not served, nor the picture under the public folder's names.
    expect((await getBytes(`/_sealed/${'0'.repeat(32)}.bin`)).status).toBe(404);
    expect(page.body).not.toContain('resignation-office');
  });

  it('serves the scripts and styles that pages load', async () => {
    const assets = new Set<string>();
    for (const pagePath of ['/', '/articles/story/', '/search/']) {
      const page = await get(pagePath);
      expect(page.status, pagePath).toBe(200);
      for (const [, url] of page.body.matchAll(/(?:src|href)="(\/(?:src|@vite|@id|@fs|node_modules|_astro)[^"]*)"/g)) {
        assets.add(url!.replace(/&amp;/g, '&'));
      }
    }
    expect(assets.size).toBeGreaterThan(0);
    for (const asset of assets) expect((await get(asset)).status, asset).toBe(200);
  });

  const content = relative(contentDir);
  const story = relative(storyFile);
  const sample = readdirSync(path.join(projectRoot, 'content/articles'), { recursive: true })
    .map(String)
    .find((name) => name.endsWith('.md'));

  it.each([
    ['a content file by its path', `/${story}`],
    ['a content file as raw text', `/${story}?raw`],
    ['a content file compiled as a module', `/${story}?import`],
    ['a content file as a raw import', `/${story}?import&raw`],
    ['a content file as an asset URL', `/${story}?url`],
    ['a content file inlined', `/${story}?inline`],
    ['a content file by its absolute path', `/@fs${storyFile}`],
    ['a content file by its absolute path, compiled', `/@fs${storyFile}?import`],
    ['a content file behind /@id/', `/@id/@fs${storyFile}?import`],
    ['a content file through an encoded ../', `/src/%2e%2e/${story}?import`],
    ['a content file through a percent-encoded name', `/${story.replace('story', '%73tory')}?import`],
    ['sections.yaml compiled as a module', `/${content}/sections.yaml?import`],
    ['a file in private-content/', `/${relative(privateDir)}/articles/secret.md`],
    ['a file in private-content/, compiled', `/${relative(privateDir)}/articles/secret.md?import`],
    ['the key ring file', `/${relative(keysFile)}`],
    ['the key ring file by its absolute path', `/@fs${keysFile}?raw`],
    ['an .env file', `/${relative(work)}/.env.local?raw`],
    ['the sample content/ folder, whatever CONTENT_DIR says', `/content/articles/${sample}?import`],
    ["Astro's data store", '/node_modules/.astro/data-store.json'],
    ["a file in Masthead's cache (bodies, pictures, Astro's data store, the last build's pages)", `/${relative(cacheProbe)}`],
    ["a file in Masthead's cache by its absolute path", `/@fs${cacheProbe}?raw`],
    ["a file in Masthead's cache, compiled", `/${relative(cacheProbe)}?import`],
  ])('refuses %s', async (_name, url) => {
    const response = await get(url);
    expect([403, 404], `${url} answered ${response.status}:\n${response.body.slice(0, 300)}`).toContain(response.status);
    expect(response.body).not.toContain(PAID);
    expect(response.body).not.toContain('free-limit');
    expect(response.body).not.toContain(CURRENT_KEY.split('.')[1]);
    expect(response.body).not.toContain(ENV_SECRET);
  });
});

describe('astro dev with a symlink loop in the content folder', () => {
  const loopDir = path.join(work, 'loop-content');
  let child: ChildProcess | undefined;
  afterAll(() => stopDevServer(child), 30_000);

  it('reports the loop as a content error instead of hanging', async () => {
    for (const [file, text] of Object.entries(validContent)) {
      if (text === null) continue;
      mkdirSync(path.dirname(path.join(loopDir, file)), { recursive: true });
      writeFileSync(path.join(loopDir, file), text);
    }
    symlinkSync('..', path.join(loopDir, 'articles/2024/back'));
    symlinkSync('../..', path.join(loopDir, 'articles/2024/up'));
    const started = spawnDevServer({ CONTENT_DIR: loopDir });
    child = started.child;
    const message = await waitForLog(started, (log) => /[^\n]*articles\/2024\/back: is a symlink loop[^\n]*/.exec(log)?.[0], 90_000);
    expect(message).toMatch(/loop-content\/articles\/2024\/back: is a symlink loop \(it leads to .*loop-content\/articles, which contains it\)/);
  });
});
