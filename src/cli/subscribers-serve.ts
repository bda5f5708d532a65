/**
 * `npm run subscribers:serve -- [dist] [--port 8080] [--host 127.0.0.1]`
 *
 * Serves a build made with the edge on (src/edge/node-server.ts), for a VPS or
 * a container, behind a TLS proxy. The secret is `MASTHEAD_EDGE_SECRET`.
 */
import path from 'node:path';
import { createEdgeServer } from '../edge/node-server.ts';

const USAGE = 'Usage: npm run subscribers:serve -- [folder, default dist] [--port 8080] [--host 127.0.0.1] [--prefix _subscribers]';

function main(args: string[]): number {
  let root = 'dist';
  let port = 8080;
  let host = '127.0.0.1';
  let prefix: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    }
    if (arg === '--port') port = Number(args[++i]);
    else if (arg === '--host') host = args[++i] ?? host;
    else if (arg === '--prefix') prefix = args[++i];
    else if (arg.startsWith('-')) return fail(`unknown option ${arg}`);
    else root = arg;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail('--port must be a port number');
  try {
    const server = createEdgeServer({ root: path.resolve(root), prefix });
    server.listen(port, host, () => console.log(`Serving ${root} with the edge at http://${host}:${port}/`));
    if (!process.env.MASTHEAD_EDGE_SECRET) console.error('MASTHEAD_EDGE_SECRET is not set: only tokens checked against the JWKS address (if any) are accepted.');
    return 0;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(message: string): number {
  console.error(`subscribers:serve: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
