/**
 * A raw attacker socket in one room, for the fuzz suite. After its frames it can send a probe: an
 * awareness state of its own carrying a counter, which the room echoes to every connection once it has
 * processed everything sent before — so the attacker knows its frames were handled and whether the
 * connection survived them.
 */
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { decodeAwarenessUpdate } from '../../server/collab/presence.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType } from '../../shared/protocol/messages.ts';

/**
 * Server closes that are the right answer to hostile input (SPEC R5, R6, the size caps, and R19: an
 * attacker socket that never sent a sync step 1 is closed once it has lived SYNC_DEADLINE_MS).
 */
export const EXPECTED_CLOSES: readonly number[] = [
  CloseCode.InvalidMessage,
  CloseCode.AwarenessRejected,
  CloseCode.MessageTooBig,
  CloseCode.DocumentTooLarge,
  CloseCode.SyncDeadline,
];

/** Outcome of a probe: echoed (the connection is alive), the close code, or no answer in time. */
export type ProbeOutcome = 'alive' | 'timeout' | number;

let probeIds = 0;

export class Attacker {
  readonly ws: WebSocket;
  /**
   * A fresh awareness client id per socket (a reclaimed one would be refused, SPEC R6), distinct between
   * the processes that attack at the same time, below 2^31.
   */
  readonly probeId = 1_000_000_000 + (process.pid % 100) * 10_000_000 + (++probeIds % 10_000_000);
  closeCode: number | null = null;
  private echoed = 0;
  private probes = 0;
  private waiters: (() => void)[] = [];
  readonly opened: Promise<boolean>;

  /** `url`: ws://host/collab/<room>?token=… */
  constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on('error', () => {});
    this.opened = new Promise((resolve) => {
      this.ws.once('open', () => resolve(true));
      this.ws.once('close', () => resolve(false));
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      this.wake();
    });
    this.ws.on('message', (data: Buffer) => {
      if (data[0] !== MessageType.Awareness) return;
      try {
        const dec = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
        decoding.readVarUint(dec);
        for (const e of decodeAwarenessUpdate(decoding.readVarUint8Array(dec), 5000)) {
          const n = e.clientId === this.probeId ? (e.state?.probe as number | undefined) : undefined;
          if (typeof n === 'number' && n > this.echoed) this.echoed = n;
        }
      } catch {
        // Not ours to judge: the server relays what it accepted.
      }
      this.wake();
    });
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  private waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const loop = async (): Promise<boolean> => {
      while (!done()) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          this.waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return true;
    };
    return loop();
  }

  get open(): boolean {
    return this.closeCode === null && this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array) {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
  }

  /** Sends the next probe; resolves with 'alive' once it is echoed, the close code if closed, or 'timeout'. */
  async probe(timeoutMs: number): Promise<ProbeOutcome> {
    const n = ++this.probes;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, this.probeId);
    encoding.writeVarUint(inner, n);
    encoding.writeVarString(inner, JSON.stringify({ probe: n }));
    const enc = encoding.createEncoder();
    encoding.writeVarUint(enc, MessageType.Awareness);
    encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(enc));
    const answered = await this.waitUntil(() => this.echoed >= n || this.closeCode !== null, timeoutMs);
    if (this.closeCode !== null) return this.closeCode;
    return answered ? 'alive' : 'timeout';
  }

  /** Resolves with the close code, or null if the socket is still open after `timeoutMs`. */
  async closed(timeoutMs: number): Promise<number | null> {
    await this.waitUntil(() => this.closeCode !== null, timeoutMs);
    return this.closeCode;
  }

  terminate() {
    this.ws.terminate();
  }
}

/** Opens an attacker socket and waits until it is open (or refused). */
export async function openAttacker(url: string): Promise<Attacker> {
  const a = new Attacker(url);
  await a.opened;
  return a;
}

/** True for an outcome that is not an acceptable answer to hostile input. */
export function unexpectedOutcome(outcome: ProbeOutcome): boolean {
  return outcome === 'timeout' || (typeof outcome === 'number' && !EXPECTED_CLOSES.includes(outcome));
}
