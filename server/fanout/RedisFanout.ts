/**
 * Fan-out over Redis pub/sub, one channel per room. Why pub/sub and not streams: every update is stored in
 * the database before it is published (SPEC R3), so the database, not Redis, is the log. Pub/sub is the
 * low-latency path; if a node's Redis connection drops, it may miss messages, and heals by re-reading the
 * rooms it has loaded from the database once reconnected (Fanout.onResync). Streams would duplicate the
 * log in Redis and need trimming for no gain in durability.
 *
 * Frame on the wire: [kind: 1 byte][node id: 16 bytes][payload]. A node ignores its own messages.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, RoomFanoutHandlers } from './Fanout.ts';
import type { Logger } from '../log.ts';

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const NODE_ID_BYTES = 16;

export class RedisFanout implements Fanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly nodeId = randomBytes(NODE_ID_BYTES);
  private readonly rooms = new Map<string, RoomFanoutHandlers>();
  private readonly resyncListeners = new Set<() => void>();
  private wasReady = false;
  private lostConnection = false;

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly log: Logger,
  ) {
    const opts = { maxRetriesPerRequest: null, enableAutoPipelining: true, lazyConnect: false } as const;
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    for (const client of [this.pub, this.sub]) client.on('error', (err: Error) => this.log.warn('fanout.redis_error', { err: err.message }));
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel, message));
    this.sub.on('close', () => {
      if (this.wasReady) this.lostConnection = true;
    });
    this.sub.on('ready', () => {
      // ioredis re-subscribes the channels itself on reconnect; what was published meanwhile is lost.
      if (this.lostConnection) {
        this.lostConnection = false;
        this.log.warn('fanout.redis_reconnected', { rooms: this.rooms.size });
        for (const l of this.resyncListeners) l();
      }
      this.wasReady = true;
    });
  }

  private channel(room: string): string {
    return `${this.prefix}:room:${room}`;
  }

  async subscribe(room: string, handlers: RoomFanoutHandlers) {
    this.rooms.set(room, handlers);
    await this.sub.subscribe(this.channel(room));
  }

  async unsubscribe(room: string) {
    this.rooms.delete(room);
    await this.sub.unsubscribe(this.channel(room));
  }

  publishUpdate(room: string, update: Uint8Array) {
    this.publish(room, KIND_UPDATE, update);
  }

  publishAwareness(room: string, update: Uint8Array) {
    this.publish(room, KIND_AWARENESS, update);
  }

  private publish(room: string, kind: number, payload: Uint8Array) {
    const frame = Buffer.allocUnsafe(1 + NODE_ID_BYTES + payload.byteLength);
    frame[0] = kind;
    this.nodeId.copy(frame, 1);
    frame.set(payload, 1 + NODE_ID_BYTES);
    this.pub.publish(this.channel(room), frame).catch((err: Error) => this.log.warn('fanout.publish_failed', { room, err: err.message }));
  }

  private receive(channel: Buffer, message: Buffer) {
    if (message.byteLength < 1 + NODE_ID_BYTES) return;
    if (message.subarray(1, 1 + NODE_ID_BYTES).equals(this.nodeId)) return;
    const room = channel.toString().slice(this.prefix.length + ':room:'.length);
    const handlers = this.rooms.get(room);
    if (!handlers) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + NODE_ID_BYTES, message.byteLength - 1 - NODE_ID_BYTES);
    try {
      if (message[0] === KIND_UPDATE) handlers.onUpdate(payload);
      else if (message[0] === KIND_AWARENESS) handlers.onAwareness(payload);
    } catch (err) {
      this.log.error('fanout.apply_failed', { room, err });
    }
  }

  onResync(listener: () => void) {
    this.resyncListeners.add(listener);
  }

  async ping() {
    await this.pub.ping();
  }

  async close() {
    this.rooms.clear();
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
