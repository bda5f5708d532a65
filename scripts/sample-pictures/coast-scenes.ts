/** Scenes of the shore and the open water: sandbanks, the sea wall, swimmers, the island, a flood. */

import { clouds, disc, ridge, sea, sky, type Sky } from './landscape.ts';
import { boat, houses } from './props.ts';
import { random } from './random.ts';
import { defs, f, H, linear, W } from './svg.ts';

/** A low-tide sandbank with channel marker buoys. */
export function sandbank(seed: number): string {
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

/** The old sea wall from the beach, optionally fitted with textured panels holding pools. */
export function seaWall(seed: number, { panels = false, time = 'day' as Sky } = {}): string {
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
export function swimmers(seed: number): string {
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

/** An island across the water, with a small car ferry at its slipway or laid up. */
export function island(seed: number, { ferry = true } = {}): string {
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

/** A street of houses standing in floodwater, under a storm sky and rain. */
export function flood(seed: number): string {
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
