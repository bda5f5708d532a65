import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { FREE_LIMIT_PREVIEW_CLASS } from '../../src/editor/free-limit-block';
import settings from '../../src/settings';
import { astroBuild, projectRoot } from '../helpers/astro-build';
import { browserUnavailable, launchBrowser, PATIENCE_MS, patient } from '../helpers/browser';
import { bodyCacheDir, builtSite } from '../helpers/built-site';
import { policiesFor } from '../helpers/headers-rules';
import { runScript } from '../helpers/run-script';
import { paidSentences } from '../helpers/paid-text';
import { findInSite, listFiles, readPage } from '../helpers/site-files';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

/*
 * The editing screen in Chromium, in Sveltia CMS's local-repository mode: the
 * mode a writer uses on a laptop, and the only one a test can drive without
 * GitHub. "Work with Local Repository" asks the browser for a folder with
 * `window.showDirectoryPicker()`, whose native dialog Playwright cannot answer,
 * so an init script hands the CMS a folder of the page's own Origin Private
 * File System instead: a real directory handle (read, write, permission and
 * IndexedDB storage all work on it in Chromium), filled beforehand from a copy
 * of the sample paper. What the CMS saves is read back out of that folder into
 * a content folder on disk, checked with `npm run check` and built.
 */

/** The sample paper, as a writer's checkout has it. */
const SAMPLE = path.join(projectRoot, 'content');
/** The build's clock, as the sample site's (`builtSite('cms')`): the new article is dated the day before. */
const BUILD_TIME = '2026-11-21T09:00:00Z';

const HEADLINE = 'Ferry timetable trial adds a late crossing to Tollen Isle';
const FREE_ONE = 'From Monday the last ferry to Tollen Isle will leave Port Averley at half past ten, an hour later than before.';
/** Begins "A ": the editor once dropped those two characters from a paragraph typed in the rich-text body. */
const FREE_TWO = 'A spokesman for the operator says the extra crossing will run for twelve weeks while it counts how many people use it.';
/** Written after the free limit: no file of the public build may hold it. */
const PAID_CANARY = 'Islanders who work late shifts at the fish market told us the old timetable cost them forty minutes on the quay every night.';
const NEW_STANDFIRST = 'Edited in the browser: the Ostra Venture began work at dawn, and the bill for the port expansion has grown by £13m.';
/** The article whose standfirst the test edits: its picture, tags and date must survive the CMS rewriting the file. */
const EDITED = { file: 'articles/2026/first-dredger-arrives-as-port-costs-rise.md', title: 'First dredger arrives as cost of port expansion climbs to £81m' };

/** Longer than a click: the CMS reads the whole repository from the folder when it opens. */
const UI = { timeout: PATIENCE_MS };

/** What the page did that the editor's security promises rule out. */
interface Trouble {
  cspViolations: string[];
  thirdPartyRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Runs in the page before the CMS: the folder picker returns the OPFS folder `repo`. */
function localRepositoryShim() {
  window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo', { create: true });
}

declare global {
  interface Window {
    showDirectoryPicker(): Promise<FileSystemDirectoryHandle>;
  }
}

/** Every file under `dir` (relative path → base64 bytes), to hand to the page. */
function readTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [file.split(path.sep).join('/'), readFileSync(path.join(dir, file)).toString('base64')]));
}

/** Fills the OPFS folder `repo` with `files` (relative path → base64). */
async function seedRepository(page: Page, files: Record<string, string>): Promise<void> {
  await page.evaluate(async (entries) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('repo', { recursive: true }).catch(() => undefined);
    const repo = await root.getDirectoryHandle('repo', { create: true });
    for (const [name, base64] of Object.entries(entries)) {
      const parts = name.split('/');
      let dir = repo;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
      await writable.close();
    }
  }, files);
}

/** The text files of the OPFS folder `repo` (relative path → text). */
async function readRepository(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const files: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
      // entries() is in Chromium's FileSystemDirectoryHandle, not yet in TypeScript's DOM types.
      for await (const [name, handle] of (dir as unknown as AsyncIterable<[string, FileSystemHandle]>)) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else if (/\.(md|ya?ml)$/.test(name)) files[`${prefix}${name}`] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
    return files;
  });
}

