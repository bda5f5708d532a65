import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repositoryRoot, resolveCmsBuild } from '../../src/editor/enable';
import { SVELTIA_MODULE, withoutThirdParties } from '../../src/editor/self-host';
import { resolveBuildEnv } from '../../src/context/env';
import { adminPolicy, withAdminPolicy } from '../../src/lib/headers-file';
import { defineSettings } from '../../src/schemas/settings';
import { projectRoot } from '../helpers/astro-build';
import { policiesFor } from '../helpers/headers-rules';

const cms = defineSettings({ cms: { repo: 'harbour-ledger/newsroom' } }).cms;
const base = { override: undefined, cms, edition: 'public' as const, contentDir: '/srv/paper/content', repoRoot: '/srv/paper' };

describe('turning the editing screen on', () => {
  it('is off unless the settings or CMS=on say otherwise, and never in the subscriber edition', () => {
    expect(resolveCmsBuild(base)).toBeUndefined();
    expect(resolveCmsBuild({ ...base, cms: { ...cms, enabled: true } })).toEqual({ contentFolder: 'content', repo: 'harbour-ledger/newsroom' });
    expect(resolveCmsBuild({ ...base, override: true })?.contentFolder).toBe('content');
    expect(resolveCmsBuild({ ...base, cms: { ...cms, enabled: true }, override: false })).toBeUndefined();
    expect(resolveCmsBuild({ ...base, override: true, edition: 'subscribers' })).toBeUndefined();
  });

  it('reads CMS=on and CMS=off, and refuses anything else', () => {
    const env = (CMS: string) => resolveBuildEnv({ CMS }, { siteUrl: 'https://example.org', basePath: '/' }, '/srv/paper', new Date()).cms;
    expect(env('on')).toBe(true);
    expect(env('off')).toBe(false);
    expect(resolveBuildEnv({}, { siteUrl: 'https://example.org', basePath: '/' }, '/srv/paper', new Date()).cms).toBeUndefined();
    expect(() => env('yes please')).toThrow('CMS "yes please" is not on or off');
  });

  it('says which setting is missing when the editor has no repository to commit to', () => {
    expect(() => defineSettings({ cms: { enabled: true } })).toThrow('src/settings.ts: cms.repo is required when cms.enabled is true');
    expect(() => defineSettings({ cms: { repo: 'not a repo' } })).toThrow(/cms\.repo must be the GitHub repository as owner\/name/);
    expect(() => resolveCmsBuild({ ...base, cms: defineSettings({}).cms, override: true })).toThrow(
      'src/settings.ts: cms.repo is required when the editing screen is on (CMS=on)',
    );
  });

  it('refuses a content folder outside the repository, which the editor could not commit to', () => {
    expect(() => resolveCmsBuild({ ...base, override: true, contentDir: '/srv/elsewhere/content' })).toThrow(/CONTENT_DIR \/srv\/elsewhere\/content is not a folder inside the repository/);
    expect(resolveCmsBuild({ ...base, override: true, contentDir: '/srv/paper/newsroom/content' })?.contentFolder).toBe('newsroom/content');
  });

  it('names files as a private content repository does when the content is one, checked out inside the site', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'masthead-repo-'));
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'private-content/.git'), { recursive: true });
    mkdirSync(path.join(root, 'content'));
    expect(repositoryRoot(path.join(root, 'content'), '/elsewhere')).toBe(root);
    const privateRoot = repositoryRoot(path.join(root, 'private-content'), root);
    expect(privateRoot).toBe(path.join(root, 'private-content'));
    expect(resolveCmsBuild({ ...base, override: true, contentDir: path.join(root, 'private-content'), repoRoot: privateRoot })?.contentFolder).toBe('');
    rmSync(root, { recursive: true, force: true });
  });

  it('lets the editor reach its sign-in helper', () => {
    const build = resolveCmsBuild({ ...base, override: true, cms: { ...cms, authUrl: 'https://auth.harbour.workers.dev/' } });
    expect(build?.authOrigin).toBe('https://auth.harbour.workers.dev');
    expect(adminPolicy(build?.authOrigin)).toMatch(/connect-src [^;]*https:\/\/api\.github\.com[^;]*https:\/\/auth\.harbour\.workers\.dev/);
  });
});

