/**
 * The one family of HTTP API errors. Every error response is `{ "error": { "code", "message" } }`
 * with the status below; clients switch on `code`, people read `message`.
 */
export const API_ERRORS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** A server-side fetch (link preview) failed upstream: unreachable, not HTML, too slow. */
  bad_gateway: 502,
  unavailable: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; issues?: { path: string; message: string }[] };
}
