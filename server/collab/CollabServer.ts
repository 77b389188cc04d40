/**
 * The `/collab/<room>` WebSocket endpoint: authorises each upgrade before the handshake (R1), enforces
 * per-user connection and room caps, adapts `ws` sockets to the room's minimal socket, and feeds frames
 * to the RoomRegistry. Also implements AuthEvents so that logout and role changes close sockets (R10).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { COLLAB_PATH, MessageType, SyncStep } from '../../shared/protocol/messages.ts';
import type { AuthEvents } from '../auth/AuthEvents.ts';
import { Connection } from './Connection.ts';
import { asCollabSocket } from './wsSocket.ts';
import type { Room } from './Room.ts';
import type { RoomRegistry } from './RoomRegistry.ts';
import { authorizeUpgrade, type UpgradeAuthDeps } from './authorizeUpgrade.ts';
import type { Logger } from '../log.ts';

export interface CollabServerOptions {
  maxMessageBytes: number;
  maxConnectionsPerUser: number;
  maxRoomsPerUser: number;
  /** Open sockets plus upgrades being authorised, per client IP (slowloris and floods). */
  maxConnectionsPerIp: number;
  /** Ping interval; a socket that has not answered the previous ping is terminated. */
  heartbeatMs: number;
  /** An upgraded socket that has not sent sync step 1 by then is closed with SyncDeadline (SPEC R19). */
  syncDeadlineMs: number;
  trustProxy: boolean;
}

/** Frames a connection may send while its room is still loading (R2 keeps them until it is ready). */
const MAX_EARLY_FRAMES = 256;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' };

export class CollabServer implements AuthEvents {
  private readonly wss: WebSocketServer;
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly byIp = new Map<string, number>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private heartbeat: NodeJS.Timeout | null = null;
  private upgrading = 0;
  /** Observability hooks (server/ops/ServerMetrics.ts): every binary frame received, every close we initiate. */
  onFrame: (frame: Uint8Array) => void = () => {};
  onServerClose: (code: number) => void = () => {};

  constructor(
    private readonly registry: RoomRegistry,
    private readonly auth: UpgradeAuthDeps,
    private readonly opts: CollabServerOptions,
    private readonly log: Logger,
  ) {
    // maxPayload makes ws close oversized frames with 1009 before they are buffered whole.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes, perMessageDeflate: false });
  }

