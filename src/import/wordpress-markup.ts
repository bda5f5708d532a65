/**
 * What WordPress does to a stored body before showing it, as far as the
 * import needs: shortcodes (`[caption]`, `[gallery]`, `[embed]`, paywall
 * plugins' `[restrict]`) and `wpautop`'s paragraphs from blank lines. Pure
 * string work on the stored text; the HTML parser does the rest.
 */

export interface GalleryPicture {
  url: string;
  alt?: string;
  caption?: string;
}

/** Paywall plugins' shortcodes: what they wrap is for members, so their opening tag is where the cut falls. */
const PAYWALL_SHORTCODES = new Set(['restrict', 'members', 'member', 'paywall', 'premium', 'members-only', 'memberonly', 'subscriber', 'swpm_protected', 'mepr-active', 'ihc-hide-content', 'pmpro_member', 'leaky_paywall', 'wcm_restrict', 'rcp_restrict']);
/** Shortcodes that are media: turned into a link to their address. */
const MEDIA_SHORTCODES = new Set(['embed', 'audio', 'video', 'playlist', 'youtube', 'vimeo', 'soundcloud', 'tweet', 'instagram', 'googlemaps', 'pdf', 'wpvideo']);
/** Shortcodes whose content is kept as text (code, columns, buttons), the tags dropped. */
const WRAPPING_SHORTCODES = new Set(['code', 'sourcecode', 'source', 'column', 'one_half', 'one_third', 'button', 'box', 'quote', 'blockquote', 'dropcap', 'highlight', 'spoiler', 'toggle', 'tab', 'tabs', 'accordion']);

export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g)) {
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Expands the shortcodes the import knows; unknown bracketed text is left as the writer typed it. */
export function expandShortcodes(
  html: string,
  { gallery, cutClass }: { gallery: (ids: string[]) => GalleryPicture[]; cutClass: string },
): { html: string; cutFrom?: string; notes: { message: string; find?: string }[] } {
  const notes: { message: string; find?: string }[] = [];
  let cutFrom: string | undefined;
  let out = html;

  // [caption …]<img …> The caption.[/caption]
  out = out.replace(/\[caption\b([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_, attrs: string, inner: string) => {
    const attributes = shortcodeAttributes(attrs);
    const media = inner.match(/^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i);
    const caption = (media ? media[2]! : '').trim() || attributes.caption || '';
    const picture = media ? media[1]! : inner;
    return `\n\n<figure>${picture}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n\n`;
  });

  // [gallery ids="1,2,3"]
  out = out.replace(/\[gallery\b([^\]]*)\]/gi, (_, attrs: string) => {
    const ids = (shortcodeAttributes(attrs).ids ?? shortcodeAttributes(attrs).include ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    const pictures = gallery(ids);
    if (pictures.length === 0) {
      notes.push({ message: 'gallery shortcode ([gallery]) with no pictures found in the export left out' });
      return '';
    }
    notes.push({ message: `gallery shortcode ([gallery]) turned into ${pictures.length} pictures, one after another` });
    return pictures
      .map((picture) => `\n\n<figure><img src="${escapeAttribute(picture.url)}" alt="${escapeAttribute(picture.alt ?? '')}">${picture.caption ? `<figcaption>${picture.caption}</figcaption>` : ''}</figure>\n\n`)
      .join('');
  });

  // [embed]https://…[/embed], [audio src="…"], [video mp4="…"]
  out = out.replace(/\[([a-z_-]+)\b([^\]]*)\](?:([^[]*)\[\/\1\])?/gi, (whole, rawName: string, attrs: string, inner: string | undefined) => {
    const name = rawName.toLowerCase();
    if (PAYWALL_SHORTCODES.has(name)) {
      cutFrom ??= `[${name}]`;
      notes.push({ message: `paywall shortcode [${name}] turned into the free limit` });
      return `\n\n<hr class="${cutClass}">\n\n${inner ?? ''}`;
    }
    if (!MEDIA_SHORTCODES.has(name)) return whole;
    const attributes = shortcodeAttributes(attrs);
    // The address: the content (`[embed]https://…[/embed]`), or the first attribute holding one (src, mp3, wav, mp4, webm…).
    const url = (inner ?? '').trim() || Object.values(attributes).find((value) => /^https?:\/\//i.test(value)) || attrs.match(/https?:\/\/[^\s\]"']+/)?.[0] || '';
    if (!/^https?:\/\//i.test(url)) {
      notes.push({ message: `[${name}] shortcode with no address left out` });
      return '';
    }
    notes.push({ message: `[${name}] shortcode turned into a link`, find: url });
    return `\n\n<p><a href="${escapeAttribute(url)}">${name === 'embed' ? 'Embedded' : name[0]!.toUpperCase() + name.slice(1)}: ${escapeAttribute(url)}</a></p>\n\n`;
  });

  // Paywall plugins' closing tags, and wrapping shortcodes' tags.
  out = out.replace(/\[\/?([a-z_-]+)\b[^\]]*\]/gi, (whole, rawName: string) => {
    const name = rawName.toLowerCase();
    if (PAYWALL_SHORTCODES.has(name)) {
      if (!whole.startsWith('[/')) {
        cutFrom ??= `[${name}]`;
        notes.push({ message: `paywall shortcode [${name}] turned into the free limit` });
        return `\n\n<hr class="${cutClass}">\n\n`;
      }
      return '';
    }
    if (WRAPPING_SHORTCODES.has(name)) {
      if (!whole.startsWith('[/')) notes.push({ message: `shortcode [${name}] dropped, its content kept` });
      return '';
    }
    return whole;
  });

  // A bare address on a line of its own is WordPress's auto-embed.
  out = out.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim, (_, url: string) => {
    notes.push({ message: 'auto-embedded address turned into a link', find: url });
    return `<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>`;
  });
  return { html: out, ...(cutFrom ? { cutFrom } : {}), notes };
}

const BLOCK = /^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|figure|figcaption|hr|form|address|section|article|aside|header|footer|nav|main|iframe|script|style|noscript|video|audio|object|embed|details|summary|fieldset|legend|map|area|math|svg|!--)\b/i;

/**
 * `wpautop`, as far as Markdown needs it: text between blank lines becomes a
 * paragraph, single line breaks inside it `<br>`, unless the chunk already
 * starts with a block of HTML. `<pre>` keeps its blank lines.
 */
export function autop(html: string): string {
  const kept: string[] = [];
  const protectedHtml = html.replace(/<(pre|script|style)\b[\s\S]*?<\/\1>/gi, (block) => {
    kept.push(block);
    return `\u0000${kept.length - 1}\u0000`;
  });
  const chunks = protectedHtml.split(/\n[ \t]*\n/);
  const out = chunks
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      if (BLOCK.test(chunk) || /^\u0000\d+\u0000$/.test(chunk)) return chunk;
      return `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`;
    })
    .join('\n\n');
  return out.replace(/\u0000(\d+)\u0000/g, (_, index: string) => kept[Number(index)]!);
}
