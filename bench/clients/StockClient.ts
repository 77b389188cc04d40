/**
 * A real client as integrations use it: a Y.Doc behind each server's own stock provider
 * (`y-websocket`'s WebsocketProvider, or `@hocuspocus/provider`). It writes through its document and
 * reports the latency markers in every frame it receives, once the provider has applied it. (Not from
 * the document's update events: when a batch carries two values of one key, the overwritten one is
 * garbage-collected before the event is encoded, and its marker would look undelivered.)
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { ClientAccess } from '../servers/launch.ts';
import { marker, scanMarkers } from './markers.ts';
import type { MarkerSink } from './RawClient.ts';

// Each Node y-websocket provider adds a process 'exit' listener; the rooms scenario runs thousands.
process.setMaxListeners(0);

export class StockClient {
  readonly doc = new Y.Doc();
  /** Resolves when the provider reports synced (relay: connected — a relay has no sync to offer). */
  readonly ready: Promise<void>;
  /** Times the socket closed while the client was in use (reconnects are a failure of the run). */
  drops = 0;
  private readonly destroyProvider: () => void;

  constructor(
    readonly index: number,
    readonly access: ClientAccess,
    sink: MarkerSink | null,
  ) {
    // Scheduled as a microtask: it runs once the provider's own handler has applied the frame.
    const onFrame = (data: unknown) => {
      if (!sink || !(data instanceof ArrayBuffer || ArrayBuffer.isView(data))) return;
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      queueMicrotask(() => scanMarkers(bytes, (sender, sentAt) => sink(index, sender, sentAt)));
    };
    let resolveReady!: () => void;
    this.ready = new Promise((res) => (resolveReady = res));
    if (access.protocol === 'hocuspocus') {
      // One socket per provider, as a page with one document has.
      const socket = new HocuspocusProviderWebsocket({ url: access.providerUrl, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: access.room, document: this.doc });
      provider.attach();
      provider.on('synced', () => resolveReady());
      provider.on('message', ({ event }: { event: MessageEvent }) => onFrame(event.data));
      provider.on('disconnect', () => this.drops++);
      this.destroyProvider = () => {
        provider.destroy();
        socket.destroy();
      };
    } else {
      const provider = new WebsocketProvider(access.providerUrl, access.room, this.doc, {
        params: access.params,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        maxBackoffTime: 1000,
      });
      // The provider opens a new socket on every reconnect; listen on each.
      provider.on('status', (e: { status: string }) => {
        if (e.status === 'connected') provider.ws?.addEventListener('message', (ev: MessageEvent) => onFrame(ev.data));
      });
      if (access.protocol === 'relay') {
        provider.on('status', (e: { status: string }) => e.status === 'connected' && resolveReady());
      } else {
        provider.on('sync', (synced: boolean) => synced && resolveReady());
      }
      provider.on('connection-close', () => this.drops++);
      this.destroyProvider = () => provider.destroy();
    }
  }

  /** Sets this client's key to a fresh latency marker (one update, sent by the provider). */
  sendMarker(sentAtMicros?: number): void {
    this.doc.getMap('m').set(`c${this.index}`, marker(this.index, sentAtMicros));
  }

  close(): void {
    this.destroyProvider();
    this.doc.destroy();
  }
}
