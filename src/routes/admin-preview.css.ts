import type { APIRoute } from 'astro';
import { FREE_LIMIT_PREVIEW_CSS } from '../editor/free-limit-block';

/**
 * `/admin/preview.css`: the editor preview's styles (the cut-off panel, and
 * the greyed text after it). A file of the site's own, because the preview is
 * a sandboxed frame that applies a same-origin stylesheet but not one the CMS
 * makes from a string.
 */
export const GET: APIRoute = () => new Response(FREE_LIMIT_PREVIEW_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
