/**
 * The adapter's pre-built WebSocket frames are byte for byte what `ws` itself sends, and a tick's frames
 * reach a real `ws` client intact and in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import * as wsModule from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import { asCollabSocket, binaryFrame } from './wsSocket.ts';

let wss: WebSocketServer | null = null;
afterEach(() => {
  for (const c of wss?.clients ?? []) c.terminate();
  wss?.close();
  wss = null;
});

describe('wsSocket', () => {
  it('frames binary messages exactly as ws does, at every length encoding', () => {
    for (const len of [0, 1, 125, 126, 127, 65535, 65536, 70000]) {
      const data = new Uint8Array(len).map((_, i) => i % 251);
      const ours = binaryFrame(data);
      // Sender.frame is what ws.send writes for a message.
      const { Sender } = wsModule as unknown as { Sender: { frame: (d: Buffer, o: object) => Buffer[] } };
      const theirs = Buffer.concat(Sender.frame(Buffer.from(data), { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }));
      expect(ours.equals(theirs), `length ${len}`).toBe(true);
    }
  });

  it('delivers a tick of frames (shared and unshared) in order to a real client', async () => {
    wss = new WebSocketServer({ port: 0, perMessageDeflate: false });
    const accepted = once(wss, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const [serverSide] = await accepted;
    await once(client, 'open');
    const got: number[][] = [];
    const all = new Promise<void>((resolve) =>
      client.on('message', (m: Buffer) => {
        got.push([...m.subarray(0, 3)]);
        if (got.length === 4) resolve();
      }),
    );
    const sock = asCollabSocket(serverSide, () => {});
    const shared = new Uint8Array([1, 2, 3]);
    sock.send(shared);
    sock.send(new Uint8Array(300).fill(7));
    sock.send(shared);
    sock.send(new Uint8Array(70_000).fill(9));
    await all;
    expect(got).toEqual([[1, 2, 3], [7, 7, 7], [1, 2, 3], [9, 9, 9]]);
    client.close();
  });
});