/** Records CSP violations (as Chromium reports them), requests to any other host, console errors and uncaught errors. */
async function watchTrouble(context: BrowserContext, page: Page, origin: string): Promise<Trouble> {
  const trouble: Trouble = { cspViolations: [], thirdPartyRequests: [], consoleErrors: [], pageErrors: [] };
  const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
  // Nothing may leave the machine: a request for another host that gets past the policy is recorded, then refused here.
  await context.route(
    (url) => !local(url.href),
    (route) => {
      trouble.thirdPartyRequests.push(`${route.request().method()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) trouble.cspViolations.push(text);
    // The refusal above echoes in the console; the request is already listed.
    else if (message.type() === 'error' && !text.includes('ERR_BLOCKED_BY_CLIENT')) trouble.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(error.stack ?? error.message));
  return trouble;
}

/** The editor's body field, scrolled into being: the form renders fields as they come into view. */
async function bodyEditor(page: Page, editor: Locator): Promise<Locator> {
  const body = editor.getByRole('textbox', { name: 'Text', exact: true });
  const pane = editor.getByRole('group', { name: /^Edit .*Content$/ });
  for (let turn = 0; turn < 30 && (await body.count()) === 0; turn++) {
    await pane.hover();
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(100);
  }
  return body;
}

/**
 * Presses Save and waits for the CMS to leave the entry, as it does once the
 * file is written; otherwise fails with what the form says is wrong.
 */
async function save(page: Page, editor: Locator): Promise<void> {
  const entry = page.url();
  await editor.getByRole('button', { name: 'Save' }).click();
  try {
    await page.waitForURL((url) => url.href !== entry, UI);
  } catch {
    await page.screenshot({ path: path.join(projectRoot, 'test-results/cms-not-saved.png'), fullPage: true }).catch(() => undefined);
    const alerts = await page.getByRole('alert').evaluateAll((elements) => elements.map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()));
    // Each invalid field with its label and message, as the writer sees them beside the field.
    const fields = await page.locator('[aria-invalid="true"]').evaluateAll((inputs) =>
      inputs.map((input) => {
        const label = input.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent?.trim()).join(' ');
        const error = input.getAttribute('aria-errormessage');
        return `${label || input.getAttribute('aria-label') || input.id}: ${error ? document.getElementById(error)?.textContent?.trim() : ''}`;
      }),
    );
    throw new Error(`the entry was not saved: ${[...alerts, ...fields.map((field) => `invalid: ${field}`)].join('; ') || 'no message'}`);
  }
}

/** The preview pane's document (a sandboxed blob: frame). */
async function previewFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('iframe[title="Content Preview"]').elementHandle(UI);
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the preview pane has no document');
  return frame;
}

describe.skipIf(browserUnavailable)('writing an article in the editor at /admin/ (Sveltia CMS, local repository)', () => {
  let browser: Browser;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let trouble: Trouble;
  let editor: Locator;
  const temporary: string[] = [];
  /** The repository as the test hands it to the CMS (`content/` of a checkout). */
  let seeded: Record<string, string> = {};
  /** Files the CMS wrote or changed, by path in the repository. */
  let written: Record<string, string> = {};
  /** The sample paper with the CMS's files in it, and the public build of it. */
  let contentDir = '';
  let editedSite = '';
  let newSlug = '';
  /** The blocks either side of the preview's cut-off panel, as the writer saw them before saving. */
  let preview: { before?: string; after?: string; beforeOpacity?: number; afterOpacity?: number } | undefined;

  beforeAll(async () => {
    const site = builtSite('cms');
    const headers = readFileSync(path.join(site, '_headers'), 'utf8');
    // Served with the policies the build's _headers gives each path, as Cloudflare Pages sends them.
    server = await startStaticServer(site, { headers: (urlPath) => ({ 'Content-Security-Policy': policiesFor(headers, urlPath) }) });
    browser = await launchBrowser();
    // A writer abroad: times are still picked and saved in the paper's zone.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'America/New_York' });
    await context.addInitScript(localRepositoryShim);
    patient(context);
    page = await context.newPage();
    trouble = await watchTrouble(context, page, server.origin);
    const checkout = mkdtempSync(path.join(os.tmpdir(), 'masthead-cms-checkout-'));
    temporary.push(checkout);
    cpSync(SAMPLE, path.join(checkout, 'content'), { recursive: true });
    // The CMS only accepts the root of a Git repository.
    mkdirSync(path.join(checkout, '.git'));
    writeFileSync(path.join(checkout, '.git/HEAD'), 'ref: refs/heads/main\n');
    const tree = readTree(checkout);
    seeded = Object.fromEntries(
      Object.entries(tree)
        .filter(([file]) => /\.(md|ya?ml)$/.test(file))
        .map(([file, base64]) => [file, Buffer.from(base64, 'base64').toString('utf8')]),
    );
    // The folder belongs to the site's origin: fill it from a page of the site, before the CMS opens.
    await page.goto(`${server.url}/404.html`);
    await seedRepository(page, tree);
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('button', { name: 'Work with Local Repository' }).click(UI);
    editor = page.getByRole('group', { name: 'Content Editor' });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  it('creates an article from the form, with a “Free limit here” block between the free and the paid paragraphs', async () => {
    await page.getByRole('toolbar', { name: 'Collection' }).getByRole('button', { name: 'Create New Entry' }).click(UI);
    const headline = editor.getByRole('textbox', { name: 'Headline' });
    await headline.waitFor(UI);
    // The new entry's draft is set up just after the form appears, and would drop a value typed into it before.
    await expect.poll(async () => (await previewFrame(page)).locator('section').count(), UI).toBeGreaterThan(0);
    await editor.getByRole('combobox', { name: 'Author' }).click();
    await page.getByRole('option', { name: 'Priya Lindqvist' }).click();
    await editor.getByRole('combobox', { name: 'Section' }).click();
    await page.getByRole('option', { name: 'Business' }).click();
    // A summer time: London is an hour ahead of UTC, so a time saved without its offset would be an hour out.
    await editor.getByRole('textbox', { name: 'Published' }).fill('2026-07-20T10:00');
    await editor.getByRole('textbox', { name: 'Standfirst' }).fill('A late crossing to Tollen Isle is on trial for twelve weeks.');
    await editor.getByRole('textbox', { name: 'Item Value' }).fill('ferries');
    const body = await bodyEditor(page, editor);
    await body.click();
    await page.keyboard.type(FREE_ONE);
    await page.keyboard.press('Enter');
    await page.keyboard.type(FREE_TWO);
    await page.keyboard.press('Enter');
    await editor.getByRole('toolbar', { name: 'Text Editor' }).getByRole('button', { name: 'Free limit here' }).click();
    await body.getByRole('group', { name: 'Free limit here' }).waitFor(UI);
    // The block leaves the caret outside the text: the paid paragraph goes in the empty one after it.
    await body.getByRole('paragraph').last().click();
    await page.keyboard.type(PAID_CANARY);

    // The headline last, once the draft has long been set up; the preview showing it means the draft holds it.
    await headline.fill(HEADLINE);
    const frame = await previewFrame(page);
    await expect.poll(() => frame.locator('section[data-key-path="title"]').textContent(), UI).toContain(HEADLINE);
    const panel = frame.locator(`.${FREE_LIMIT_PREVIEW_CLASS}`);
    await expect.poll(() => panel.count(), UI).toBe(1);
    await frame.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/admin/preview.css')), undefined, UI);
    preview = await panel.evaluate((element) => {
      // The panel's block in the rendered text (the CMS may wrap a component's preview in a paragraph of its own).
      const block = element.closest('[data-rich-text-preview] > *') ?? element;
      const opacity = (node: Element | null) => (node ? Number(getComputedStyle(node).opacity) : undefined);
      return {
        before: block.previousElementSibling?.textContent?.trim(),
        after: block.nextElementSibling?.textContent?.trim(),
        beforeOpacity: opacity(block.previousElementSibling),
        afterOpacity: opacity(block.nextElementSibling),
      };
    });

    await save(page, editor);
    await expect.poll(async () => Object.keys(await readRepository(page)).length, UI).toBeGreaterThan(Object.keys(seeded).length);
  });

  it('previews the cut-off panel where the block is, and greys the paid text after it', () => {
    expect(preview, 'the preview had no cut-off panel').toBeDefined();
    expect(preview!.before).toBe(FREE_TWO);
    expect(preview!.after).toBe(PAID_CANARY);
    expect(preview!.beforeOpacity, 'opacity of the free paragraph before the panel').toBe(1);
    expect(preview!.afterOpacity, 'opacity of the paid paragraph after the panel').toBeLessThan(0.75);
  });

  it('edits only the standfirst of an existing article', async () => {
    const slug = path.basename(EDITED.file, '.md');
    await page.goto(`${server.url}/admin/#/collections/articles/entries/2026/${slug}`);
    const standfirst = editor.getByRole('textbox', { name: 'Standfirst' });
    await expect.poll(() => editor.getByRole('textbox', { name: 'Headline' }).inputValue(), UI).toBe(EDITED.title);
    await standfirst.fill(NEW_STANDFIRST);
    await save(page, editor);
    await expect.poll(async () => (await readRepository(page))[`content/${EDITED.file}`], UI).toContain(NEW_STANDFIRST);
  });

  it('writes the new article with the marker exactly as `<!-- free-limit -->` on a line of its own, between the free and paid text', async () => {
    const repository = await readRepository(page);
    written = Object.fromEntries(Object.entries(repository).filter(([file, text]) => seeded[file] !== text));
    const created = Object.keys(written).filter((file) => !(file in seeded));
    expect(created, `files the CMS wrote: ${Object.keys(written).join(', ')}`).toHaveLength(1);
    expect(created[0]).toMatch(/^content\/articles\/\d{4}\/ferry-timetable-trial-adds-a-late-crossing-to-tollen-isle\.md$/);
    newSlug = path.basename(created[0]!, '.md');
    const text = written[created[0]!]!;
    expect(text).toContain(`\n\n${FREE_ONE}\n\n${FREE_TWO}\n\n<!-- free-limit -->\n\n${PAID_CANARY}\n`);
    expect(text.match(/free-limit/g)).toHaveLength(1);
    expect(text).toMatch(/^author:\n {2}- priya-lindqvist$/m);
    expect(text).toMatch(/^section: business$/m);
    // Picked in the paper's zone, and saved with its offset, whatever the writer's computer's zone.
    expect(text).toMatch(/^date: 2026-07-20T10:00(:00)?\+01:00$/m);
    // The edited article keeps its cut, and its picture, where they were.
    const edited = written[`content/${EDITED.file}`]!;
    expect(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(edited)![1]!)).toMatchObject({ standfirst: NEW_STANDFIRST, date: '2026-09-08' });
    expect(edited).toContain('\n\n<!-- free-limit -->\n\n');
    expect(edited).toMatch(/^ {2}src: \.\/dredger-in-the-channel-at-dawn\.jpg$/m);
    // Only the two files the writer touched changed.
    expect(Object.keys(written).sort()).toEqual([created[0], `content/${EDITED.file}`].sort());
  });

  it('the saved files pass `npm run check`, and the site builds from them', () => {
    expect(newSlug, 'the article was not created').not.toBe('');
    contentDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-cms-content-'));
    temporary.push(contentDir);
    cpSync(SAMPLE, contentDir, { recursive: true });
    for (const [file, text] of Object.entries(written)) {
      const target = path.join(contentDir, path.relative('content', file));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    const files = Object.keys(written).map((file) => path.join(contentDir, path.relative('content', file)));
    const check = runScript('check', files, { CONTENT_DIR: contentDir, MASTHEAD_CACHE_DIR: 'off', MASTHEAD_THREADS: '1' });
    expect(check.code, check.stdout + check.stderr).toBe(0);

    editedSite = path.join(inject('runDir'), 'cms-edited');
    const build = astroBuild({ CONTENT_DIR: contentDir, BUILD_TIME, OUT_DIR: editedSite, MASTHEAD_CACHE_DIR: bodyCacheDir() });
    expect(build.code, build.output).toBe(0);
    console.log(`built the CMS's content in ${(build.durationMs / 1000).toFixed(1)} s`);
  });

  it('publishes the free paragraphs of the new article, and no paid sentence reaches any file of the public build', () => {
    expect(editedSite, 'the site was not built').not.toBe('');
    const page = parse(readPage(editedSite, `/articles/${newSlug}/`));
    const text = page.querySelector('main')!.textContent.replace(/\s+/g, ' ');
    expect(page.querySelector('h1')!.textContent).toContain('Tollen Isle');
    expect(text).toContain('From Monday the last ferry to Tollen Isle will leave Port Averley');
    expect(text).toContain('counts how many people use it');
    expect(text).toContain('20 July 2026, 10:00');
    // The new paid paragraph, and every paid sentence of the sample paper as the CMS rewrote it.
    const paid = [PAID_CANARY, ...paidSentences(contentDir, settings.freeParagraphs)];
    expect(paid.length).toBeGreaterThan(50);
    expect(findInSite(editedSite, paid)).toEqual([]);
  });

  it('shows the edited standfirst on its article page', () => {
    expect(editedSite, 'the site was not built').not.toBe('');
    const article = parse(readPage(editedSite, `/articles/${path.basename(EDITED.file, '.md')}/`));
    expect(article.querySelector('main')!.textContent.replace(/\s+/g, ' ')).toContain('the bill for the port expansion has grown by £13m');
  });

  it('breaks no rule of the editor’s Content Security Policy and asks no other host for anything', () => {
    expect(trouble).toEqual({ cspViolations: [], thirdPartyRequests: [], consoleErrors: [], pageErrors: [] });
  });
});
