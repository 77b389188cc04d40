/**
 * How a benchmark server script tells the bench that it is listening: one IPC message with its port,
 * the same shape `server/main.ts` sends, so every launcher is awaited the same way.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** Sends `{ type: 'listening', port, url }` to the parent (no-op when run by hand, then it prints). */
export function announceListening(server: Server): void {
  const { port } = server.address() as AddressInfo;
  const msg = { type: 'listening', port, url: `http://127.0.0.1:${port}` };
  if (process.send) process.send(msg);
  else console.log(`listening on ${msg.url}`);
}
