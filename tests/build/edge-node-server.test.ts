import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe } from 'vitest';
import { createEdgeServer } from '../../src/edge/node-server';
import { builtSite } from '../helpers/built-site';
import { EDGE_TEST_SECRET, edgeBehaviour, meterBehaviour, meteredCopy } from '../helpers/edge-behaviour';

async function listen(root: string): Promise<{ server: Server; origin: string }> {
  const server = createEdgeServer({ root, secret: EDGE_TEST_SECRET });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const close = (server: Server | undefined) => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

describe('the Node server over a build with the edge on', () => {
  let server: Server | undefined;
  let origin = '';
  let site = '';
  beforeAll(async () => {
    site = builtSite('edge');
    ({ server, origin } = await listen(site));
  });
  afterAll(() => close(server));

  edgeBehaviour(
    () => origin,
    () => site,
  );
});

describe('the Node server over the same build with the meter on', () => {
  let server: Server | undefined;
  let origin = '';
  let copy = '';
  beforeAll(async () => {
    copy = meteredCopy(builtSite('edge'));
    ({ server, origin } = await listen(copy));
  });
  afterAll(async () => {
    await close(server);
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  meterBehaviour(() => origin);
});
