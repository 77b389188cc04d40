/**
 * The SSRF guard of server-side fetches (issue 7; SECURITY.md "Server-side fetches"): which URLs the
 * server may fetch, and which IP addresses it may connect to. Pure functions; the fetch pins the
 * connection to the addresses vetted here (fetchPreview.ts), so DNS cannot change them in between.
 */
import { isIP } from 'node:net';

/** Why an address is refused; null from `classifyAddress` means a public address. */
export type BlockedRange =
  | 'unspecified'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'metadata'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/**
 * Cloud metadata endpoints. Most sit in a range refused anyway; Azure's wire server (168.63.129.16) is a
 * public address, so it is listed by name.
 */
const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '168.63.129.16', '100.100.100.200']);
const METADATA_V6 = ['fd00:ec2::254'];

type V4Range = [base: string, bits: number, range: BlockedRange];

/** IPv4 ranges refused (RFC 6890 special-purpose registry, minus nothing a web page lives on). */
const V4_BLOCKED: V4Range[] = [
  ['0.0.0.0', 32, 'unspecified'],
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** Parses a dotted-quad IPv4 address to a 32-bit number, or null. */
function v4ToNumber(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

const V4_TABLE = V4_BLOCKED.map(([base, bits, range]) => ({ base: v4ToNumber(base)!, bits, range }));

function classifyV4(n: number): BlockedRange | null {
  for (const r of V4_TABLE) {
    // Compare the top `bits` bits (numbers, not 32-bit ints: >>> would wrap at /0).
    const size = 2 ** (32 - r.bits);
    if (Math.floor(n / size) === Math.floor(r.base / size)) return r.range;
  }
  return null;
}

/** Parses an IPv6 address (with `::` and an optional dotted IPv4 tail) to a 128-bit bigint, or null. */
function v6ToBigInt(ip: string): bigint | null {
  let s = ip.toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  // A zone (fe80::1%eth0) names an interface: only link-local addresses carry one.
  s = s.replace(/%.*$/, '');
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const v4 = v4ToNumber(tail[1]);
    if (v4 === null) return null;
    s = s.slice(0, -tail[1].length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return n;
}

const METADATA_V6_NUMBERS = new Set(METADATA_V6.map((a) => v6ToBigInt(a)!));

const inV6 = (n: bigint, base: bigint, bits: number) => n >> BigInt(128 - bits) === base >> BigInt(128 - bits);
const low32 = (n: bigint) => Number(n & 0xffffffffn);

/**
 * The IPv4 address an IPv6 address carries, when a connection to it reaches that IPv4 host:
 * ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64, a gateway connects to it), 2002:AABB:CCDD::/48 (6to4).
 */
function embeddedV4(n: bigint): number | null {
  if (inV6(n, 0xffffn << 32n, 96)) return low32(n);
  if (inV6(n, 0x64ff9bn << 96n, 96)) return low32(n);
  if (inV6(n, 0x2002n << 112n, 16)) return Number((n >> 80n) & 0xffffffffn);
  return null;
}

const v4Text = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

function classifyV6(n: bigint): BlockedRange | null {
  if (n === 0n) return 'unspecified';
  if (n === 1n) return 'loopback';
  // Addresses that carry an IPv4 address are judged by it.
  const embedded = embeddedV4(n);
  if (embedded !== null) return classifyV4(embedded);
  // ::a.b.c.d (IPv4-compatible, deprecated) and the rest of ::/8: nothing on the web lives there.
  if (inV6(n, 0n, 8)) return 'reserved';
  if (inV6(n, 0x64ff9b0001n << 80n, 48)) return 'reserved';
  if (inV6(n, 0x100n << 112n, 64)) return 'reserved';
  if (inV6(n, 0x20010000n << 96n, 32)) return 'reserved'; // Teredo
  if (inV6(n, 0x20010db8n << 96n, 32)) return 'reserved'; // documentation
  if (inV6(n, 0xfc00n << 112n, 7)) return 'private';
  if (inV6(n, 0xfe80n << 112n, 10)) return 'link-local';
  if (inV6(n, 0xfec0n << 112n, 10)) return 'private'; // site-local (deprecated)
  if (inV6(n, 0xff00n << 112n, 8)) return 'multicast';
  return null;
}

/**
 * The range an IP address belongs to when the server must not connect to it (loopback, private,
 * link-local, CGNAT, unspecified, multicast, broadcast, reserved, cloud metadata — IPv4-mapped and other
 * IPv4-embedding IPv6 forms included), or null for a public address. Anything not an IP is `invalid`.
 */
export function classifyAddress(ip: string): BlockedRange | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare.replace(/%.*$/, ''));
  if (family === 4) {
    if (METADATA_V4.has(bare)) return 'metadata';
    return classifyV4(v4ToNumber(bare)!);
  }
  if (family === 6) {
    const n = v6ToBigInt(bare);
    if (n === null) return 'invalid';
    if (METADATA_V6_NUMBERS.has(n)) return 'metadata';
    const embedded = embeddedV4(n);
    if (embedded !== null && METADATA_V4.has(v4Text(embedded))) return 'metadata';
    return classifyV6(n);
  }
  return 'invalid';
}

/** A URL or address the server refuses to fetch; the message is fit to show (it names no internals). */
export class BlockedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BlockedUrlError';
  }
}

/** What the URL check allows; see config `linkPreview`. */
export interface UrlPolicy {
  /** Ports a URL may name (an absent port is the scheme's: 80 or 443). */
  allowedPorts: ReadonlySet<number>;
  /**
   * Host names exempt from the address and port checks. DANGEROUS: for tests only (local servers);
   * see LINK_PREVIEW_ALLOW_PRIVATE_HOSTS in SECURITY.md.
   */
  privateHostsAllowed: ReadonlySet<string>;
}

/**
 * Parses and checks a URL before any lookup: http/https only, no credentials, an allowed port. The WHATWG
 * parser normalises numeric host spellings (`http://2130706433/`, `http://0x7f.1/` → 127.0.0.1), so an
 * IP-literal host is checked in its canonical form. Throws BlockedUrlError.
 */
export function checkUrl(raw: string | URL, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError('That is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BlockedUrlError('Only http:// and https:// addresses can be previewed');
  if (url.username || url.password) throw new BlockedUrlError('Addresses with a user name or password cannot be previewed');
  if (policy.privateHostsAllowed.has(url.hostname)) return url;
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  if (!policy.allowedPorts.has(port)) throw new BlockedUrlError(`Port ${port} cannot be previewed`);
  // An IP literal is checked now; a name is checked once resolved (checkAddresses).
  if (isIP(url.hostname.replace(/^\[|\]$/g, ''))) {
    const range = classifyAddress(url.hostname);
    if (range) throw new BlockedUrlError(blockedMessage(range));
  }
  return url;
}

/** Throws BlockedUrlError when ANY of a host's addresses is refused (a name may resolve to several). */
export function checkAddresses(hostname: string, addresses: readonly string[], policy: UrlPolicy): void {
  if (policy.privateHostsAllowed.has(hostname)) return;
  if (addresses.length === 0) throw new BlockedUrlError('That host name does not resolve');
  for (const a of addresses) {
    const range = classifyAddress(a);
    if (range) throw new BlockedUrlError(blockedMessage(range));
  }
}

function blockedMessage(range: BlockedRange): string {
  return `That address points into a ${range} network, which the server does not fetch from`;
}
