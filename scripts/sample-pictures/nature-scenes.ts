/** Scenes of nature away from town: under the sea, the seagrass from above, the night sky, the fields inland. */

import { clouds, ridge, sky, stars } from './landscape.ts';
import { random } from './random.ts';
import { defs, f, H, linear, W } from './svg.ts';

/** Under the sea: light rays, seabed and eelgrass, optionally with seed bags and a diver, or a seahorse. */
export function underwater(seed: number, { bags = false, seahorse = false } = {}): string {
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
export function aerialMeadow(seed: number): string {
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

/** A fireball streaking across the night sky over the moor. */
export function fireball(seed: number): string {
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
export function fields(seed: number): string {
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
