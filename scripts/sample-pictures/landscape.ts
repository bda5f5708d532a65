/**
 * The backdrop of an outdoor scene, drawn back to front: sky, sun or moon,
 * clouds or stars, hills, then the sea.
 */

import type { R } from './random.ts';
import { defs, f, H, linear, W } from './svg.ts';

/** Skies by time of day and weather. */
const skies = {
  dawn: [[0, '#27335e'], [0.45, '#8d6a8f'], [0.75, '#f0a070'], [1, '#fbd9b0']],
  day: [[0, '#4f8fcb'], [0.7, '#a9d0ec'], [1, '#dcecf5']],
  overcast: [[0, '#5d6874'], [0.6, '#9aa4ab'], [1, '#c4c9cb']],
  storm: [[0, '#2c333b'], [0.5, '#4d5862'], [1, '#7b8489']],
  dusk: [[0, '#1c2446'], [0.5, '#5b4a78'], [0.85, '#e07b5a'], [1, '#f6b27a']],
  night: [[0, '#03060f'], [0.7, '#0d1630'], [1, '#1d2a4a']],
  winter: [[0, '#6f88a8'], [0.6, '#c9d3dc'], [1, '#eef0ec']],
} as const;

export type Sky = keyof typeof skies;

/** The sky from the top of the picture down to `horizon`, as a gradient for the time of day or weather. */
export function sky(kind: Sky, horizon: number): string {
  return `${defs(linear('sky', skies[kind]))}<rect width="${W}" height="${horizon + 2}" fill="url(#sky)"/>`;
}

/** A sun or moon with a halo. */
export function disc(x: number, y: number, r: number, colour: string, halo: string): string {
  return `<circle cx="${x}" cy="${y}" r="${r * 4}" fill="${halo}" opacity="0.35" filter="url(#glow)"/><circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
}

/** `count` soft clouds, each a blurred cluster of puffs, centred between `top` and `bottom`. */
export function clouds(rand: R, count: number, top: number, bottom: number, colour: string, opacity: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const cx = rand.range(-100, W + 100);
    const cy = rand.range(top, bottom);
    const width = rand.range(160, 420);
    let puffs = '';
    for (let j = 0; j < 6; j++) {
      puffs += `<ellipse cx="${f(cx + rand.range(-width / 2, width / 2))}" cy="${f(cy + rand.range(-18, 12))}" rx="${f(rand.range(50, 120))}" ry="${f(rand.range(18, 40))}"/>`;
    }
    out += `<g fill="${colour}" opacity="${opacity}" filter="url(#soft)">${puffs}</g>`;
  }
  return out;
}

/** `count` stars of random size and brightness above `bottom`. */
export function stars(rand: R, count: number, bottom: number): string {
  let out = '<g fill="#fff">';
  for (let i = 0; i < count; i++) {
    out += `<circle cx="${f(rand.range(0, W))}" cy="${f(rand.range(0, bottom))}" r="${f(rand.range(0.6, 2))}" opacity="${f(rand.range(0.3, 1))}"/>`;
  }
  return `${out}</g>`;
}

/** A hill line by midpoint displacement, closed to the bottom of the picture. */
export function ridge(rand: R, base: number, amplitude: number, colour: string, roughness = 0.55, opacity = 1): string {
  let points = [base + rand.range(-amplitude, amplitude) / 2, base + rand.range(-amplitude, amplitude) / 2];
  let spread = amplitude;
  while (points.length < 129) {
    const next: number[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      next.push(points[i]!, (points[i]! + points[i + 1]!) / 2 + rand.range(-spread, spread));
    }
    next.push(points.at(-1)!);
    points = next;
    spread *= roughness;
  }
  const step = W / (points.length - 1);
  const line = points.map((y, i) => `${f(i * step)},${f(y)}`).join(' ');
  return `<polygon points="0,${H} ${line} ${W},${H}" fill="${colour}" opacity="${opacity}"/>`;
}

/** Water from `top` down: a gradient and streaks of reflected light. */
export function sea(rand: R, top: number, deep: string, near: string, glint: string, streaks = 160): string {
  let lines = '';
  for (let i = 0; i < streaks; i++) {
    const y = top + Math.pow(rand.next(), 1.6) * (H - top);
    const depth = (y - top) / (H - top);
    const length = 20 + depth * rand.range(40, 180);
    const x = rand.range(-50, W);
    lines += `<rect x="${f(x)}" y="${f(y)}" width="${f(length)}" height="${f(1 + depth * 3)}" rx="1" fill="${glint}" opacity="${f(rand.range(0.15, 0.45))}"/>`;
  }
  return `${defs(linear('sea', [[0, deep], [1, near]]))}<rect y="${top}" width="${W}" height="${H - top}" fill="url(#sea)"/>${lines}`;
}
