/**
 * The reference Hocuspocus server for the benchmarks: `@hocuspocus/server` with its default
 * configuration (quiet, on 127.0.0.1 and a free port). No storage extension: `@hocuspocus/extension-sqlite`
 * is not installed, so a room that unloads is gone (the cold-start "unloaded" case is not measured).
 */
import { Server } from '@hocuspocus/server';
import { announceListening } from './announce.ts';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
announceListening(server.httpServer);
process.on('SIGTERM', () => process.exit(0));
