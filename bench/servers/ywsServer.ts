/**
 * The reference y-websocket server for the benchmarks: `@y/websocket-server` exactly as its own
 * `src/server.js` wires it (http + ws + setupWSConnection, no auth), on 127.0.0.1 and a free port.
 * With `YPERSISTENCE=<dir>` set in the environment, the package persists rooms with y-leveldb.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { announceListening } from './announce.ts';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(0, '127.0.0.1', () => announceListening(server));
process.on('SIGTERM', () => process.exit(0));
