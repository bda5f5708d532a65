/** Which scene, with which seed, each of the sample paper's picture files is drawn from. */

import { flood, island, sandbank, seaWall, swimmers } from './coast-scenes.ts';
import { boatyard, crabPots, harbour, moleLights, tideGauge } from './harbour-scenes.ts';
import { aerialMeadow, fields, fireball, underwater } from './nature-scenes.ts';
import { portrait } from './portrait.ts';
import { H, svg, W } from './svg.ts';
import { football, library, readingRoom, shopfront, terrace, theatre, townHall } from './town-scenes.ts';

/** One picture file and how to draw it; pictures without a size are full scenes (W × H). */
export interface Picture {
  /** Path under `content/`. */
  file: string;
  draw: () => string;
  width?: number;
  height?: number;
}

/** A full-size scene saved as `file`. */
const scene = (file: string, draw: () => string): Picture => ({ file, draw: () => svg(W, H, draw()) });

/** Every picture the sample paper uses, by the file it is saved as. */
export const pictures: Picture[] = [
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
