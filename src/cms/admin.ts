/**
 * The editing screen's script (`/admin/`): Sveltia CMS from npm, bundled with
 * the site, with Masthead's free-limit block. The configuration is the build's
 * `/admin/config.json`, named by the page's `<link rel="cms-config-url">`.
 */
import CMS from '@sveltia/cms';
import { FREE_LIMIT_PREVIEW_CSS, freeLimitBlock } from './free-limit-block';

CMS.registerEditorComponent(freeLimitBlock(document.body.dataset.freeLimitMessage ?? ''));
CMS.registerPreviewStyle(FREE_LIMIT_PREVIEW_CSS, { raw: true });
CMS.init();
