import type { EditorComponentDefinition } from '@sveltia/cms';
import { FREE_LIMIT_MARKER, MARKER_EXACT } from '../free-limit/marker';

/** The editor component's id, as the body field's `editor_components` names it. */
export const FREE_LIMIT_COMPONENT_ID = 'free-limit';

/** The class of the cut-off panel in the editor's preview. */
export const FREE_LIMIT_PREVIEW_CLASS = 'masthead-free-limit';

/** The build's marker pattern without its anchors, to place inside the editor's patterns. */
const MARKER = MARKER_EXACT.source.slice(1, -1);

/**
 * The marker as the editor finds it in a file: on a line of its own, spelled as
 * the build accepts it (`<!--free-limit-->`, any case), so the block shows for
 * every marker the build would cut at, and saving writes it the one exact way.
 *
 * Line ends are matched as `\n`, not with the `m` flag: Sveltia CMS (0.221)
 * makes a component whose pattern is multiline (flag `m` or `s`, or `[\s\S]`)
 * a Lexical multiline element whose start is `/^./`, which the rich-text
 * editor's typing shortcuts then take for any one character and a space at the
 * start of a paragraph: "A second paragraph…" lost its "A " (and "I think…"
 * its "I ") as it was typed. Reproduced in tests/browser/cms.test.ts.
 */
export const FREE_LIMIT_BLOCK_PATTERN = new RegExp(`(?:^|\n)${MARKER}(?=\r?\n|$)`, 'i');

/**
 * A body is valid for the editor when it has at most one marker: the build
 * refuses two. (Every other rule about where the cut may fall is the build's;
 * the block can only be placed between paragraphs, where the cut is legal.)
 */
export const ONE_FREE_LIMIT_AT_MOST = `^(?![\\s\\S]*${MARKER}[\\s\\S]*${MARKER})[\\s\\S]*$`;

/**
 * Greys everything after the cut-off panel in the preview, so the writer sees
 * what subscribers alone will read. Only the editor's preview: the public site
 * never receives what comes after the marker.
 */
export const FREE_LIMIT_PREVIEW_CSS = `
.${FREE_LIMIT_PREVIEW_CLASS} {
  margin: 2em 0; padding: 1em 1.25em; border: 2px dashed #8a5a00; border-radius: 6px;
  background: #fff7e6; color: #3d2800; font-family: system-ui, sans-serif; font-size: 0.95rem;
}
.${FREE_LIMIT_PREVIEW_CLASS} strong { display: block; margin-bottom: 0.25em; }
:is(.${FREE_LIMIT_PREVIEW_CLASS}, :has(> * > .${FREE_LIMIT_PREVIEW_CLASS})) ~ * { opacity: 0.45; }
`;

/**
 * The "Free limit here" block: a toolbar button that puts the marker on a line
 * of its own, written exactly as {@link FREE_LIMIT_MARKER}, and shows the
 * cut-off panel in the preview. `message` is the settings' subscribe message.
 */
export function freeLimitBlock(message: string): EditorComponentDefinition {
  return {
    id: FREE_LIMIT_COMPONENT_ID,
    label: 'Free limit here',
    icon: 'lock',
    trigger: 'button',
    fields: [],
    pattern: FREE_LIMIT_BLOCK_PATTERN,
    fromBlock: () => ({}),
    toBlock: () => FREE_LIMIT_MARKER,
    // A string, not an element: Sveltia wraps an element in a paragraph of its own, which would leave
    // the panel without the following blocks as siblings for the greying rule.
    toPreview: () =>
      `<div class="${FREE_LIMIT_PREVIEW_CLASS}" role="note"><strong>Free limit</strong> <span>Readers without a subscription stop here and see: “${escapeHtml(message)}” Greyed text below is for subscribers only.</span></div>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
