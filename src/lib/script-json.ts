/**
 * JSON that is safe as the text of a `<script>` element (JSON-LD, the sealed
 * envelope): `<`, `>` and `&` become `\u003c` etc. so no value can close the
 * element or open a comment, and U+2028/2029 are escaped for old parsers.
 * `JSON.parse` reads it back unchanged.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
