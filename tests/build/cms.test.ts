import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import settings from '../../src/settings';
import { projectRoot } from '../helpers/astro-build';
import { builtSite } from '../helpers/built-site';
import { paidSentences } from '../helpers/paid-text';
import { findInSite, listFiles, readPage } from '../helpers/site-files';
import { policiesFor } from '../helpers/headers-rules';

interface ConfigField {
  name: string;
  widget: string;
  options?: { label: string; value: string }[];
  fields?: ConfigField[];
}
interface Config {
  backend: { name: string; repo: string; branch: string };
  collections: { name: string; folder?: string; fields?: ConfigField[]; files?: { file: string; fields: ConfigField[] }[] }[];
}

const sitePolicy = /Content-Security-Policy: (.+)/.exec(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'))![1]!.trim();

describe('the editing screen at /admin/ (sample paper, CMS=on)', () => {
  let site = '';
  let config: Config;
  beforeAll(() => {
    site = builtSite('cms');
    config = parseYaml(readFileSync(path.join(site, 'admin/config.yml'), 'utf8')) as Config;
  });

  it('serves the editor’s page, kept out of search engines and the sitemap', () => {
    const html = parse(readPage(site, '/admin/'));
    expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(html.querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe('/admin/config.yml');
    // The CMS comes from npm, bundled with the site: every script is one of the site's own files.
    const scripts = html.querySelectorAll('script').map((script) => script.getAttribute('src'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    const sitemaps = listFiles(site).filter((file) => /^sitemap-\d+\.xml$/.test(file));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const file of sitemaps) expect(readFileSync(path.join(site, file), 'utf8')).not.toContain('/admin/');
  });

  it('uses the fonts bundled with the CMS, never its CDN copies', () => {
    const scripts = listFiles(site).filter((file) => file.endsWith('.js'));
    const named = scripts.filter((file) => readFileSync(path.join(site, file), 'utf8').includes('cdn.jsdelivr.net'));
    expect(named).toEqual([]);
    expect(listFiles(site).filter((file) => /material-symbols-outlined.*\.woff2$/.test(file))).toHaveLength(1);
  });

  it('configures the editor for this newsroom: its repository, its sections and every author', () => {
    expect(config.backend).toEqual({ name: 'github', repo: settings.cms.repo, branch: settings.cms.branch });
    const articles = config.collections.find((collection) => collection.name === 'articles')!;
    expect(articles.folder).toBe('content/articles');
    const field = (name: string) => articles.fields!.find((candidate) => candidate.name === name)!;
    const sectionIds = (parseYaml(readFileSync(path.join(projectRoot, 'content/sections.yaml'), 'utf8')) as { id: string }[]).map((section) => section.id);
    expect(field('section').options!.map((option) => option.value)).toEqual(sectionIds);
    const authorIds = readdirSync(path.join(projectRoot, 'content/authors')).filter((file) => file.endsWith('.md')).map((file) => file.slice(0, -3));
    expect(field('author').options!.map((option) => option.value).sort()).toEqual(authorIds.sort());
    expect(field('body').widget).toBe('markdown');
    expect(config.collections.find((collection) => collection.name === 'sections')?.files?.[0]?.file).toBe('content/sections.yaml');
  });

  it('never ships a sentence from after any article’s free limit, the editor’s files included', () => {
    const paid = paidSentences(path.join(projectRoot, 'content'), settings.freeParagraphs);
    expect(paid.length).toBeGreaterThan(50);
    expect(findInSite(site, paid)).toEqual([]);
  });

  it('ships no repository token from the build’s environment', () => {
    expect(findInSite(site, ['ghp_masthead0canary0token', 'github_pat_masthead_canary'])).toEqual([]);
    expect(readFileSync(path.join(site, 'admin/config.yml'), 'utf8')).not.toMatch(/token|secret|password/i);
  });

  it('gives every page of the site its strict policy and the editor a policy of its own, one per path', () => {
    const headers = readFileSync(path.join(site, '_headers'), 'utf8');
    const pages = listFiles(site)
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const policies = policiesFor(headers, page);
      expect(policies, page).toHaveLength(1);
      if (page.startsWith('/admin/')) {
        expect(policies[0]).toContain("style-src 'self' 'unsafe-inline'");
        expect(policies[0]).toMatch(/connect-src [^;]*https:\/\/api\.github\.com/);
        expect(policies[0]).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      } else {
        expect(policies[0], page).toBe(sitePolicy);
      }
    }
  });
});

describe('a build with the editing screen off (the default)', () => {
  it('has no /admin/, and its _headers is the site’s own', () => {
    const site = builtSite('sample');
    expect(existsSync(path.join(site, 'admin'))).toBe(false);
    expect(readFileSync(path.join(site, '_headers'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
  });
});
