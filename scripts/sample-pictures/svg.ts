/**
 * SVG building blocks every scene uses: the picture size, number formatting,
 * the shared filters and gradients, and the document wrapper.
 */

/** Size of every scene, in pixels (16:9, as article pictures are shown). */
export const W = 1600;
export const H = 900;

/** Rounds to one decimal: enough for the eye, and it keeps the SVG short. */
export const f = (n: number) => Math.round(n * 10) / 10;

/** Shared gradients and filters, referenced by id. */
export function defs(extra = ''): string {
  return `<defs>
    <filter id="soft" x="-20%" y="-50%" width="140%" height="200%"><feGaussianBlur stdDeviation="18"/></filter>
    <filter id="haze" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="4"/></filter>
    <filter id="glow" x="-100%" y="-100%" width="300%" height="300%"><feGaussianBlur stdDeviation="22"/></filter>
    <filter id="tiny" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="1.2"/></filter>
    ${extra}
  </defs>`;
}

/** A linear gradient with `stops`, top to bottom (or left to right when `vertical` is false). */
export function linear(id: string, stops: ReadonlyArray<readonly [number, string]>, vertical = true): string {
  const [x2, y2] = vertical ? ['0', '1'] : ['1', '0'];
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops
    .map(([offset, colour]) => `<stop offset="${offset}" stop-color="${colour}"/>`)
    .join('')}</linearGradient>`;
}

/** Wraps shapes in an SVG document of the given size. */
export function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
