/** Scenes of the working harbour: the water, its quays, boats and the mole. */

import { clouds, disc, ridge, sea, sky, stars, type Sky } from './landscape.ts';
import { boat, crane, quay } from './props.ts';
import { random } from './random.ts';
import { f, H, W } from './svg.ts';

/** The harbour from the water: hills, sea and boats, optionally with quay cranes and a dredger or a container ship. */
export function harbour(seed: number, { time = 'day' as Sky, ship = 'none' as 'none' | 'dredger' | 'container', cranes = true, boats = 4 } = {}): string {
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

/** Crab pots stacked on the quay beside a moored boat. */
export function crabPots(seed: number, { time = 'dawn' as Sky } = {}): string {
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

/** A tide gauge post off the end of the quay. */
export function tideGauge(seed: number): string {
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

/** A wooden boat on the slip of a boatyard shed, at golden hour. */
export function boatyard(seed: number): string {
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

/** The Outer Mole at night, lit by festival light installations. */
export function moleLights(seed: number): string {
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
