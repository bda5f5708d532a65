/**
 * Things set on a backdrop, shared by several scenes: boats, dockside cranes,
 * rows of houses and harbour walls.
 */

import type { R } from './random.ts';
import { f, H } from './svg.ts';

/** A small boat side-on: hull, wheelhouse, mast. */
export function boat(rand: R, x: number, waterline: number, size: number, hull: string): string {
  const len = size;
  const h = size * 0.22;
  const cabinX = x + len * rand.range(0.45, 0.6);
  return `<g>
    <path d="M${f(x)},${f(waterline - h)} L${f(x + len)},${f(waterline - h * 1.25)} L${f(x + len * 0.9)},${f(waterline)} L${f(x + len * 0.08)},${f(waterline)} Z" fill="${hull}"/>
    <rect x="${f(x)}" y="${f(waterline - h)}" width="${f(len)}" height="${f(h * 0.12)}" fill="#f1efe8" opacity="0.8"/>
    <rect x="${f(cabinX)}" y="${f(waterline - h * 2.2)}" width="${f(len * 0.22)}" height="${f(h * 1.25)}" fill="#eeeae0"/>
    <rect x="${f(cabinX + len * 0.03)}" y="${f(waterline - h * 2)}" width="${f(len * 0.15)}" height="${f(h * 0.35)}" fill="#2f3b47"/>
    <line x1="${f(x + len * 0.3)}" y1="${f(waterline - h)}" x2="${f(x + len * 0.3)}" y2="${f(waterline - h * 4.5)}" stroke="#3b3b3b" stroke-width="${f(Math.max(1.5, size / 80))}"/>
    <path d="M${f(x + len * 0.08)},${f(waterline)} L${f(x + len * 0.9)},${f(waterline)}" stroke="#000" stroke-opacity="0.25" stroke-width="${f(size / 40)}"/>
    <rect x="${f(x + len * 0.1)}" y="${f(waterline + 2)}" width="${f(len * 0.8)}" height="${f(h * 0.8)}" fill="${hull}" opacity="0.25" filter="url(#haze)"/>
  </g>`;
}

/** A dockside crane: legs, cab and jib. */
export function crane(x: number, ground: number, height: number, colour: string, jibLeft: boolean): string {
  const top = ground - height;
  const jib = jibLeft ? -height * 0.8 : height * 0.8;
  return `<g stroke="${colour}" stroke-width="6" fill="none">
    <path d="M${x - 30},${ground} L${x - 10},${top + 40} M${x + 30},${ground} L${x + 10},${top + 40} M${x - 24},${ground - height * 0.3} L${x + 24},${ground - height * 0.3}"/>
    <path d="M${x},${top + 40} L${x + jib},${top + 10} M${x},${top} L${x + jib},${top + 10} M${x},${top} L${x},${top + 40}"/>
    <path d="M${x + jib * 0.85},${top + 12} L${x + jib * 0.85},${top + height * 0.55}" stroke-width="2"/>
  </g><rect x="${x - 16}" y="${top + 30}" width="32" height="26" fill="${colour}"/>`;
}

/** A row of houses along `ground`, with pitched roofs and windows. */
export function houses(rand: R, from: number, to: number, ground: number, scale: number, palette: readonly string[], lit: number): string {
  let out = '';
  let x = from;
  while (x < to) {
    const w = rand.range(70, 120) * scale;
    const h = rand.range(90, 150) * scale;
    const roof = rand.range(30, 55) * scale;
    const wall = rand.pick(palette);
    out += `<rect x="${f(x)}" y="${f(ground - h)}" width="${f(w)}" height="${f(h)}" fill="${wall}"/>`;
    out += `<polygon points="${f(x - 4 * scale)},${f(ground - h)} ${f(x + w / 2)},${f(ground - h - roof)} ${f(x + w + 4 * scale)},${f(ground - h)}" fill="${rand.pick(['#4a3f3a', '#5b514a', '#3c4550', '#6b4b3e'])}"/>`;
    if (rand.chance(0.6)) {
      out += `<rect x="${f(x + w * 0.7)}" y="${f(ground - h - roof * 0.9)}" width="${f(9 * scale)}" height="${f(roof * 0.6)}" fill="#4d433d"/>`;
    }
    const rows = h > 120 * scale ? 2 : 1;
    for (let row = 0; row < rows; row++) {
      for (const column of [0.22, 0.62]) {
        const glow = rand.next() < lit;
        out += `<rect x="${f(x + w * column)}" y="${f(ground - h + 16 * scale + row * 48 * scale)}" width="${f(w * 0.18)}" height="${f(24 * scale)}" fill="${glow ? '#ffd98a' : '#2d3640'}" opacity="${glow ? 0.95 : 0.8}"/>`;
      }
    }
    out += `<rect x="${f(x + w * 0.42)}" y="${f(ground - 34 * scale)}" width="${f(w * 0.16)}" height="${f(34 * scale)}" fill="#3a2f2a"/>`;
    x += w + rand.range(0, 6) * scale;
  }
  return out;
}

/** A harbour wall running out into the water, with bollards and a light. */
export function quay(top: number, from: number, to: number, colour: string): string {
  let bollards = '';
  for (let x = from + 40; x < to - 20; x += 90) bollards += `<rect x="${x}" y="${top - 12}" width="12" height="12" rx="3" fill="#2a2a2a"/>`;
  return `<rect x="${from}" y="${top}" width="${to - from}" height="${H - top}" fill="${colour}"/><rect x="${from}" y="${top}" width="${to - from}" height="8" fill="#000" opacity="0.2"/>${bollards}`;
}