const SITE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const headers = `# comment
/*
  Content-Security-Policy: ${SITE_POLICY}
  X-Content-Type-Options: nosniff

/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

describe('_headers with the editing screen', () => {
  const entries = [
    { name: 'articles', folder: true },
    { name: 'admin', folder: true },
    { name: '_astro', folder: true },
    { name: '404.html', folder: false },
    { name: 'index.html', folder: false },
    { name: 'rss.xml', folder: false },
  ];
  const policy = adminPolicy();
  const text = withAdminPolicy(headers, entries, '/', policy);

  it('gives every page the site’s strict policy and the editor its own, one policy per path, whichever rule wins', () => {
    for (const path of ['/', '/articles/harbour-wall/', '/404.html', '/_astro/app.js', '/rss.xml']) {
      expect(policiesFor(text, path), path).toEqual([SITE_POLICY]);
    }
    expect(policiesFor(text, '/admin/')).toEqual([policy]);
    expect(policiesFor(text, '/admin/config.yml')).toEqual([policy]);
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('keeps every other header where it was', () => {
    expect(text).toMatch(/^\/\*\n {2}X-Content-Type-Options: nosniff$/m);
    expect(text).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
  });

  it('prefixes the rules with the base path of a site under a sub-path', () => {
    const sub = withAdminPolicy(headers, entries, '/paper/', policy);
    expect(policiesFor(sub, '/paper/admin/')).toEqual([policy]);
    expect(policiesFor(sub, '/paper/articles/x/')).toEqual([SITE_POLICY]);
  });

  it('leaves a _headers without a site-wide policy as it is', () => {
    const plain = '/_astro/*\n  Cache-Control: immutable\n';
    expect(withAdminPolicy(plain, entries, '/', policy)).toBe(plain);
  });
});

describe('the CMS bundled without third parties', () => {
  const bundle = readFileSync(path.join(projectRoot, 'node_modules/@sveltia/cms/npm/index.js'), 'utf8');

  it('points the CMS’s CDN font rules at nothing, so only the fonts it bundles are used', () => {
    expect(bundle).toContain('https://cdn.jsdelivr.net/fontsource/');
    const patched = withoutThirdParties(bundle);
    expect(patched).not.toContain('cdn.jsdelivr.net');
    expect(patched.match(/local\("Masthead bundled font"\)/g)).toHaveLength(3);
    // The bundled copies are still registered.
    expect(patched).toContain('material-symbols-outlined-latin-wght-normal');
  });

  it('answers the GitHub status check in place, with the status page’s own “all is well”', () => {
    const patched = withoutThirdParties(bundle);
    expect(patched).not.toContain('githubstatus.com/api');
    expect(patched).toContain('data:application/json,{"status":{"indicator":"none"}}');
  });

  it('stops the build when a new version of the CMS loads its fonts or checks GitHub differently', () => {
    const statusCheck = 'fetch(`https://www.githubstatus.com/api/v2/status.json`)';
    expect(() => withoutThirdParties(`${statusCheck} no fonts here`)).toThrow('Sveltia CMS names 0 CDN fonts where Masthead expects 3');
    expect(() => withoutThirdParties(bundle.replace('githubstatus.com/api', 'status.github.com/api'))).toThrow("asks GitHub's status page 0 times");
  });

  it('matches the CMS module by its path', () => {
    expect(SVELTIA_MODULE.test(path.join(projectRoot, 'node_modules/@sveltia/cms/npm/index.js'))).toBe(true);
    expect(SVELTIA_MODULE.test(path.join(projectRoot, 'src/editor/admin.ts'))).toBe(false);
  });
});
