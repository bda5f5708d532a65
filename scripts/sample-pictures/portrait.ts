/**
 * Author portraits: abstract silhouettes, deliberately not faces, so no
 * picture can be taken for a likeness of a real person.
 */

import { random } from './random.ts';
import { f, svg } from './svg.ts';

/** A portrait made of shapes, not a face: head and shoulders in silhouette on a coloured ground. */
export function portrait(seed: number, ground: string, figure: string): string {
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
