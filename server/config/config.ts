/**
 * Configuration, parsed and validated once at start-up from the environment. No other module reads
 * `process.env`: everything flows from this typed object, and every default is visible here.
 * `.env.example` documents each variable.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
/** An optional string where an empty value (`VAR=` in an env file) means unset. */
const optional = <T extends z.ZodType<string | undefined>>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const EnvSchema = z.object({
  PORT: int(3000, 0),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** Public origin(s) browsers use, comma-separated; cookie-authenticated requests must come from one. */
  ALLOWED_ORIGINS: z.string().optional(),
  /** "auto" marks cookies Secure when the request arrived over HTTPS (directly or via a trusted proxy). */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  TRUST_PROXY: bool.default(false),
  SESSION_TTL_DAYS: int(30, 1),
  TICKET_TTL_SECONDS: int(600, 1),
  /** Secret for signing WebSocket tickets; generated and kept in the database when unset. */
  TICKET_SECRET: z.string().min(32).optional(),
  MAX_MESSAGE_BYTES: int(2 * 1024 * 1024, 1024),
  MAX_AWARENESS_BYTES: int(64 * 1024, 256),
  MAX_AWARENESS_CLIENTS_PER_CONNECTION: int(8, 1),
  MAX_DOC_BYTES: int(64 * 1024 * 1024, 1024),
  /** Largest uploaded file (images, PDFs on the board); bigger uploads get 413. */
  MAX_UPLOAD_BYTES: int(20 * 1024 * 1024, 1024),
  MAX_CONNECTIONS_PER_USER: int(24, 1),
  MAX_ROOMS_PER_USER: int(12, 1),
  MAX_CONNECTIONS_PER_IP: int(256, 1),
  /** WebSocket ping interval; a peer that misses one ping is dropped (its presence with it). */
  HEARTBEAT_MS: int(15_000, 100),
  /** Time allowed to send an HTTP request's headers (slowloris: half-open upgrades are dropped). */
  HEADERS_TIMEOUT_MS: int(20_000, 100),
  /** Time an upgraded socket has to send sync step 1 (slowloris after the upgrade: it is closed with 4008). */
  SYNC_DEADLINE_MS: int(30_000, 100),
  ROOM_UNLOAD_DELAY_MS: int(5000, 0),
  COMPACT_AFTER_UPDATES: int(400, 2),
  /** Search indexing: a room's stored changes are indexed at most this long after the first of them. */
  INDEX_DEBOUNCE_MS: int(1500, 0),
  /** How often to look for sessions whose search index is missing or out of date (0: at start-up only). */
  INDEX_SWEEP_INTERVAL_MS: int(60_000, 0),
  /** Timeline: a changing session room's full state is kept at most this often (and when it unloads). */
  VERSION_INTERVAL_MS: int(300_000, 100),
  /** Timeline: most versions kept per session after thinning (the oldest go first). */
  VERSION_MAX_PER_SESSION: int(200, 2),
  LOGIN_MAX_FAILURES: int(10, 1),
  LOGIN_WINDOW_SECONDS: int(15 * 60, 1),
  /** OWASP scrypt parameters by default (N=2^17, r=8, p=1). Lower only in tests. */
  SCRYPT_LOG_N: int(17, 10),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  /**
   * PostgreSQL instead of SQLite (required to run several nodes). Any other scheme is refused rather than
   * silently falling back to a per-node SQLite file.
   */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')),
  DATABASE_POOL_SIZE: int(10, 1),
  /** Bearer token required by GET /metrics; unset leaves /metrics open (keep it off the public internet then). */
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Share rooms between several nodes through Redis pub/sub (unset: single node). */
  REDIS_URL: z.string().url().optional(),
  /** Prefix of every Redis channel/key, so several deployments (or test runs) can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('commonplace'),
  /** Where the built client lives (served as static files when present). */
  CLIENT_DIST: z.string().default('./dist/client'),
  /** Link previews (server-side fetches, SSRF-guarded): ports a previewed URL may name, comma-separated. */
  LINK_PREVIEW_PORTS: z.string().regex(/^\s*\d{1,5}(\s*,\s*\d{1,5})*\s*$/, 'must be comma-separated port numbers').default('80,443'),
  /**
   * DANGEROUS, tests only: host names link previews may fetch even though they resolve to loopback or
   * private addresses, on any port (comma-separated). Never set in production: it re-opens SSRF.
   */
  LINK_PREVIEW_ALLOW_PRIVATE_HOSTS: z.string().default(''),
});

export type Config = ReturnType<typeof loadConfig>;

/** Parses the environment; throws one error listing every invalid variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const allowedOrigins = (e.ALLOWED_ORIGINS ?? `http://localhost:${e.PORT},http://127.0.0.1:${e.PORT}`)
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    clientDist: path.resolve(e.CLIENT_DIST),
    allowedOrigins,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    sessionTtlMs: e.SESSION_TTL_DAYS * 86_400_000,
    ticketTtlMs: e.TICKET_TTL_SECONDS * 1000,
    ticketSecret: e.TICKET_SECRET,
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxAwarenessBytes: e.MAX_AWARENESS_BYTES,
      maxAwarenessClientsPerConnection: e.MAX_AWARENESS_CLIENTS_PER_CONNECTION,
      maxDocBytes: e.MAX_DOC_BYTES,
      maxUploadBytes: e.MAX_UPLOAD_BYTES,
      maxConnectionsPerUser: e.MAX_CONNECTIONS_PER_USER,
      maxRoomsPerUser: e.MAX_ROOMS_PER_USER,
      maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
      heartbeatMs: e.HEARTBEAT_MS,
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      syncDeadlineMs: e.SYNC_DEADLINE_MS,
      loginMaxFailures: e.LOGIN_MAX_FAILURES,
      loginWindowMs: e.LOGIN_WINDOW_SECONDS * 1000,
    },
    rooms: { unloadDelayMs: e.ROOM_UNLOAD_DELAY_MS, compactAfterUpdates: e.COMPACT_AFTER_UPDATES },
    knowledge: { debounceMs: e.INDEX_DEBOUNCE_MS, sweepIntervalMs: e.INDEX_SWEEP_INTERVAL_MS },
    versions: { intervalMs: e.VERSION_INTERVAL_MS, maxPerSession: e.VERSION_MAX_PER_SESSION },
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    scryptLogN: e.SCRYPT_LOG_N,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    /** Set: PostgreSQL store (never log it: it may carry a password). */
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    linkPreview: {
      allowedPorts: new Set(e.LINK_PREVIEW_PORTS.split(',').map((p) => Number(p.trim()))) as ReadonlySet<number>,
      privateHostsAllowed: new Set(e.LINK_PREVIEW_ALLOW_PRIVATE_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)) as ReadonlySet<string>,
    },
  };
}
