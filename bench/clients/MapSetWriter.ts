/**
 * Produces the Yjs updates of `doc.getMap(mapName).set(key, value)` for one client writing only its own
 * key, encoded by hand: byte-identical to what Yjs emits, at a fraction of the cost (a Y.Doc transaction
 * costs ~8 µs, which would make the load generator, not the server, the bottleneck of the throughput
 * run). `verifyMapSetWriter()` proves the identity against Yjs before any benchmark uses it.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

/** Yjs Item info byte: ContentAny (8) | has parentSub (0x20), and | has left origin (0x80) after the first. */
const INFO_FIRST = 0x28;
const INFO_NEXT = 0xa8;
/** lib0 `writeAny` tag of a string. */
const ANY_STRING = 119;

export class MapSetWriter {
  private clock = 0;

  constructor(
    readonly clientId: number,
    readonly key: string,
    readonly mapName = 'm',
  ) {}

  /** The update that sets this writer's key to `value` (an ASCII string) after all earlier ones. */
  next(value: string): Uint8Array {
    const enc = encoding.createEncoder();
    const k = this.clock++;
    encoding.writeVarUint(enc, 1); // clients with structs
    encoding.writeVarUint(enc, 1); // structs of this client
    encoding.writeVarUint(enc, this.clientId);
    encoding.writeVarUint(enc, k);
    if (k === 0) {
      encoding.writeUint8(enc, INFO_FIRST);
      encoding.writeVarUint(enc, 1); // parent is a root type, named
      encoding.writeVarString(enc, this.mapName);
      encoding.writeVarString(enc, this.key);
    } else {
      encoding.writeUint8(enc, INFO_NEXT);
      encoding.writeVarUint(enc, this.clientId); // left origin: our previous value
      encoding.writeVarUint(enc, k - 1);
    }
    encoding.writeVarUint(enc, 1); // ContentAny of one element
    encoding.writeUint8(enc, ANY_STRING);
    encoding.writeVarString(enc, value);
    if (k === 0) {
      encoding.writeVarUint(enc, 0); // empty delete set
    } else {
      // The previous value is deleted by the overwrite.
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint(enc, this.clientId);
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint(enc, k - 1);
      encoding.writeVarUint(enc, 1);
    }
    return encoding.toUint8Array(enc);
  }
}

/** Throws unless MapSetWriter's bytes equal Yjs' own for a run of overwrites (clock varints of 1–3 bytes). */
export function verifyMapSetWriter(iterations = 20_000): void {
  const doc = new Y.Doc();
  doc.clientID = 2_000_000_123;
  const map = doc.getMap('m');
  let last: Uint8Array | null = null;
  doc.on('update', (u: Uint8Array) => (last = u));
  const writer = new MapSetWriter(doc.clientID, 'c42');
  const mirror = new Y.Doc();
  for (let i = 0; i < iterations; i++) {
    const value = `@T42,${1_000_000 + i}!`;
    map.set('c42', value);
    const mine = writer.next(value);
    if (!last || Buffer.compare(Buffer.from(last), Buffer.from(mine)) !== 0) {
      throw new Error(`MapSetWriter diverges from Yjs at overwrite ${i}`);
    }
    Y.applyUpdate(mirror, mine);
  }
  if (mirror.getMap('m').get('c42') !== `@T42,${1_000_000 + iterations - 1}!`) throw new Error('MapSetWriter updates do not apply');
  doc.destroy();
  mirror.destroy();
}
