/**
 * Writes a WordPress export (WXR) of many generated posts, for measuring
 * `npm run import` on a large archive (src/import/README.md):
 *
 *   node --experimental-strip-types bench/make-wxr.ts 50000 /tmp/big.xml
 *
 * Each post has five to nine paragraphs of generated prose, a heading, a
 * list, a read-more tag in a third of them, two categories and three tags;
 * streamed to the file, never held whole.
 */
import { createWriteStream } from 'node:fs';

const [countArg = '50000', out = '/tmp/masthead-import-bench.xml'] = process.argv.slice(2);
const count = Number(countArg);
const words = 'harbour tide council ferry quay budget library market school festival bridge lock river dredger crane trawler vote ward mayor fund grant storm flood dune marsh lantern pier wall plan report'.split(' ');
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const sentence = () => {
  const n = 8 + Math.floor(random() * 12);
  const text = Array.from({ length: n }, () => pick(words)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, sentence).join(' ');

const stream = createWriteStream(out);
const write = (text: string) => (stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve())));

await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench</title><link>https://bench.example</link><wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[News Desk]]></wp:author_display_name></wp:author>
`);
for (let i = 1; i <= count; i += 1) {
  const year = 2000 + (i % 25);
  const date = `${year}-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:00:00`;
  const paragraphs = Array.from({ length: 5 + (i % 5) }, paragraph);
  if (i % 3 === 0) paragraphs.splice(2, 0, '<!--more-->');
  paragraphs.splice(4, 0, `<h2>${sentence()}</h2>`, `<ul><li>${sentence()}</li><li>${sentence()}</li></ul>`);
  await write(`<item><title><![CDATA[${sentence()} ${i}]]></title><link>https://bench.example/${year}/post-${i}/</link><dc:creator><![CDATA[desk]]></dc:creator>
<content:encoded><![CDATA[${paragraphs.join('\n\n')}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date><![CDATA[${date}]]></wp:post_date><wp:post_date_gmt><![CDATA[${date}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[post-${i}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="${pick(['news', 'sport', 'business', 'culture'])}"><![CDATA[Section]]></category><category domain="category" nicename="local"><![CDATA[Local]]></category>
<category domain="post_tag" nicename="${pick(words)}"><![CDATA[${pick(words)}]]></category><category domain="post_tag" nicename="t2"><![CDATA[${pick(words)}]]></category><category domain="post_tag" nicename="t3"><![CDATA[${pick(words)}]]></category>
</item>
`);
}
await write('</channel>\n</rss>\n');
stream.end();
