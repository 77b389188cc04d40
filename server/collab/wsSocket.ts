/**
 * Adapts a `ws` WebSocket to the room's minimal CollabSocket, for fan-out at low cost per delivery: a
 * frame broadcast to a room is framed once for all its sockets, a tick's frames to one socket leave in
 * one write, and a socket that does not read what we send is not read from either (backpressure).
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { CollabSocket } from './CollabSocket.ts';

/**
 * Above this many unsent bytes a socket's incoming frames are no longer read until its send buffer
 * drains: a client that floods us while not reading what we send pushes back on itself, not on the
 * server's memory. Well below Connection's slow-reader limit, which still drops a reader that never
 * catches up.
 */
export const PAUSE_READING_BYTES = 1024 * 1024;

interface Corkable {
  raw: Socket;
  corked: boolean;
}

/** Sockets corked in this tick: uncorked together once the tick's frames are queued (one writev each). */
const corked: Corkable[] = [];

function uncorkAll() {
  for (const c of corked) {
    c.corked = false;
    c.raw.uncork();
  }
  corked.length = 0;
}

/**
 * A room sends the same frame object to each of its connections (frames.ts encodes broadcasts once):
 * its WebSocket framing is built once too, and lives as long as the frame.
 */
const framed = new WeakMap<Uint8Array, Buffer>();

/** One unmasked, final, binary WebSocket frame (RFC 6455 §5.2) carrying `data`; servers never mask. */
export function binaryFrame(data: Uint8Array): Buffer {
  const len = data.byteLength;
  const header = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(header + len);
  out[0] = 0x82;
  if (len < 126) {
    out[1] = len;
  } else if (len < 65536) {
    out[1] = 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 127;
    out.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    out.writeUInt32BE(len >>> 0, 6);
  }
  out.set(data, header);
  return out;
}

/** Wraps `ws`; `onClose` is told of every close the server initiates (metrics). */
export function asCollabSocket(ws: WebSocket, onClose: (code: number) => void): CollabSocket {
  // ws keeps its net.Socket under this name. Writing our pre-built frames to it directly is what ws's
  // own sender does for an uncompressed message (it writes synchronously, keeps no queue), so frames stay
  // in order with ws's pings and close frames; with compression negotiated we leave framing to ws.
  const raw = (ws as unknown as { _socket?: Socket })._socket;
  const state: Corkable | null = raw ? { raw, corked: false } : null;
  const direct = state !== null && ws.extensions === '';
  return {
    send(data) {
      if (state && ws.readyState === ws.OPEN) {
        if (!state.corked) {
          state.corked = true;
          state.raw.cork();
          if (corked.length === 0) queueMicrotask(uncorkAll);
          corked.push(state);
        }
        if (direct) {
          let frame = framed.get(data);
          if (!frame) framed.set(data, (frame = binaryFrame(data)));
          state.raw.write(frame);
        } else {
          ws.send(data, { binary: true });
        }
        if (!ws.isPaused && ws.bufferedAmount > PAUSE_READING_BYTES) {
          ws.pause();
          state.raw.once('drain', () => ws.resume());
        }
        return;
      }
      ws.send(data, { binary: true });
    },
    close(code, reason) {
      onClose(code);
      ws.close(code, reason);
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  };
}
