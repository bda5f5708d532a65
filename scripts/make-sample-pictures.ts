/**
 * Draws the sample paper's pictures: procedural scenes of Port Averley (harbour,
 * coast, town, sky, fields, under the sea) as layered SVG shapes and gradients,
 * rendered to JPEG with sharp, and small abstract author portraits. Nothing is a
 * photograph and no picture shows a real person.
 *
 *   node --experimental-strip-types scripts/make-sample-pictures.ts [--only name,name]
 *
 * Each picture has its own seed, so the same script and the same sharp (libvips)
 * give the same bytes. No text is drawn: fonts differ between machines. The
 * pictures are made for this project and licensed with it (content/PICTURES.md).
 *
 * Run by Node directly (type stripping), so only erasable TypeScript and no
 * project imports beyond the one seeded PRNG.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { prng } from '../tests/helpers/prng.ts';

const W = 1600;
const H = 900;
/** Scenes must stay light enough for a phone: the encoder's quality is lowered until one fits. */
const MAX_BYTES = 150_000;

type Rand = () => number;

/** A seeded source of numbers with the helpers every scene uses. */
function random(seed: number) {
  const next: Rand = prng(seed);
  return {
    next,
    /** A number in [min, max). */
    range: (min: number, max: number) => min + (max - min) * next(),
    /** An integer in [min, max]. */
    int: (min: number, max: number) => Math.floor(min + (max - min + 1) * next()),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
type R = ReturnType<typeof random>;

const f = (n: number) => Math.round(n * 10) / 10;

/** Shared gradients and filters, referenced by id. */
function defs(extra = ''): string {
  return `<defs>
    <filter id="soft" x="-20%" y="-50%" width="140%" height="200%"><feGaussianBlur stdDeviation="18"/></filter>
    <filter id="haze" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="4"/></filter>
    <filter id="glow" x="-100%" y="-100%" width="300%" height="300%"><feGaussianBlur stdDeviation="22"/></filter>
    <filter id="tiny" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="1.2"/></filter>
    ${extra}
  </defs>`;
}

function linear(id: string, stops: ReadonlyArray<readonly [number, string]>, vertical = true): string {
  const [x2, y2] = vertical ? ['0', '1'] : ['1', '0'];
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${stops
    .map(([offset, colour]) => `<stop offset="${offset}" stop-color="${colour}"/>`)
    .join('')}</linearGradient>`;
}

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

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
type Sky = keyof typeof skies;

function sky(kind: Sky, horizon: number): string {
  return `${defs(linear('sky', skies[kind]))}<rect width="${W}" height="${horizon + 2}" fill="url(#sky)"/>`;
}

/** A sun or moon with a halo. */
function disc(x: number, y: number, r: number, colour: string, halo: string): string {
  return `<circle cx="${x}" cy="${y}" r="${r * 4}" fill="${halo}" opacity="0.35" filter="url(#glow)"/><circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
}

function clouds(rand: R, count: number, top: number, bottom: number, colour: string, opacity: number): string {
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

function stars(rand: R, count: number, bottom: number): string {
  let out = '<g fill="#fff">';
  for (let i = 0; i < count; i++) {
    out += `<circle cx="${f(rand.range(0, W))}" cy="${f(rand.range(0, bottom))}" r="${f(rand.range(0.6, 2))}" opacity="${f(rand.range(0.3, 1))}"/>`;
  }
  return `${out}</g>`;
}

/** A hill line by midpoint displacement, closed to the bottom of the picture. */
function ridge(rand: R, base: number, amplitude: number, colour: string, roughness = 0.55, opacity = 1): string {
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
function sea(rand: R, top: number, deep: string, near: string, glint: string, streaks = 160): string {
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

/** A small boat side-on: hull, wheelhouse, mast. */
function boat(rand: R, x: number, waterline: number, size: number, hull: string): string {
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
function crane(x: number, ground: number, height: number, colour: string, jibLeft: boolean): string {
  const top = ground - height;
  const jib = jibLeft ? -height * 0.8 : height * 0.8;
  return `<g stroke="${colour}" stroke-width="6" fill="none">
    <path d="M${x - 30},${ground} L${x - 10},${top + 40} M${x + 30},${ground} L${x + 10},${top + 40} M${x - 24},${ground - height * 0.3} L${x + 24},${ground - height * 0.3}"/>
    <path d="M${x},${top + 40} L${x + jib},${top + 10} M${x},${top} L${x + jib},${top + 10} M${x},${top} L${x},${top + 40}"/>
    <path d="M${x + jib * 0.85},${top + 12} L${x + jib * 0.85},${top + height * 0.55}" stroke-width="2"/>
  </g><rect x="${x - 16}" y="${top + 30}" width="32" height="26" fill="${colour}"/>`;
}

/** A row of houses along `ground`, with pitched roofs and windows. */
function houses(rand: R, from: number, to: number, ground: number, scale: number, palette: readonly string[], lit: number): string {
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
function quay(top: number, from: number, to: number, colour: string): string {
  let bollards = '';
  for (let x = from + 40; x < to - 20; x += 90) bollards += `<rect x="${x}" y="${top - 12}" width="12" height="12" rx="3" fill="#2a2a2a"/>`;
  return `<rect x="${from}" y="${top}" width="${to - from}" height="${H - top}" fill="${colour}"/><rect x="${from}" y="${top}" width="${to - from}" height="8" fill="#000" opacity="0.2"/>${bollards}`;
}

// ---------------------------------------------------------------- scenes

interface SceneOptions {
  time?: Sky;
}

function harbour(seed: number, { time = 'day' as Sky, ship = 'none' as 'none' | 'dredger' | 'container', cranes = true, boats = 4 } = {}): string {
  const rand = random(seed);
  const horizon = 470;
  let out = sky(time, horizon);
  if (time === 'dawn') out += disc(rand.range(300, 700), horizon - 40, 38, '#ffe2a8', '#ffb46b');
  if (time === 'dusk') out += disc(rand.range(900, 1300), horizon - 30, 34, '#ffd0a0', '#ff8c5a');
  out += clouds(rand, 9, 40, 300, time === 'dusk' || time === 'dawn' ? '#f3c1a3' : '#ffffff', 0.55);
  out += ridge(rand, horizon - 40, 50, time === 'dusk' ? '#3d3552' : '#6f7f8c', 0.5, 0.8);
  out += ridge(rand, horizon - 8, 24, time === 'dusk' ? '#2b2740' : '#54636c');
  const glint = time === 'dusk' || time === 'dawn' ? '#ffd2a0' : '#e6f2fa';
  out += sea(rand, horizon, time === 'dusk' ? '#3b3a5a' : '#3f6f8f', time === 'dusk' ? '#1d2238' : '#1f4560', glint);
  if (ship === 'dredger') {
    const x = 420;
    const wl = 600;
    out += `<path d="M${x},${wl - 60} L${x + 620},${wl - 70} L${x + 580},${wl} L${x + 30},${wl} Z" fill="#9b2a22"/>
      <rect x="${x}" y="${wl - 72}" width="620" height="14" fill="#e9e4da"/>
      <rect x="${x + 470}" y="${wl - 170}" width="110" height="100" fill="#f0ece3"/><rect x="${x + 480}" y="${wl - 160}" width="90" height="22" fill="#26313b"/>
      <rect x="${x + 520}" y="${wl - 230}" width="14" height="60" fill="#4a4a4a"/>
      <path d="M${x + 120},${wl - 70} L${x + 60},${wl - 190} M${x + 160},${wl - 70} L${x + 60},${wl - 190}" stroke="#d9b23a" stroke-width="9"/>
      <path d="M${x + 60},${wl - 190} L${x - 40},${wl + 20}" stroke="#333" stroke-width="7"/>
      <rect x="${x + 200}" y="${wl - 110}" width="230" height="40" fill="#7d1f19"/>
      <rect x="${x + 40}" y="${wl + 4}" width="520" height="40" fill="#9b2a22" opacity="0.25" filter="url(#haze)"/>`;
  } else if (ship === 'container') {
    const x = 260;
    const wl = 540;
    let boxes = '';
    const colours = ['#b5432f', '#2f6e8f', '#d9a441', '#4a7d4b', '#7b4b8a', '#c9c3b6'];
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 14; column++) {
        if (row === 2 && rand.chance(0.3)) continue;
        boxes += `<rect x="${x + 140 + column * 44}" y="${wl - 80 - row * 26}" width="42" height="24" fill="${rand.pick(colours)}"/>`;
      }
    }
    out += `${boxes}<path d="M${x},${wl - 56} L${x + 900},${wl - 60} L${x + 860},${wl} L${x + 30},${wl} Z" fill="#20303c"/>
      <rect x="${x + 780}" y="${wl - 170}" width="90" height="114" fill="#ecebe6"/><rect x="${x + 788}" y="${wl - 160}" width="74" height="18" fill="#27323c"/>
      <rect x="${x + 30}" y="${wl + 4}" width="800" height="30" fill="#20303c" opacity="0.25" filter="url(#haze)"/>`;
  }
  if (cranes) {
    out += quay(640, 980, W, '#6d6a64');
    out += crane(1120, 640, 240, '#c8562f', true);
    out += crane(1380, 640, 280, '#c8562f', true);
    out += `<rect x="1450" y="540" width="150" height="100" fill="#8b8f92"/><rect x="1450" y="530" width="150" height="12" fill="#6a6e71"/>`;
  }
  for (let i = 0; i < boats; i++) {
    out += boat(rand, rand.range(40, 820), rand.range(700, 860), rand.range(150, 260), rand.pick(['#1f4e79', '#a23b2a', '#2e6b4f', '#e2b13c', '#f2f0ea']));
  }
  return out;
}

/** A low-tide sandbank with channel marker buoys. */
function sandbank(seed: number): string {
  const rand = random(seed);
  const horizon = 420;
  let out = sky('overcast', horizon) + clouds(rand, 12, 30, 340, '#e8ecee', 0.6);
  out += ridge(rand, horizon - 20, 30, '#7a8890', 0.5, 0.8);
  out += sea(rand, horizon, '#6e8a98', '#3b5868', '#dfe9ee', 120);
  out += `${defs(linear('sand', [[0, '#d8c7a0'], [1, '#b59d70']]))}<path d="M-20,700 C300,610 700,640 1000,660 S1450,720 1620,690 L1620,790 C1200,760 700,800 300,780 S0,760 -20,770 Z" fill="url(#sand)"/>`;
  for (let i = 0; i < 60; i++) out += `<ellipse cx="${f(rand.range(0, W))}" cy="${f(rand.range(680, 780))}" rx="${f(rand.range(10, 50))}" ry="2" fill="#8a7650" opacity="0.35"/>`;
  for (const [x, y, colour] of [[380, 600, '#c0392b'], [1240, 620, '#2e7d32'], [820, 560, '#c0392b']] as const) {
    out += `<path d="M${x - 14},${y} L${x + 14},${y} L${x + 8},${y - 46} L${x - 8},${y - 46} Z" fill="${colour}"/><rect x="${x - 18}" y="${y}" width="36" height="10" fill="${colour}" opacity="0.5"/>`;
  }
  for (let i = 0; i < 7; i++) out += `<path d="M${f(rand.range(100, 1500))},${f(rand.range(180, 360))} l14,-6 l14,6" stroke="#2c2c2c" stroke-width="2.5" fill="none"/>`;
  return out;
}

function townHall(seed: number, { time = 'dusk' }: SceneOptions = {}): string {
  const rand = random(seed);
  const ground = 760;
  let out = sky(time, ground) + clouds(rand, 7, 40, 260, time === 'dusk' ? '#e7a98c' : '#ffffff', 0.45);
  const lit = time === 'dusk' || time === 'night' ? 0.7 : 0.05;
  out += houses(rand, -40, 420, ground, 1.4, ['#c9b79c', '#a99a86', '#d6c8b0', '#b8a07c'], lit);
  out += houses(rand, 1180, W + 40, ground, 1.4, ['#c9b79c', '#a99a86', '#d6c8b0', '#9c8f7c'], lit);
  const x = 450;
  const w = 700;
  out += `<rect x="${x}" y="420" width="${w}" height="${ground - 420}" fill="#bfae92"/><rect x="${x - 10}" y="405" width="${w + 20}" height="22" fill="#a8987e"/>
    <polygon points="${x + 200},405 ${x + w / 2},330 ${x + w - 200},405" fill="#a8987e"/>
    <rect x="${x + w / 2 - 45}" y="180" width="90" height="240" fill="#b5a487"/><polygon points="${x + w / 2 - 55},180 ${x + w / 2},100 ${x + w / 2 + 55},180" fill="#5d6a66"/>
    <circle cx="${x + w / 2}" cy="240" r="30" fill="#f3efe3" stroke="#4a4036" stroke-width="5"/><path d="M${x + w / 2},240 l0,-20 M${x + w / 2},240 l14,6" stroke="#2c2620" stroke-width="4"/>`;
  for (let i = 0; i < 7; i++) {
    const wx = x + 40 + i * 92;
    const glow = rand.next() < lit;
    out += `<rect x="${wx}" y="455" width="46" height="90" rx="22" fill="${glow ? '#ffd98a' : '#34404a'}"/><rect x="${wx}" y="590" width="46" height="80" fill="${glow ? '#ffcf70' : '#34404a'}"/>`;
  }
  out += `<rect x="${x + w / 2 - 50}" y="650" width="100" height="${ground - 650}" fill="#3b2d25"/>`;
  for (let i = 0; i < 4; i++) out += `<rect x="${x + w / 2 - 130 - i * 6}" y="${ground - 12 + i * 0}" width="${260 + i * 12}" height="6" fill="#9a8b74"/>`;
  out += `${defs(linear('street', [[0, '#5a5752'], [1, '#33312e']]))}<rect y="${ground}" width="${W}" height="${H - ground}" fill="url(#street)"/>`;
  for (const lx of [300, 1300]) out += `<rect x="${lx}" y="${ground - 210}" width="8" height="210" fill="#222"/><circle cx="${lx + 4}" cy="${ground - 215}" r="14" fill="${lit > 0.5 ? '#ffe3a0' : '#ddd'}"/>${lit > 0.5 ? `<circle cx="${lx + 4}" cy="${ground - 215}" r="60" fill="#ffd27a" opacity="0.35" filter="url(#glow)"/>` : ''}`;
  return out;
}

function underwater(seed: number, { bags = false, seahorse = false } = {}): string {
  const rand = random(seed);
  let out = `${defs(linear('water', [[0, '#3f9bb0'], [0.5, '#1f6a80'], [1, '#0d3a4a']]) + linear('ray', [[0, '#e9fbff'], [1, '#e9fbff00']]))}<rect width="${W}" height="${H}" fill="url(#water)"/>`;
  for (let i = 0; i < 7; i++) {
    const x = rand.range(0, W);
    out += `<polygon points="${f(x)},0 ${f(x + 60)},0 ${f(x + 260)},${H} ${f(x + 120)},${H}" fill="url(#ray)" opacity="${f(rand.range(0.08, 0.18))}"/>`;
  }
  out += `${defs(linear('bed', [[0, '#8d8a6a'], [1, '#4f4b38']]))}<path d="M0,720 C400,690 900,740 1600,700 L1600,900 L0,900 Z" fill="url(#bed)"/>`;
  for (let i = 0; i < 160; i++) out += `<circle cx="${f(rand.range(0, W))}" cy="${f(rand.range(730, 900))}" r="${f(rand.range(1, 4))}" fill="#c9c2a0" opacity="0.35"/>`;
  const blades = bags ? 70 : 220;
  for (let i = 0; i < blades; i++) {
    const x = rand.range(-20, W + 20);
    const base = rand.range(720, 900);
    const height = rand.range(140, 420) * (base / 900);
    const sway = rand.range(-80, 80);
    const green = rand.pick(['#3f7d3a', '#4f8f3f', '#2f6a34', '#5a9a48']);
    out += `<path d="M${f(x)},${f(base)} Q${f(x + sway * 0.3)},${f(base - height * 0.6)} ${f(x + sway)},${f(base - height)} Q${f(x + sway * 0.3 + 10)},${f(base - height * 0.5)} ${f(x + 9)},${f(base)} Z" fill="${green}" opacity="${f(rand.range(0.75, 1))}"/>`;
  }
  if (bags) {
    for (let i = 0; i < 9; i++) {
      const x = 120 + i * 160 + rand.range(-40, 40);
      const y = rand.range(760, 850);
      out += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="46" ry="24" fill="#a88a5a"/><path d="M${f(x - 40)},${f(y)} Q${f(x)},${f(y - 12)} ${f(x + 40)},${f(y)}" stroke="#7d6440" stroke-width="3" fill="none"/><path d="M${f(x - 6)},${f(y - 22)} l12,-14" stroke="#7d6440" stroke-width="4"/>`;
    }
    // A diver's silhouette and bubbles.
    out += `<g fill="#0b2530"><ellipse cx="1080" cy="360" rx="120" ry="34" transform="rotate(-12 1080 360)"/><circle cx="1200" cy="330" r="30"/><rect x="1000" y="310" width="110" height="26" rx="12" fill="#d9a441" transform="rotate(-12 1050 320)"/><path d="M960,380 L860,420 L870,440 L965,400 Z"/><path d="M950,395 L840,470 L856,484 L960,410 Z"/></g>`;
    for (let i = 0; i < 14; i++) out += `<circle cx="${f(1220 + rand.range(-20, 40))}" cy="${f(300 - i * 22)}" r="${f(rand.range(3, 9))}" fill="none" stroke="#e9fbff" stroke-width="2" opacity="0.7"/>`;
  }
  if (seahorse) {
    out += `<g transform="translate(760 430) scale(1.4)" fill="#d49a3a"><path d="M0,0 C30,-10 40,20 20,40 C5,55 10,80 30,95 C45,105 40,130 20,125 C5,120 8,105 15,100 C-10,85 -10,55 5,40 C15,30 5,15 -10,18 L-40,12 L-38,4 L-8,4 C-8,0 -5,0 0,0 Z"/><circle cx="8" cy="8" r="3" fill="#1b1b1b"/><path d="M25,40 l14,-6 M28,55 l14,-2 M26,70 l14,2" stroke="#b27a25" stroke-width="3"/></g>`;
  }
  for (let i = 0; i < 40; i++) out += `<circle cx="${f(rand.range(0, W))}" cy="${f(rand.range(0, 700))}" r="${f(rand.range(1, 3))}" fill="#e9fbff" opacity="${f(rand.range(0.2, 0.6))}"/>`;
  return out;
}

/** A seagrass meadow from above, scarred by bare circles where mooring chains swing. */
function aerialMeadow(seed: number): string {
  const rand = random(seed);
  let out = `${defs(linear('shallows', [[0, '#5fb3bf'], [1, '#2c7c8c']], false))}<rect width="${W}" height="${H}" fill="url(#shallows)"/>`;
  out += `<path d="M0,0 L520,0 C430,200 470,450 380,900 L0,900 Z" fill="#d9c79a"/><path d="M380,900 C470,450 430,200 520,0 L560,0 C470,220 520,460 430,900 Z" fill="#bfe3dc" opacity="0.7"/>`;
  for (let i = 0; i < 900; i++) {
    const x = rand.range(560, W);
    const y = rand.range(0, H);
    out += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(rand.range(14, 40))}" ry="${f(rand.range(6, 16))}" fill="${rand.pick(['#2f6a34', '#3f7d3a', '#27592c', '#4a8a44'])}" opacity="0.85" transform="rotate(${f(rand.range(-40, 40))} ${f(x)} ${f(y)})"/>`;
  }
  for (let i = 0; i < 11; i++) {
    const x = rand.range(700, 1520);
    const y = rand.range(80, 820);
    const r = rand.range(40, 75);
    out += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="#cdbb8c"/><circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" fill="none" stroke="#a99765" stroke-width="3" stroke-dasharray="6 9"/>`;
    if (i % 3 === 0) out += `<ellipse cx="${f(x + r * 0.3)}" cy="${f(y)}" rx="26" ry="10" fill="#f2f0ea"/><ellipse cx="${f(x + r * 0.3 + 6)}" cy="${f(y)}" rx="8" ry="5" fill="#2d3640"/>`;
    else out += `<circle cx="${f(x)}" cy="${f(y)}" r="9" fill="#e24b2c"/>`;
  }
  return out;
}

function football(seed: number, { time = 'day', crowd = 0.6 }: SceneOptions & { crowd?: number } = {}): string {
  const rand = random(seed);
  const standTop = 240;
  const pitchTop = 520;
  let out = sky(time, standTop + 60) + clouds(rand, 6, 20, 160, time === 'dusk' ? '#e7a98c' : '#ffffff', 0.5);
  out += `<rect y="${standTop}" width="${W}" height="${pitchTop - standTop}" fill="#2b3a4c"/><polygon points="0,${standTop} ${W},${standTop} ${W},${standTop - 40} 0,${standTop - 40}" fill="#d9d5cc"/>`;
  for (let y = standTop + 20; y < pitchTop - 40; y += 22) {
    for (let x = 10; x < W; x += 16) {
      if (rand.next() < crowd) out += `<circle cx="${f(x + rand.range(-3, 3))}" cy="${f(y + rand.range(-3, 3))}" r="6" fill="${rand.pick(['#f2c230', '#1f4e79', '#f2f0ea', '#c94a3a', '#222', '#1f4e79', '#f2c230'])}"/>`;
    }
  }
  out += `<rect y="${pitchTop - 40}" width="${W}" height="40" fill="#1f4e79"/><rect y="${pitchTop - 40}" width="${W}" height="6" fill="#f2c230"/>`;
  for (let i = 0; i < 8; i++) {
    out += `<polygon points="${f(-400 + i * 300)},${H} ${f(-400 + (i + 1) * 300)},${H} ${f(i * 200 + 200)},${pitchTop} ${f(i * 200)},${pitchTop}" fill="${i % 2 ? '#3f8f3f' : '#4a9c45'}"/>`;
  }
  out += `<path d="M800,${pitchTop} L800,${H}" stroke="#fff" stroke-width="5" opacity="0.8"/><ellipse cx="800" cy="720" rx="260" ry="90" stroke="#fff" stroke-width="5" fill="none" opacity="0.8"/>`;
  for (const x of [120, 1480]) {
    const glow = time === 'dusk' || time === 'night';
    out += `<rect x="${x - 5}" y="40" width="10" height="${pitchTop - 80}" fill="#3a3a3a"/><rect x="${x - 50}" y="20" width="100" height="50" fill="#e8e8e8"/>`;
    if (glow) out += `<ellipse cx="${x}" cy="45" rx="120" ry="70" fill="#fff8d8" opacity="0.55" filter="url(#glow)"/>`;
  }
  for (let i = 0; i < 6; i++) {
    const x = rand.range(200, 1400);
    const y = rand.range(600, 840);
    const s = 0.6 + (y - 600) / 400;
    const kit = i < 3 ? '#f2c230' : '#b22222';
    out += `<g transform="translate(${f(x)} ${f(y)}) scale(${f(s)})"><circle cx="0" cy="-78" r="12" fill="#2b2420"/><rect x="-14" y="-64" width="28" height="38" rx="6" fill="${kit}"/><rect x="-12" y="-26" width="10" height="30" fill="#1b1b1b"/><rect x="2" y="-26" width="10" height="30" fill="#1b1b1b"/></g>`;
  }
  return out;
}

function flood(seed: number): string {
  const rand = random(seed);
  const water = 700;
  let out = sky('storm', water) + clouds(rand, 14, 20, 380, '#3c454d', 0.7);
  out += houses(rand, -30, W + 30, water + 60, 2.1, ['#c2b6a3', '#9fb0ba', '#cfc3ae', '#b7a48a', '#a9b4a0'], 0.35);
  out += `${defs(linear('flood', [[0, '#6b6551'], [1, '#3e3a2e']]))}<rect y="${water}" width="${W}" height="${H - water}" fill="url(#flood)" opacity="0.96"/>`;
  for (let i = 0; i < 90; i++) out += `<rect x="${f(rand.range(0, W))}" y="${f(rand.range(water + 5, H))}" width="${f(rand.range(30, 140))}" height="2" fill="#c9c3ad" opacity="${f(rand.range(0.15, 0.4))}"/>`;
  out += `<g><rect x="1080" y="${water - 130}" width="8" height="150" fill="#222"/><rect x="1040" y="${water - 150}" width="88" height="40" fill="#f2f0ea"/><polygon points="1084,${water - 146} 1110,${water - 116} 1058,${water - 116}" fill="#c0392b"/></g>`;
  for (let i = 0; i < 300; i++) {
    const x = rand.range(0, W);
    const y = rand.range(0, water);
    out += `<line x1="${f(x)}" y1="${f(y)}" x2="${f(x - 8)}" y2="${f(y + 26)}" stroke="#dfe6ea" stroke-width="1.5" opacity="0.35"/>`;
  }
  return out;
}

/** The old sea wall from the beach, optionally fitted with textured panels holding pools. */
function seaWall(seed: number, { panels = false, time = 'day' as Sky } = {}): string {
  const rand = random(seed);
  const horizon = 380;
  let out = sky(time, horizon) + clouds(rand, 8, 30, 260, '#ffffff', 0.5);
  out += houses(rand, 880, W + 40, 300, 1.1, ['#e3d9c6', '#c7d3d8', '#eadfcc', '#d7c6a8'], 0.05);
  out += sea(rand, horizon, '#5c8ea6', '#2f5f78', '#f3fbff', 90).replace(`width="${W}"`, `width="880"`);
  out += `<polygon points="880,300 ${W},300 ${W},680 760,680" fill="#a39d92"/><polygon points="880,300 760,680 740,680 866,300" fill="#7c766c"/>`;
  for (let y = 330; y < 680; y += 34) out += `<line x1="${f(880 - (y - 300) * 0.32)}" y1="${y}" x2="${W}" y2="${y}" stroke="#8e887e" stroke-width="2"/>`;
  if (panels) {
    for (let row = 0; row < 3; row++) {
      for (let column = 0; column < 5; column++) {
        const x = 930 + column * 128 - row * 30;
        const y = 400 + row * 88;
        out += `<rect x="${x}" y="${y}" width="112" height="76" fill="#b9b2a4" stroke="#6f695f" stroke-width="3"/>`;
        for (let k = 0; k < 4; k++) {
          const px = x + rand.range(14, 98);
          const py = y + rand.range(14, 62);
          out += `<ellipse cx="${f(px)}" cy="${f(py)}" rx="${f(rand.range(7, 14))}" ry="${f(rand.range(4, 8))}" fill="#4f7f8f"/>`;
          if (rand.chance(0.5)) out += `<circle cx="${f(px + 6)}" cy="${f(py - 5)}" r="3" fill="#3f6f3a"/>`;
        }
      }
    }
  }
  out += `${defs(linear('beach', [[0, '#cdb98d'], [1, '#a48d62']]))}<polygon points="0,560 760,680 ${W},680 ${W},${H} 0,${H}" fill="url(#beach)"/>`;
  for (let i = 0; i < 120; i++) out += `<ellipse cx="${f(rand.range(0, W))}" cy="${f(rand.range(640, H))}" rx="${f(rand.range(4, 16))}" ry="${f(rand.range(3, 8))}" fill="${rand.pick(['#8c8476', '#6f6a60', '#b3a991'])}"/>`;
  out += `<path d="M0,560 C200,590 500,620 760,680" stroke="#f4f7f6" stroke-width="6" fill="none" opacity="0.7"/>`;
  return out;
}

/** Winter swimmers off a flight of stone steps. */
function swimmers(seed: number): string {
  const rand = random(seed);
  const horizon = 430;
  let out = sky('winter', horizon) + disc(1200, 300, 46, '#fff6dc', '#ffe9b0') + clouds(rand, 8, 30, 280, '#ffffff', 0.6);
  out += ridge(rand, horizon - 10, 30, '#8697a6', 0.5, 0.9);
  out += sea(rand, horizon, '#6a8ea5', '#2d546c', '#ffffff', 200);
  out += `<polygon points="0,520 420,520 520,${H} 0,${H}" fill="#8c867a"/>`;
  for (let i = 0; i < 9; i++) out += `<rect x="0" y="${520 + i * 42}" width="${f(430 + i * 10)}" height="8" fill="#6e685d"/>`;
  out += `<rect x="380" y="380" width="10" height="150" fill="#2c2c2c"/><rect x="350" y="380" width="70" height="10" fill="#2c2c2c"/>`;
  for (let i = 0; i < 7; i++) {
    const x = rand.range(620, 1450);
    const y = rand.range(520, 800);
    const s = 0.6 + (y - 500) / 300;
    out += `<ellipse cx="${f(x)}" cy="${f(y + 6 * s)}" rx="${f(34 * s)}" ry="${f(6 * s)}" fill="#ffffff" opacity="0.5"/><circle cx="${f(x)}" cy="${f(y - 6 * s)}" r="${f(13 * s)}" fill="${rand.pick(['#f26b3a', '#f2c230', '#e24b8a', '#3aa0f2', '#f2f0ea'])}"/>`;
  }
  out += `<g transform="translate(200 520)"><circle cx="0" cy="-100" r="14" fill="#ef6c3a"/><path d="M-22,-84 L22,-84 L30,-10 L-30,-10 Z" fill="#3b4a5a"/><rect x="-20" y="-10" width="14" height="10" fill="#3b4a5a"/><rect x="6" y="-10" width="14" height="10" fill="#3b4a5a"/></g>`;
  return out;
}

function tideGauge(seed: number): string {
  const rand = random(seed);
  const horizon = 430;
  let out = sky('day', horizon) + clouds(rand, 10, 30, 300, '#ffffff', 0.6);
  out += ridge(rand, horizon - 20, 40, '#7d8d96', 0.5, 0.8);
  out += sea(rand, horizon, '#4c7e96', '#254b60', '#eef7fb');
  out += quay(560, 0, 620, '#7a756c');
  out += `<rect x="760" y="180" width="70" height="${H - 180}" fill="#f1ede2" stroke="#3a3a3a" stroke-width="4"/>`;
  for (let i = 0; i < 24; i++) {
    const y = 200 + i * 28;
    out += `<rect x="760" y="${y}" width="${i % 4 === 0 ? 50 : 28}" height="6" fill="${i % 8 < 4 ? '#1b1b1b' : '#c0392b'}"/>`;
  }
  out += `<rect x="740" y="160" width="110" height="24" fill="#3a3a3a"/><rect x="880" y="520" width="14" height="${H - 520}" fill="#5b4a3a"/><rect x="700" y="520" width="14" height="${H - 520}" fill="#5b4a3a"/>`;
  out += `<rect x="0" y="470" width="620" height="90" fill="#8a8478"/><rect x="80" y="430" width="160" height="130" fill="#cbbfa6"/><polygon points="70,430 160,380 250,430" fill="#5b514a"/>`;
  out += `<rect x="690" y="640" width="220" height="4" fill="#ffffff" opacity="0.7"/>`;
  return out;
}

/** An island across the water, with a small car ferry at its slipway or laid up. */
function island(seed: number, { ferry = true } = {}): string {
  const rand = random(seed);
  const horizon = 500;
  let out = sky('overcast', horizon) + clouds(rand, 14, 20, 360, '#e6eaec', 0.65);
  out += `<path d="M250,${horizon} C380,380 620,330 820,360 C1020,390 1200,420 1380,${horizon} Z" fill="#5f7a5a"/><path d="M250,${horizon} C420,430 1200,450 1380,${horizon} Z" fill="#4c6648"/>`;
  out += houses(rand, 640, 900, horizon - 70, 0.45, ['#f0ece2', '#dcd6c8', '#e8e0cc'], 0.05);
  out += `<rect x="1010" y="${horizon - 120}" width="22" height="60" fill="#f3f1ea"/><polygon points="1006,${horizon - 120} 1021,${horizon - 140} 1036,${horizon - 120}" fill="#c0392b"/>`;
  out += sea(rand, horizon, '#6f8f9f', '#304f60', '#eaf3f7', 220);
  if (ferry) {
    out += `<path d="M520,640 L1040,640 L1000,700 L560,700 Z" fill="#f2f0ea"/><rect x="560" y="610" width="440" height="30" fill="#2e5a88"/><rect x="880" y="560" width="90" height="50" fill="#f2f0ea"/><rect x="890" y="570" width="70" height="14" fill="#27323c"/><rect x="600" y="590" width="80" height="22" rx="6" fill="#a23b2a"/><rect x="700" y="592" width="70" height="20" rx="6" fill="#555"/><path d="M520,640 L440,690" stroke="#2e5a88" stroke-width="10"/>`;
    out += `<rect x="540" y="704" width="440" height="26" fill="#2e5a88" opacity="0.25" filter="url(#haze)"/>`;
  }
  out += boat(rand, 1200, 780, 150, '#f2f0ea');
  for (let i = 0; i < 5; i++) out += `<path d="M${f(rand.range(100, 1500))},${f(rand.range(120, 300))} l16,-7 l16,7" stroke="#2c2c2c" stroke-width="2.5" fill="none"/>`;
  return out;
}

/** The Outer Mole at night, lit by festival light installations. */
function moleLights(seed: number): string {
  const rand = random(seed);
  const horizon = 520;
  let out = sky('night', horizon) + stars(rand, 180, horizon - 40);
  out += ridge(rand, horizon - 14, 24, '#0b1020');
  out += sea(rand, horizon, '#0d1730', '#050a18', '#6b7cff', 60);
  out += `<polygon points="0,640 1600,560 1600,600 0,720" fill="#1b1d24"/>`;
  const colours = ['#ff4f8b', '#4fd1ff', '#ffd24f', '#8bff6b', '#b96bff'];
  for (let i = 0; i < 9; i++) {
    const x = 100 + i * 175;
    const y = 690 - i * 11;
    const colour = rand.pick(colours);
    const height = rand.range(80, 200);
    out += `<ellipse cx="${x}" cy="${f(y - height / 2)}" rx="70" ry="${f(height / 1.5)}" fill="${colour}" opacity="0.45" filter="url(#glow)"/><rect x="${x - 6}" y="${f(y - height)}" width="12" height="${f(height)}" fill="${colour}"/>`;
    out += `<rect x="${x - 30}" y="${f(y + 30)}" width="60" height="${f(rand.range(40, 120))}" fill="${colour}" opacity="0.25" filter="url(#haze)"/>`;
  }
  out += `<rect x="1470" y="400" width="30" height="170" fill="#d8d8d8"/><circle cx="1485" cy="395" r="16" fill="#fff7c2"/><circle cx="1485" cy="395" r="90" fill="#fff2a8" opacity="0.3" filter="url(#glow)"/>`;
  for (let i = 0; i < 70; i++) {
    const x = rand.range(0, W);
    const y = 700 + rand.range(0, 200) - x * 0.06;
    out += `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rand.range(5, 9))}" fill="#05070d"/><rect x="${f(x - 7)}" y="${f(y + 6)}" width="14" height="40" fill="#05070d"/>`;
  }
  return out;
}

function library(seed: number, { time = 'day' as Sky } = {}): string {
  const rand = random(seed);
  const ground = 780;
  let out = sky(time, ground) + clouds(rand, 7, 30, 220, time === 'dusk' ? '#e7a98c' : '#ffffff', 0.5);
  out += houses(rand, -40, 330, ground, 1.5, ['#b99c80', '#a7907a', '#c4b195'], time === 'dusk' ? 0.6 : 0.05);
  out += houses(rand, 1270, W + 40, ground, 1.5, ['#b99c80', '#a7907a', '#c4b195'], time === 'dusk' ? 0.6 : 0.05);
  const x = 350;
  out += `<rect x="${x}" y="300" width="900" height="${ground - 300}" fill="#9e4b35"/><rect x="${x - 14}" y="280" width="928" height="26" fill="#e5dccb"/><polygon points="${x + 330},280 ${x + 450},200 ${x + 570},280" fill="#e5dccb"/><circle cx="${x + 450}" cy="250" r="20" fill="#9e4b35"/>`;
  for (let row = 0; row < 14; row++) out += `<line x1="${x}" y1="${320 + row * 33}" x2="${x + 900}" y2="${320 + row * 33}" stroke="#8a3f2c" stroke-width="2"/>`;
  for (let i = 0; i < 6; i++) {
    const wx = x + 60 + i * 140 + (i >= 3 ? 60 : 0);
    const glow = time === 'dusk' ? rand.chance(0.8) : false;
    out += `<path d="M${wx},${ground - 80} L${wx},420 A40,40 0 0 1 ${wx + 80},420 L${wx + 80},${ground - 80} Z" fill="${glow ? '#ffd98a' : '#2f3b44'}" stroke="#e5dccb" stroke-width="8"/><line x1="${wx + 40}" y1="385" x2="${wx + 40}" y2="${ground - 80}" stroke="#e5dccb" stroke-width="4"/>`;
  }
  out += `<path d="M${x + 400},${ground} L${x + 400},560 A50,50 0 0 1 ${x + 500},560 L${x + 500},${ground} Z" fill="#2f4a3a" stroke="#e5dccb" stroke-width="10"/>`;
  for (let i = 0; i < 3; i++) out += `<rect x="${x + 360 - i * 14}" y="${ground + i * 10}" width="${180 + i * 28}" height="10" fill="#b9b2a4"/>`;
  out += `<rect y="${ground + 30}" width="${W}" height="${H - ground - 30}" fill="#5d5a55"/>`;
  if (time !== 'dusk') {
    for (let i = 0; i < 12; i++) {
      const px = 200 + i * 105 + rand.range(-20, 20);
      out += `<g transform="translate(${f(px)} ${H - 10})"><circle cx="0" cy="-108" r="13" fill="#2d2622"/><path d="M-18,-94 L18,-94 L24,-30 L-24,-30 Z" fill="${rand.pick(['#4a6fa5', '#a54a4a', '#4a8a5a', '#7a5aa5', '#d9a441', '#555'])}"/><rect x="-16" y="-30" width="12" height="30" fill="#2b2b2b"/><rect x="4" y="-30" width="12" height="30" fill="#2b2b2b"/></g>`;
    }
    out += `<rect x="640" y="${H - 150}" width="120" height="60" fill="#f2f0ea" stroke="#222" stroke-width="3"/><rect x="696" y="${H - 90}" width="6" height="80" fill="#222"/>`;
  }
  return out;
}

/** A library reading room: tall windows, shelves, lamps and tables. */
function readingRoom(seed: number): string {
  const rand = random(seed);
  let out = `${defs(linear('room', [[0, '#e9dfc8'], [1, '#c9b895']]) + linear('floor', [[0, '#8a5a3a'], [1, '#5a3a24']]))}<rect width="${W}" height="${H}" fill="url(#room)"/>`;
  for (let i = 0; i < 3; i++) {
    const x = 420 + i * 300;
    out += `<path d="M${x},560 L${x},180 A80,80 0 0 1 ${x + 160},180 L${x + 160},560 Z" fill="#dff0fa" stroke="#7b6a50" stroke-width="10"/><path d="M${x + 80},100 L${x + 80},560 M${x},330 L${x + 160},330" stroke="#7b6a50" stroke-width="6"/>`;
    out += `<polygon points="${x},560 ${x + 160},560 ${x + 260},${H} ${x - 60},${H}" fill="#fff6d8" opacity="0.3"/>`;
  }
  for (const side of [0, 1]) {
    const x0 = side ? 1330 : 0;
    out += `<rect x="${x0}" y="60" width="270" height="640" fill="#5a3a24"/>`;
    for (let shelf = 0; shelf < 7; shelf++) {
      const y = 90 + shelf * 88;
      let bx = x0 + 14;
      while (bx < x0 + 250) {
        const bw = rand.range(10, 22);
        const bh = rand.range(52, 76);
        out += `<rect x="${f(bx)}" y="${f(y + 80 - bh)}" width="${f(bw)}" height="${f(bh)}" fill="${rand.pick(['#7a2e2e', '#2e4a7a', '#2e6a4a', '#a4832e', '#5a2e6a', '#3a3a3a', '#9a5a2e'])}"/>`;
        bx += bw + 2;
      }
      out += `<rect x="${x0}" y="${y + 80}" width="270" height="8" fill="#3e2818"/>`;
    }
  }
  out += `<rect y="700" width="${W}" height="200" fill="url(#floor)"/>`;
  for (const x of [360, 940]) {
    out += `<rect x="${x}" y="700" width="320" height="24" fill="#6b4226"/><rect x="${x + 20}" y="724" width="14" height="120" fill="#4a2e1a"/><rect x="${x + 286}" y="724" width="14" height="120" fill="#4a2e1a"/>`;
    out += `<rect x="${x + 140}" y="640" width="8" height="60" fill="#2e5a3a"/><path d="M${x + 110},640 L${x + 178},640 L${x + 164},610 L${x + 124},610 Z" fill="#2e6a4a"/><ellipse cx="${x + 144}" cy="690" rx="110" ry="30" fill="#fff2b0" opacity="0.4" filter="url(#glow)"/>`;
    out += `<rect x="${x + 60}" y="690" width="60" height="10" fill="#f2f0ea"/><rect x="${x + 200}" y="692" width="50" height="8" fill="#a54a4a"/>`;
  }
  out += `<g transform="translate(640 700)"><circle cx="0" cy="-120" r="20" fill="#3a2f2a"/><path d="M-30,-98 L30,-98 L40,0 L-40,0 Z" fill="#4a6fa5"/></g>`;
  return out;
}

function fireball(seed: number): string {
  const rand = random(seed);
  const horizon = 700;
  let out = sky('night', horizon) + stars(rand, 420, horizon);
  out += `<path d="M1500,90 L520,520" stroke="#e9fff0" stroke-width="6" opacity="0.9"/><path d="M1500,90 L520,520" stroke="#7dffb0" stroke-width="34" opacity="0.35" filter="url(#glow)"/>`;
  out += `<circle cx="520" cy="520" r="16" fill="#f7fff9"/><circle cx="520" cy="520" r="90" fill="#9dffc8" opacity="0.55" filter="url(#glow)"/>`;
  for (let i = 0; i < 6; i++) out += `<circle cx="${f(480 - i * 26 + rand.range(-10, 10))}" cy="${f(540 + i * 12 + rand.range(-8, 8))}" r="${f(4 - i * 0.5)}" fill="#ffe0a0"/>`;
  out += ridge(rand, horizon - 60, 60, '#0a0f18', 0.55);
  out += ridge(rand, horizon + 20, 40, '#05080e', 0.5);
  out += `<rect x="1160" y="${horizon - 40}" width="70" height="40" fill="#05080e"/><polygon points="1150,${horizon - 40} 1195,${horizon - 70} 1240,${horizon - 40}" fill="#05080e"/><rect x="1180" y="${horizon - 30}" width="12" height="12" fill="#ffd98a"/>`;
  return out;
}

/** Fields, hedgerows and a farm on the moor's edge: the county inland. */
function fields(seed: number): string {
  const rand = random(seed);
  const horizon = 330;
  let out = sky('day', horizon) + clouds(rand, 12, 20, 250, '#ffffff', 0.7);
  out += ridge(rand, horizon - 30, 60, '#7b8f6a', 0.55, 0.9);
  const greens = ['#7fa35a', '#9bb56a', '#6b9150', '#c2b46a', '#8aa860', '#a9a35a'];
  let y = horizon - 10;
  let band = 0;
  while (y < H) {
    const height = 40 + band * 22;
    let x = -50;
    while (x < W) {
      const width = rand.range(160, 420) + band * 30;
      out += `<polygon points="${f(x)},${f(y)} ${f(x + width)},${f(y + rand.range(-8, 8))} ${f(x + width + 20)},${f(y + height)} ${f(x - 20)},${f(y + height)}" fill="${rand.pick(greens)}" stroke="#41532f" stroke-width="${f(2 + band)}"/>`;
      x += width;
    }
    y += height;
    band++;
  }
  for (let i = 0; i < 14; i++) {
    const tx = rand.range(0, W);
    const ty = rand.range(horizon, 560);
    const s = 0.5 + (ty - horizon) / 250;
    out += `<circle cx="${f(tx)}" cy="${f(ty - 24 * s)}" r="${f(22 * s)}" fill="#3f5a2e"/><rect x="${f(tx - 3 * s)}" y="${f(ty - 6 * s)}" width="${f(6 * s)}" height="${f(14 * s)}" fill="#3a2e22"/>`;
  }
  return out;
}

function shopfront(seed: number): string {
  const rand = random(seed);
  let out = `<rect width="${W}" height="${H}" fill="#d8cdb8"/>`;
  for (let row = 0; row < 30; row++) out += `<line x1="0" y1="${row * 30}" x2="${W}" y2="${row * 30}" stroke="#c4b89f" stroke-width="2"/>`;
  for (let i = 0; i < 4; i++) out += `<rect x="${160 + i * 340}" y="40" width="140" height="170" fill="#3a4650" stroke="#f2efe6" stroke-width="10"/>`;
  out += `<rect x="60" y="250" width="1480" height="90" fill="#1f4a3a"/><rect x="60" y="340" width="1480" height="14" fill="#d9b23a"/>`;
  for (let i = 0; i < 12; i++) out += `<polygon points="${60 + i * 124},354 ${184 + i * 124},354 ${170 + i * 124},440 ${74 + i * 124},440" fill="${i % 2 ? '#f2efe6' : '#2e6b4f'}"/>`;
  out += `<rect x="100" y="440" width="560" height="380" fill="#2b3640"/><rect x="940" y="440" width="560" height="380" fill="#2b3640"/><rect x="700" y="440" width="200" height="400" fill="#1f4a3a"/><rect x="720" y="460" width="160" height="200" fill="#3b4a56"/><circle cx="860" cy="680" r="8" fill="#d9b23a"/>`;
  for (const x0 of [100, 940]) {
    for (let shelf = 0; shelf < 3; shelf++) {
      const y = 520 + shelf * 110;
      out += `<rect x="${x0 + 20}" y="${y + 70}" width="520" height="8" fill="#6b5a44"/>`;
      let x = x0 + 30;
      while (x < x0 + 520) {
        const kind = rand.int(0, 3);
        const colour = rand.pick(['#c0392b', '#2e6b9f', '#d9a441', '#5a8a4a', '#8a8a8a', '#e8e2d4']);
        if (kind === 0) out += `<rect x="${f(x)}" y="${y + 30}" width="34" height="40" fill="${colour}"/>`;
        else if (kind === 1) out += `<rect x="${f(x)}" y="${y + 46}" width="46" height="24" rx="10" fill="${colour}"/>`;
        else if (kind === 2) out += `<rect x="${f(x + 14)}" y="${y + 10}" width="6" height="60" fill="#7a5a3a"/><rect x="${f(x)}" y="${y + 6}" width="34" height="16" fill="#8a8a8a"/>`;
        else out += `<circle cx="${f(x + 20)}" cy="${y + 50}" r="20" fill="${colour}"/>`;
        x += 56;
      }
    }
    out += `<rect x="${x0}" y="440" width="560" height="380" fill="#ffffff" opacity="0.08"/><polygon points="${x0 + 40},440 ${x0 + 140},440 ${x0 + 40},560" fill="#fff" opacity="0.12"/>`;
  }
  out += `<rect y="820" width="${W}" height="80" fill="#8d877b"/><rect x="120" y="760" width="90" height="60" fill="#7a5a3a"/><rect x="230" y="780" width="120" height="40" fill="#c0392b"/>`;
  return out;
}

/** A wooden boat on the slip of a boatyard shed, at golden hour. */
function boatyard(seed: number): string {
  const rand = random(seed);
  const ground = 720;
  let out = sky('dusk', ground) + clouds(rand, 8, 30, 300, '#e7a98c', 0.5) + disc(300, 520, 40, '#ffd0a0', '#ff9c6a');
  out += sea(rand, 600, '#5b4a6a', '#2a2238', '#ffc08a', 80);
  out += `<polygon points="900,320 1600,320 1600,${ground} 900,${ground}" fill="#6b4a34"/><polygon points="880,330 1250,180 1620,330" fill="#4a3426"/>`;
  for (let x = 910; x < W; x += 26) out += `<line x1="${x}" y1="330" x2="${x}" y2="${ground}" stroke="#5a3c2a" stroke-width="3"/>`;
  out += `<rect x="1050" y="420" width="400" height="${ground - 420}" fill="#2a1d16"/>`;
  out += `<polygon points="0,${ground} 1100,${ground - 40} 1100,${ground} 0,${H}" fill="#6a6258"/><rect y="${ground}" width="${W}" height="${H - ground}" fill="#5a5248"/>`;
  // Clinker planks on a hull resting in its cradle, bow to the right.
  out += `<path d="M470,500 L1060,470 C1050,560 1000,630 900,650 L620,655 C540,640 490,580 470,500 Z" fill="#a5683a"/>`;
  for (let i = 1; i < 7; i++) out += `<path d="M${470 + i * 6},${500 + i * 22} C${560 + i * 4},${520 + i * 22} ${900},${500 + i * 24} ${1058 - i * 7},${470 + i * 24}" stroke="#7a4a26" stroke-width="3" fill="none"/>`;
  out += `<path d="M470,500 L1060,470" stroke="#5a3418" stroke-width="12"/><path d="M1060,470 L1070,420" stroke="#5a3418" stroke-width="8"/>`;
  for (const x of [580, 760, 940]) out += `<rect x="${x}" y="630" width="22" height="${ground - 630}" fill="#3a2a1e"/>`;
  out += `<rect x="540" y="${ground - 20}" width="460" height="16" fill="#3a2a1e"/>`;
  for (let i = 0; i < 10; i++) out += `<rect x="${f(rand.range(80, 480))}" y="${f(ground + rand.range(20, 120))}" width="${f(rand.range(60, 180))}" height="10" fill="#9a7a52" transform="rotate(${f(rand.range(-8, 8))})"/>`;
  return out;
}

function theatre(seed: number): string {
  const rand = random(seed);
  const ground = 780;
  let out = sky('dusk', ground) + clouds(rand, 6, 30, 200, '#e7a98c', 0.5);
  out += houses(rand, -40, 300, ground, 1.6, ['#9f9a8e', '#b3a894'], 0.7);
  out += houses(rand, 1300, W + 40, ground, 1.6, ['#9f9a8e', '#b3a894'], 0.7);
  const x = 320;
  out += `<rect x="${x}" y="260" width="960" height="${ground - 260}" fill="#e2d6bd"/><polygon points="${x - 20},260 ${x + 480},120 ${x + 980},260" fill="#d4c6a8"/><polygon points="${x + 60},250 ${x + 480},150 ${x + 900},250" fill="#c7b894"/>`;
  for (let i = 0; i < 6; i++) out += `<rect x="${x + 80 + i * 160}" y="300" width="40" height="${ground - 360}" fill="#f0e7d2"/><rect x="${x + 70 + i * 160}" y="290" width="60" height="14" fill="#cbbd9e"/>`;
  for (let i = 0; i < 5; i++) out += `<path d="M${x + 150 + i * 160},470 L${x + 150 + i * 160},360 A30,30 0 0 1 ${x + 210 + i * 160},360 L${x + 210 + i * 160},470 Z" fill="#ffd98a"/>`;
  out += `<rect x="${x + 180}" y="520" width="600" height="70" fill="#8a1c22"/>`;
  for (let i = 0; i < 30; i++) out += `<circle cx="${x + 196 + i * 19.5}" cy="512" r="5" fill="#fff3c0"/><circle cx="${x + 196 + i * 19.5}" cy="598" r="5" fill="#fff3c0"/>`;
  out += `<rect x="${x + 180}" y="520" width="600" height="70" fill="#ffe9a0" opacity="0.25" filter="url(#glow)"/>`;
  for (let i = 0; i < 3; i++) out += `<rect x="${x + 290 + i * 140}" y="620" width="100" height="${ground - 620}" fill="#ffcf70"/>`;
  out += `<rect y="${ground}" width="${W}" height="${H - ground}" fill="#3a3733"/>`;
  for (let i = 0; i < 16; i++) {
    const px = rand.range(150, 1450);
    out += `<g transform="translate(${f(px)} ${H - 6})"><circle cx="0" cy="-100" r="12" fill="#1d1a18"/><path d="M-16,-88 L16,-88 L22,-28 L-22,-28 Z" fill="#1d1a18"/><rect x="-14" y="-28" width="11" height="28" fill="#1d1a18"/><rect x="3" y="-28" width="11" height="28" fill="#1d1a18"/></g>`;
  }
  return out;
}

/** A terraced street with a polling-station sign, for election stories. */
function terrace(seed: number, { time = 'overcast' as Sky } = {}): string {
  const rand = random(seed);
  const ground = 720;
  let out = sky(time, ground) + clouds(rand, 10, 20, 260, '#eef0f1', 0.6);
  out += houses(rand, -30, W + 30, ground, 2.4, ['#d3c7b2', '#b8c3c8', '#e0d3bc', '#c9b595', '#b7c4ae', '#d9c2c2'], 0.1);
  out += `<rect y="${ground}" width="${W}" height="40" fill="#9a958b"/><rect y="${ground + 40}" width="${W}" height="${H - ground - 40}" fill="#4a4844"/>`;
  out += `<rect x="700" y="${ground - 200}" width="8" height="200" fill="#222"/><rect x="620" y="${ground - 250}" width="170" height="70" fill="#f2f0ea" stroke="#1f4e79" stroke-width="8"/><rect x="640" y="${ground - 232}" width="130" height="10" fill="#1f4e79"/><rect x="640" y="${ground - 212}" width="90" height="10" fill="#1f4e79"/>`;
  for (let i = 0; i < 5; i++) {
    const px = rand.range(100, 1500);
    out += `<g transform="translate(${f(px)} ${ground + 36})"><circle cx="0" cy="-118" r="14" fill="#2d2622"/><path d="M-20,-102 L20,-102 L26,-34 L-26,-34 Z" fill="${rand.pick(['#3b4a5a', '#a54a4a', '#4a8a5a', '#d9a441'])}"/><rect x="-18" y="-34" width="13" height="34" fill="#2b2b2b"/><rect x="5" y="-34" width="13" height="34" fill="#2b2b2b"/></g>`;
  }
  return out;
}

/** Crab pots stacked on the quay beside a moored boat. */
function crabPots(seed: number, { time = 'dawn' as Sky } = {}): string {
  const rand = random(seed);
  const horizon = 420;
  let out = sky(time, horizon) + clouds(rand, 8, 30, 280, time === 'dawn' ? '#f3c1a3' : '#ffffff', 0.5);
  if (time === 'dawn') out += disc(1300, horizon - 30, 36, '#ffe2a8', '#ffb46b');
  out += ridge(rand, horizon - 16, 30, '#5e6a7a', 0.5, 0.9);
  out += sea(rand, horizon, '#4f6f8f', '#1f3a50', time === 'dawn' ? '#ffd2a0' : '#e6f2fa');
  out += boat(rand, 880, 640, 380, '#1f4e79');
  out += quay(600, -10, 800, '#7d786e');
  for (let stack = 0; stack < 4; stack++) {
    const x0 = 40 + stack * 180;
    for (let level = 0; level < 4 - (stack % 2); level++) {
      const y = 600 - (level + 1) * 70;
      const x = x0 + (level % 2) * 30;
      out += `<path d="M${x},${y + 68} L${x},${y + 26} A70,40 0 0 1 ${x + 140},${y + 26} L${x + 140},${y + 68} Z" fill="#2d3b34" stroke="#c9a86a" stroke-width="3"/>`;
      for (let k = 1; k < 6; k++) out += `<line x1="${x + k * 23}" y1="${y + 8}" x2="${x + k * 23}" y2="${y + 68}" stroke="#6b8a6a" stroke-width="2"/>`;
      out += `<rect x="${x}" y="${y + 62}" width="140" height="8" fill="#a23b2a"/>`;
    }
  }
  for (let i = 0; i < 6; i++) out += `<rect x="${f(60 + i * 110)}" y="${f(rand.range(760, 800))}" width="80" height="44" fill="${rand.pick(['#2e6b9f', '#d9a441', '#c0392b'])}"/>`;
  return out;
}

/** A portrait made of shapes, not a face: head and shoulders in silhouette on a coloured ground. */
function portrait(seed: number, ground: string, figure: string): string {
  const rand = random(seed);
  const size = 480;
  const bands = Array.from({ length: 5 }, (_, i) => `<circle cx="${f(rand.range(0, size))}" cy="${f(rand.range(0, size))}" r="${f(rand.range(60, 200))}" fill="#ffffff" opacity="${f(0.05 + i * 0.015)}"/>`).join('');
  const hair = rand.int(0, 2);
  const head = `<ellipse cx="240" cy="${f(rand.range(190, 205))}" rx="${f(rand.range(72, 84))}" ry="${f(rand.range(88, 98))}" fill="${figure}"/>`;
  const hairShape =
    hair === 0
      ? `<path d="M150,200 C150,90 330,90 330,200 C330,150 290,120 240,120 C190,120 150,150 150,200 Z" fill="${figure}"/>`
      : hair === 1
        ? `<path d="M148,230 C120,80 360,80 332,230 L340,330 L310,330 L300,210 C280,150 200,150 180,210 L170,330 L140,330 Z" fill="${figure}"/>`
        : '';
  return svg(
    size,
    size,
    `<rect width="${size}" height="${size}" fill="${ground}"/>${bands}${hairShape}${head}<rect x="215" y="270" width="50" height="60" fill="${figure}"/><path d="M60,${size} C70,360 150,320 240,320 C330,320 410,360 420,${size} Z" fill="${figure}"/>`,
  );
}

// ---------------------------------------------------------------- the catalogue

interface Picture {
  /** Path under `content/`. */
  file: string;
  draw: () => string;
  width?: number;
  height?: number;
}

const scene = (file: string, draw: () => string): Picture => ({ file, draw: () => svg(W, H, draw()) });

/** Every picture the sample paper uses, by the file it is saved as. */
const pictures: Picture[] = [
  scene('articles/2025/town-hall-at-dusk.jpg', () => townHall(101)),
  scene('articles/2025/crab-pots-on-gannet-quay.jpg', () => crabPots(102)),
  scene('articles/2025/divers-sowing-seed-bags.jpg', () => underwater(103, { bags: true })),
  scene('articles/2025/feeder-ship-offshore.jpg', () => harbour(104, { ship: 'container', cranes: false, boats: 1 })),
  scene('articles/2025/gannet-quay-at-dawn.jpg', () => harbour(105, { time: 'dawn', boats: 5 })),
  scene('articles/2025/approach-channel-from-the-mole.jpg', () => harbour(106, { time: 'day', boats: 3 })),
  scene('articles/2025/tollgate-park-in-sunshine.jpg', () => football(107, { time: 'day', crowd: 0.35 })),
  scene('articles/2025/tollgate-park-under-floodlights.jpg', () => football(108, { time: 'dusk', crowd: 0.55 })),
  scene('articles/2025/seahorse-in-the-eelgrass.jpg', () => underwater(109, { seahorse: true })),
  scene('articles/2025/saltings-street-under-water.jpg', () => flood(110)),
  scene('articles/2025/swimmers-off-the-ferry-steps.jpg', () => swimmers(111)),
  scene('articles/2025/strand-wall-from-the-beach.jpg', () => seaWall(112)),
  scene('articles/2025/tide-gauge-on-gannet-quay.jpg', () => tideGauge(113)),
  scene('articles/2025/tollen-isle-from-the-water.jpg', () => island(114, { ferry: false })),
  scene('articles/2025/lights-on-the-outer-mole.jpg', () => moleLights(115)),
  scene('articles/2025/festival-night-on-the-mole.jpg', () => moleLights(116)),
  scene('articles/2026/fields-above-the-town.jpg', () => fields(117)),
  scene('articles/2025/gannet-quay-cranes-at-dusk.jpg', () => harbour(118, { time: 'dusk', boats: 3 })),
  scene('articles/2026/kilnbank-library-at-dusk.jpg', () => library(201, { time: 'dusk' })),
  scene('articles/2026/kilnbank-library-steps.jpg', () => library(202)),
  scene('articles/2026/boats-landing-at-the-co-op.jpg', () => crabPots(203, { time: 'day' })),
  scene('articles/2026/mallow-bank-at-low-water.jpg', () => sandbank(204)),
  scene('articles/2026/fireball-over-hobbs-moor.jpg', () => fireball(205)),
  scene('articles/2026/dredger-in-the-channel-at-dawn.jpg', () => harbour(206, { time: 'dawn', ship: 'dredger', cranes: true, boats: 1 })),
  scene('articles/2026/kilnbank-reading-room.jpg', () => readingRoom(207)),
  scene('articles/2026/panels-on-the-strand-wall.jpg', () => seaWall(208, { panels: true })),
  scene('articles/2026/lowtown-polling-station.jpg', () => terrace(209)),
  scene('articles/2026/abells-hardware-shopfront.jpg', () => shopfront(210)),
  scene('articles/2026/moorings-over-crane-point-meadow.jpg', () => aerialMeadow(211)),
  scene('articles/2026/boat-on-the-slip-at-crane-point.jpg', () => boatyard(212)),
  scene('articles/2026/pilot-house-theatre-lit-up.jpg', () => theatre(213)),
  scene('articles/2026/promotion-day-at-tollgate-park.jpg', () => football(214, { time: 'day', crowd: 0.95 })),
  scene('articles/2025/tollen-ferry-at-the-slipway.jpg', () => island(215, { ferry: true })),
  ...(
    [
      ['callum-ashdown', '#7d9a6a', '#2f3b2a'],
      ['eilidh-carver', '#a05a5a', '#2e1f22'],
      ['jonah-featherstone', '#6a5a9a', '#231e33'],
      ['mara-okafor', '#c08a3a', '#33240f'],
      ['priya-lindqvist', '#3a8a9a', '#10282e'],
      ['ruth-abernethy', '#3a5a9a', '#121c30'],
      ['tomas-brennan', '#8a7a5a', '#2a241a'],
    ] as const
  ).map(([id, ground, figure], index): Picture => ({ file: `authors/${id}.jpg`, draw: () => portrait(300 + index, ground, figure), width: 480, height: 480 })),
];

async function render(picture: Picture, contentDir: string): Promise<{ file: string; bytes: number; quality: number }> {
  const input = Buffer.from(picture.draw());
  for (let quality = 80; ; quality -= 6) {
    const jpeg = await sharp(input, { density: 72 })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
    if (jpeg.length <= MAX_BYTES || quality <= 50) {
      const target = path.join(contentDir, picture.file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, jpeg);
      return { file: picture.file, bytes: jpeg.length, quality };
    }
  }
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const contentDir = path.join(root, 'content');
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined;
  const chosen = pictures.filter((picture) => !only || only.has(path.basename(picture.file, '.jpg')));
  for (const picture of chosen) {
    const { file, bytes, quality } = await render(picture, contentDir);
    console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB (quality ${quality})`);
  }
}

await main();
