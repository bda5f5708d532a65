import { afterEach, describe, expect, it } from 'vitest';
import { articleBody, frontPins, latestArchive, onArchive, publishArchive, type PublishedArchive } from '../../src/archive/published';
import { buildContext, buildSlot, currentBuildContext, openBuildContext } from '../../src/context/build-context';
import { resolveBuildEnv } from '../../src/context/env';

declare module '../../src/context/build-context' {
  interface BuildSlots {
    /** A slot for this test only. */
    testCounter: { count: number };
  }
}

const env = resolveBuildEnv({ BUILD_TIME: '2026-12-06T12:00:00Z' }, { siteUrl: 'https://example.org', basePath: '/' }, '/project', new Date());

/** A read of a folder with one article, as the loader publishes it. */
function published(html: string): PublishedArchive {
  return {
    archive: {
      sections: [],
      authors: [],
      articles: [{ id: 'quay', html, data: {} as PublishedArchive['archive']['articles'][number]['data'] }],
      front: { lead: 'quay' },
      tagTexts: {},
      warnings: [],
      sealedCount: 0,
      bodies: { cached: 0, rendered: 1 },
      phases: { articles: 0, lists: 0 },
      images: [],
    },
    options: { contentDir: '/project/content', displayRoot: '/project', settings: { freeParagraphs: 3, defaultAccess: 'subscribers', lists: { moreFromAuthor: 4, similar: 4 } } },
  };
}

describe('the build context', () => {
  afterEach(() => openBuildContext(env));

  it('is opened once per build with the environment, and a new build starts with empty slots', () => {
    const context = openBuildContext(env);
    expect(buildContext()).toBe(context);
    expect(currentBuildContext()?.env.buildTime.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    buildSlot('testCounter', () => ({ count: 0 })).count++;
    expect(buildSlot('testCounter', () => ({ count: 0 })).count).toBe(1);
    openBuildContext(env);
    expect(buildSlot('testCounter', () => ({ count: 0 })).count).toBe(0);
  });

  it('hands each published read to every listener until it stops listening, and keeps the latest for pages', () => {
    openBuildContext(env);
    const heard: string[] = [];
    const stop = onArchive(({ archive }) => heard.push(archive.articles[0]!.html));
    publishArchive(published('<p>First read.</p>'));
    stop();
    publishArchive(published('<p>Second read.</p>'));
    expect(heard).toEqual(['<p>First read.</p>']);
    expect(articleBody('quay')).toEqual({ html: '<p>Second read.</p>' });
    expect(frontPins()).toEqual({ lead: 'quay' });
    expect(latestArchive()?.archive.bodies.rendered).toBe(1);
  });

  it('refuses to render a page whose body the loader did not read', () => {
    openBuildContext(env);
    expect(() => articleBody('nowhere')).toThrow(/no body for article "nowhere"/);
  });
});
