import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe } from 'vitest';
import { createEdgeServer } from '../../src/edge/node-server';
import { builtSite } from '../helpers/built-site';
import { EDGE_TEST_SECRET, edgeBehaviour } from '../helpers/edge-behaviour';

describe('the Node server over a build with the edge on', () => {
  let server: Server | undefined;
  let origin = '';
  let site = '';
  beforeAll(async () => {
    site = builtSite('edge');
    server = createEdgeServer({ root: site, secret: EDGE_TEST_SECRET });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  edgeBehaviour(
    () => origin,
    () => site,
  );
});
