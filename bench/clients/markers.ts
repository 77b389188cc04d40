/**
 * Latency markers carried inside Yjs updates: `@T<sender>,<sentAtMicros>!`. A Yjs update stores string
 * content as plain UTF-8, so a reader finds the markers in the raw bytes (even in a merged update that
 * carries several) without decoding or applying anything.
 */

const AT = 0x40; // '@'
const T = 0x54; // 'T'
const COMMA = 0x2c;
const BANG = 0x21;
const ZERO = 0x30;
const NINE = 0x39;
/** Longest marker body we accept (sender + time digits); anything longer is not one of ours. */
const MAX_MARKER_BYTES = 32;

/** The load generator's clock in integer microseconds (same process for senders and readers). */
export function nowMicros(): number {
  return Math.round(performance.now() * 1000);
}

/** The marker a sender puts in the value it writes. */
export function marker(sender: number, sentAtMicros = nowMicros()): string {
  return `@T${sender},${sentAtMicros}!`;
}

/**
 * Calls `found(sender, sentAtMicros)` for every well-formed marker in `bytes`. Byte sequences that only
 * start like a marker (binary varints can contain '@T') are skipped because the digits/','/'!' shape
 * must match exactly.
 */
export function scanMarkers(bytes: Uint8Array, found: (sender: number, sentAtMicros: number) => void): number {
  let n = 0;
  const end = bytes.length;
  let i = 0;
  while (i < end - 4) {
    if (bytes[i] !== AT || bytes[i + 1] !== T) {
      i++;
      continue;
    }
    let j = i + 2;
    let sender = 0;
    let digits = 0;
    while (j < end && bytes[j] >= ZERO && bytes[j] <= NINE && digits < 10) {
      sender = sender * 10 + (bytes[j] - ZERO);
      j++;
      digits++;
    }
    if (digits === 0 || j >= end || bytes[j] !== COMMA) {
      i += 2;
      continue;
    }
    j++;
    let time = 0;
    digits = 0;
    while (j < end && bytes[j] >= ZERO && bytes[j] <= NINE && digits < 16) {
      time = time * 10 + (bytes[j] - ZERO);
      j++;
      digits++;
    }
    if (digits === 0 || j >= end || bytes[j] !== BANG || j - i > MAX_MARKER_BYTES) {
      i += 2;
      continue;
    }
    found(sender, time);
    n++;
    i = j + 1;
  }
  return n;
}
