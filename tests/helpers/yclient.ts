/**
 * Stock y-websocket clients in Node, as integrations would use them: `ws` as the WebSocket, no
 * BroadcastChannel (two providers in one process would otherwise sync without the server).
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';

// Each Node provider adds a process 'exit' listener; tests run dozens of them on purpose.
process.setMaxListeners(500);

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

export function connectClient(baseUrl: string, room: string, params: Record<string, string>, doc = new Y.Doc()): YClient {
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitForSync(client: YClient, timeoutMs = 5000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return waitFor(() => client.provider.synced, timeoutMs, 'sync');
}

/** Polls `predicate` every 10 ms until it holds. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
