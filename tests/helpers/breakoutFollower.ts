/**
 * A stock y-websocket client that does what the session page does with breakouts: it reads the
 * control room, and keeps one room connection on the main room, or on its group's room while a round
 * runs and it is in a group (switching when the server moves it). For integration tests and bench/.
 */
import { CONTROL_KEYS, controlRoomOf, getControl } from '../../shared/facilitation/control.ts';
import { myGroup, type BreakoutsState } from '../../shared/facilitation/breakouts.ts';
import { connectClient, waitFor, type YClient } from './yclient.ts';

export class BreakoutFollower {
  readonly ctl: YClient;
  room: YClient;
  /** When the current room connection finished its first sync (ms, performance.now()). */
  syncedAt = 0;

  constructor(
    private readonly baseUrl: string,
    readonly mainRoom: string,
    private readonly token: string,
    readonly userId: string,
  ) {
    this.ctl = connectClient(baseUrl, controlRoomOf(mainRoom), { token });
    this.room = this.connect(mainRoom);
    getControl(this.ctl.doc).observe(() => this.follow());
  }

  get breakouts(): BreakoutsState | null {
    return (getControl(this.ctl.doc).get(CONTROL_KEYS.breakouts) as BreakoutsState | undefined) ?? null;
  }

  /** The room this client should be in now. */
  get wantedRoom(): string {
    return myGroup(this.breakouts, this.userId)?.room ?? this.mainRoom;
  }

  get currentRoom(): string {
    return this.room.provider.roomname;
  }

  /** Connected and synced to the room it should be in. */
  get settled(): boolean {
    return this.currentRoom === this.wantedRoom && this.room.provider.synced;
  }

  waitSettled(timeoutMs = 5000): Promise<void> {
    return waitFor(() => this.settled, timeoutMs, `${this.userId} in ${this.wantedRoom}`);
  }

  private connect(room: string): YClient {
    const c = connectClient(this.baseUrl, room, { token: this.token });
    // Announce presence as the app does (a state at clock 0, the initial empty one, is never applied).
    c.provider.awareness.setLocalStateField('user', { id: this.userId });
    c.provider.once('sync', () => (this.syncedAt = performance.now()));
    return c;
  }

  /** When the control room last told this client to change rooms (ms, performance.now()). */
  movedAt = 0;

  private follow() {
    const wanted = this.wantedRoom;
    if (wanted === this.currentRoom) return;
    this.movedAt = performance.now();
    this.room.destroy();
    this.room = this.connect(wanted);
  }

  destroy() {
    this.room.destroy();
    this.ctl.destroy();
  }
}
