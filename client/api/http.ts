/**
 * The client's one way to call the HTTP API: JSON in, JSON out, cookies included, and every failure
 * turned into an ApiError carrying the server's `{ error: { code, message, issues } }`.
 */
import { API_ERRORS, type ApiErrorBody, type ApiErrorCode } from '../../shared/api/errors.ts';

/** One field-level problem reported by the server (`path` is the dotted field name, e.g. "email"). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** `network` means the request never got an answer (offline, server down); it has status 0. */
export type ClientErrorCode = ApiErrorCode | 'network';

/** A failed API call. `code` is what code switches on; `message` is fit to show a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Field name → first message for it, from an error's issues (for showing errors next to inputs). */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  for (const issue of err.issues) {
    const key = issue.path || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** A message for any thrown value, for banners and toasts. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong. Please try again.';
}

const CODE_BY_STATUS = new Map<number, ApiErrorCode>(
  Object.entries(API_ERRORS).map(([code, status]) => [status, code as ApiErrorCode]),
);

/** Turns a non-2xx response into an ApiError, tolerating bodies that are not ours (proxies, HTML). */
export async function toApiError(res: Response): Promise<ApiError> {
  const fallbackCode = CODE_BY_STATUS.get(res.status) ?? (res.status >= 500 ? 'internal' : 'invalid_input');
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    body = null;
  }
  const e = body?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    const issues = Array.isArray(e.issues)
      ? e.issues.filter((i): i is ApiIssue => typeof i?.path === 'string' && typeof i?.message === 'string')
      : [];
    return new ApiError(res.status, e.code, e.message, issues);
  }
  return new ApiError(res.status, fallbackCode, `The server answered ${res.status} ${res.statusText}`.trim());
}

/** The API client. `base` is '' in the browser (same origin); tests pass a full origin. */
export function createApi(base = '') {
  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const write = method !== 'GET';
    let res: Response;
    try {
      res = await fetch(base + path, {
        method,
        credentials: 'same-origin',
        // Writes always carry a JSON body: the server only accepts JSON writes (a CSRF defence).
        headers: write ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
        body: write ? JSON.stringify(body ?? {}) : undefined,
        signal,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new ApiError(0, 'network', 'Could not reach Commonplace. Check your connection and try again.');
    }
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
    post: <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('POST', path, body, signal),
    put: <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('PUT', path, body, signal),
    delete: <T = void>(path: string, signal?: AbortSignal) => request<T>('DELETE', path, undefined, signal),
  };
}

/** The API client of this page. */
export const api = createApi();
export type Api = ReturnType<typeof createApi>;
