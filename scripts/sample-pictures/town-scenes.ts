/** Scenes in town: civic buildings, a shop, a street, the theatre and the football ground. */

import { clouds, sky, type Sky } from './landscape.ts';
import { houses } from './props.ts';
import { random } from './random.ts';
import { defs, f, H, linear, W } from './svg.ts';

interface SceneOptions {
  time?: Sky;
}

/** The town hall and its clock tower between rows of houses; its windows are lit at dusk. */
export function townHall(seed: number, { time = 'dusk' }: SceneOptions = {}): string {
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

/** The red-brick library front: readers outside by day, lit windows at dusk. */
export function library(seed: number, { time = 'day' as Sky } = {}): string {
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
export function readingRoom(seed: number): string {
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

/** A hardware shop front: awning, stocked windows, green door. */
export function shopfront(seed: number): string {
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

/** The theatre lit up at dusk, with a crowd outside. */
export function theatre(seed: number): string {
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
export function terrace(seed: number, { time = 'overcast' as Sky } = {}): string {
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

/** Tollgate Park: a stand (`crowd` is the share of seats filled), floodlights and players on the pitch. */
export function football(seed: number, { time = 'day', crowd = 0.6 }: SceneOptions & { crowd?: number } = {}): string {
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
