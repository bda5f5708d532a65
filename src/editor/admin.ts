/**
 * The editing screen's script (`/admin/`): Sveltia CMS from npm, bundled with
 * the site, with Masthead's free-limit block. The configuration is the build's
 * `/admin/config.yml`, named by the page's `<link rel="cms-config-url">`.
 */
import CMS from '@sveltia/cms';
import { freeLimitBlock } from './free-limit-block';

CMS.registerEditorComponent(freeLimitBlock(document.body.dataset.freeLimitMessage ?? ''));
// A file, not the CSS as a string: the preview frame does not apply a stylesheet made from a string.
if (document.body.dataset.previewStyle) CMS.registerPreviewStyle(document.body.dataset.previewStyle);
CMS.init();