  /** Handles upgrades on `server` for COLLAB_PATH; other paths are refused with 404. */
  attach(server: Server) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      if (!req.url?.startsWith(COLLAB_PATH + '/')) return rejectUpgrade(socket, 404, 'not_found', 'Not found');
      const ip = this.clientIp(req);
      if ((this.byIp.get(ip) ?? 0) >= this.opts.maxConnectionsPerIp) return rejectUpgrade(socket, 429, 'rate_limited', 'Too many connections from this address');
      this.countIp(ip, +1);
      // The IP slot is held by the TCP socket: released when it closes, whatever happens to the upgrade.
      socket.once('close', () => this.countIp(ip, -1));
      this.upgrading++;
      authorizeUpgrade(this.auth, req.url, req.headers)
        .then((decision) => {
          if (!decision.ok) return rejectUpgrade(socket, decision.status, decision.code, decision.message);
          if (socket.destroyed) return;
          this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, decision.ctx));
        })
        .catch((err: unknown) => {
          this.log.error('collab.upgrade_failed', { err });
          rejectUpgrade(socket, 500, 'internal', 'Internal error');
        })
        .finally(() => this.upgrading--);
    });
    // Dead peers (a laptop closed mid-session) never send a close frame: ping them, drop the silent.
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        if (this.alive.get(ws) === false) {
          ws.terminate();
          continue;
        }
        this.alive.set(ws, false);
        ws.ping();
      }
    }, this.opts.heartbeatMs);
    this.heartbeat.unref();
  }

  private clientIp(req: IncomingMessage): string {
    if (this.opts.trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim();
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  private countIp(ip: string, delta: number) {
    const n = (this.byIp.get(ip) ?? 0) + delta;
    if (n <= 0) this.byIp.delete(ip);
    else this.byIp.set(ip, n);
  }

  private accept(ws: WebSocket, ctx: Connection['ctx']) {
    const conn = new Connection(asCollabSocket(ws, (code) => this.onServerClose(code)), ctx);
    const mine = this.byUser.get(ctx.userId) ?? new Set<Connection>();
    const rooms = new Set([...mine].map((c) => c.ctx.room));
    if (mine.size >= this.opts.maxConnectionsPerUser || (!rooms.has(ctx.room) && rooms.size >= this.opts.maxRoomsPerUser)) {
      conn.close(CloseCode.TooManyConnections);
      return;
    }
    mine.add(conn);
    this.byUser.set(ctx.userId, mine);

    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    // A guest's access ends with its link (SPEC R15): the socket closes then, and the reconnect is refused.
    if (ctx.accessUntil !== undefined) {
      const ends = setTimeout(() => conn.close(CloseCode.AuthorizationChanged), Math.max(0, ctx.accessUntil - Date.now()));
      ends.unref();
      ws.once('close', () => clearTimeout(ends));
    }
    // Slowloris after the upgrade (SPEC R19): a socket that answers pings but never syncs holds its
    // slots for nothing. Closing it runs the 'close' handler below, which frees them.
    let syncDeadline: NodeJS.Timeout | null = setTimeout(() => conn.close(CloseCode.SyncDeadline), this.opts.syncDeadlineMs);
    syncDeadline.unref();
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return conn.close(CloseCode.InvalidMessage, 'text frames are not part of the protocol');
      const frame = toUint8Array(data);
      this.onFrame(frame);
      if (syncDeadline && isSyncStep1(frame)) {
        clearTimeout(syncDeadline);
        syncDeadline = null;
      }
      if (room) room.receive(conn, frame);
      else if (early.length < MAX_EARLY_FRAMES) early.push(frame);
      else conn.close(CloseCode.InvalidMessage, 'too many frames before sync');
    });
    ws.on('error', (err) => this.log.warn('collab.socket_error', { userId: ctx.userId, room: ctx.room, err: err.message }));
    ws.on('close', () => {
      conn.closed = true;
      if (syncDeadline) clearTimeout(syncDeadline);
      mine.delete(conn);
      if (mine.size === 0) this.byUser.delete(ctx.userId);
      if (room) this.registry.leave(room, conn);
    });

    void this.registry.join(ctx.room, conn).then((joined) => {
      if (!joined) return;
      room = joined;
      for (const frame of early.splice(0)) joined.receive(conn, frame);
      if (conn.closed) this.registry.leave(joined, conn);
    });
  }

  /** Number of open collaboration sockets (metrics, tests). */
  connectionCount(): number {
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  userLoggedOut(userId: string) {
    this.registry.closeUserConnections(userId, CloseCode.AuthorizationChanged);
  }

  membershipChanged(communityId: string, userId: string) {
    this.registry.closeUserConnections(userId, CloseCode.AuthorizationChanged, communityId);
  }

  guestLinkRevoked(linkId: string) {
    for (const set of this.byUser.values()) {
      for (const conn of [...set]) if (conn.ctx.guestLinkId === linkId) conn.close(CloseCode.AuthorizationChanged);
    }
  }

  /** Stops accepting sockets and closes the ones still open (after the registry flushed). */
  close() {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

/** Message type and sync step are one-byte varuints: a frame starting [Sync, Step1] is a sync step 1. */
function isSyncStep1(frame: Uint8Array): boolean {
  return frame[0] === MessageType.Sync && frame[1] === SyncStep.Step1;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Answers an upgrade request with a plain HTTP error (JSON body) and closes the TCP socket. */
function rejectUpgrade(socket: Duplex, status: number, code: string, message: string) {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
