/**
 * A lean load-generator client: a bare `ws` socket that does the minimum handshake of its protocol,
 * sends its own Yjs updates (hand-encoded, see MapSetWriter) and only scans what it receives for latency
 * markers — no Y.Doc, so hundreds of them cost the generator's core little.
 */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { ClientAccess } from '../servers/launch.ts';
import { MapSetWriter } from './MapSetWriter.ts';
import { marker, scanMarkers } from './markers.ts';

const SYNC = 0;
const AUTH = 2;
const SYNC_REPLY = 4; // Hocuspocus only
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
/** An empty Yjs update and state vector: the raw client holds no shared state. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const EMPTY_STATE_VECTOR = new Uint8Array([0]);
/** Frames still decoded after step 2, for a server step 1 that follows it (Hocuspocus sends it second). */
const FRAMES_AFTER_READY = 4;

/** Callback for each marker seen: (receiver index, sender index, send time µs). */
export type MarkerSink = (receiver: number, sender: number, sentAt: number) => void;

let nextClientId = 1_000_000_000 + Math.floor(Math.random() * 1_000_000);

export class RawClient {
  readonly ws: WebSocket;
  /** Resolves once the server answered the sync handshake (relay: once open). */
  readonly ready: Promise<void>;
  /** Times the socket closed before `close()` was called (0 or 1: a raw client does not reconnect). */
  drops = 0;
  private readonly writer: MapSetWriter;
  private readonly prefix: Uint8Array;
  private isReady = false;
  private framesAfterReady = 0;
  private closing = false;

  constructor(
    readonly index: number,
    readonly access: ClientAccess,
    sink: MarkerSink,
  ) {
    this.writer = new MapSetWriter(nextClientId++, `c${index}`);
    // Hocuspocus frames start with the document name; y-websocket frames do not.
    const p = encoding.createEncoder();
    if (access.protocol === 'hocuspocus') encoding.writeVarString(p, access.room);
    this.prefix = encoding.toUint8Array(p);

    this.ws = new WebSocket(access.socketUrl, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    let resolveReady!: () => void;
    let rejectReady!: (err: Error) => void;
    this.ready = new Promise((res, rej) => {
      resolveReady = res;
      rejectReady = rej;
    });
    const markReady = () => {
      if (this.isReady) return;
      this.isReady = true;
      resolveReady();
    };
    this.ws.on('open', () => {
      if (access.protocol === 'relay') return markReady();
      if (access.protocol === 'hocuspocus') this.sendFrame([AUTH, 0], (e) => encoding.writeVarString(e, ''));
      this.sendFrame([SYNC, STEP1], (e) => encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR));
    });
    this.ws.on('message', (data: Buffer) => {
      // Only the first frames belong to the handshake; later ones are just scanned.
      if (!this.isReady || this.framesAfterReady++ < FRAMES_AFTER_READY) {
        if (this.isStep2(data)) markReady();
        else this.answerStep1(data);
      }
      scanMarkers(data, (sender, sentAt) => sink(index, sender, sentAt));
    });
    this.ws.on('error', (err) => rejectReady(err));
    this.ws.on('close', (code) => {
      if (!this.closing) this.drops++;
      rejectReady(new Error(`closed with ${code} before ready`));
    });
  }

  /** Sends an update setting this client's key to a fresh latency marker. */
  sendMarker(sentAtMicros?: number): void {
    this.sendUpdate(this.writer.next(marker(this.index, sentAtMicros)));
  }

  sendUpdate(update: Uint8Array): void {
    this.sendFrame([SYNC, UPDATE], (e) => encoding.writeVarUint8Array(e, update));
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(): void {
    this.closing = true;
    this.ws.terminate();
  }

  private sendFrame(types: number[], body: (e: encoding.Encoder) => void) {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = encoding.createEncoder();
    encoding.writeUint8Array(e, this.prefix);
    for (const t of types) encoding.writeVarUint(e, t);
    body(e);
    this.ws.send(encoding.toUint8Array(e), { binary: true });
  }

  /** Decodes the frame header: [name] type [sub-type]. */
  private header(data: Uint8Array): { type: number; sub: number; dec: decoding.Decoder } | null {
    try {
      const dec = decoding.createDecoder(data);
      if (this.access.protocol === 'hocuspocus') decoding.readVarString(dec);
      const type = decoding.readVarUint(dec);
      const sub = type === SYNC || type === SYNC_REPLY ? decoding.readVarUint(dec) : -1;
      return { type, sub, dec };
    } catch {
      return null;
    }
  }

  private isStep2(data: Uint8Array): boolean {
    const h = this.header(data);
    return h !== null && (h.type === SYNC || h.type === SYNC_REPLY) && h.sub === STEP2;
  }

  /** The server's step 1 asks what we have beyond its state: nothing shared, so an empty update. */
  private answerStep1(data: Uint8Array) {
    const h = this.header(data);
    if (h && (h.type === SYNC || h.type === SYNC_REPLY) && h.sub === STEP1) {
      this.sendFrame([this.access.protocol === 'hocuspocus' ? SYNC_REPLY : SYNC, STEP2], (e) => encoding.writeVarUint8Array(e, EMPTY_UPDATE));
    }
  }
}
