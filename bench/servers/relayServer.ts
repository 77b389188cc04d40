/**
 * The no-Yjs floors of the benchmarks: a `ws` relay that writes every message it receives to every other
 * socket of the same room (the URL path), doing no Yjs work at all. `RELAY_MODE=corked` queues a tick's
 * messages per socket and writes them in one `cork()`/`uncork()` burst (one syscall per socket per tick):
 * the practical floor for fan-out.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { announceListening } from './announce.ts';

const corked = process.env.RELAY_MODE === 'corked';
const rooms = new Map<string, Set<WebSocket>>();
/** Corked mode: messages waiting for the end of this tick, per socket. */
const queued = new Map<WebSocket, RawData[]>();
let flushScheduled = false;

function flush() {
  flushScheduled = false;
  for (const [ws, messages] of queued) {
    if (ws.readyState !== ws.OPEN) continue;
    // `ws` keeps its net.Socket here; corking it turns a tick's frames into one writev.
    const raw = (ws as unknown as { _socket: Socket })._socket;
    raw.cork();
    for (const m of messages) ws.send(m, { binary: true });
    raw.uncork();
  }
  queued.clear();
}

function relay(from: WebSocket, peers: Set<WebSocket>, data: RawData) {
  for (const peer of peers) {
    if (peer === from || peer.readyState !== peer.OPEN) continue;
    if (!corked) {
      peer.send(data, { binary: true });
      continue;
    }
    const q = queued.get(peer);
    if (q) q.push(data);
    else queued.set(peer, [data]);
  }
  if (corked && !flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const name = (req.url ?? '/').split('?')[0];
    let peers = rooms.get(name);
    if (!peers) rooms.set(name, (peers = new Set()));
    peers.add(ws);
    ws.on('message', (data) => relay(ws, peers, data));
    ws.on('close', () => {
      peers.delete(ws);
      if (peers.size === 0) rooms.delete(name);
    });
    ws.on('error', () => ws.terminate());
  });
});
server.listen(0, '127.0.0.1', () => announceListening(server));
process.on('SIGTERM', () => process.exit(0));
