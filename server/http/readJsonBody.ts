/**
 * Reads and validates a JSON request body against a zod schema from shared/api/schemas.ts. Failures
 * become 400 `invalid_input` with one issue per field, or 415 when the body is not JSON at all.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './HttpError.ts';

/** `application/json`, optionally with parameters such as `; charset=utf-8`. */
export function isJsonContentType(value: string | undefined): boolean {
  return !!value && /^application\/json\s*(;|$)/i.test(value);
}

/** Parses the body as JSON and validates it; returns the schema's output type. */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new HttpError('unsupported_media_type', 'Send the request body as application/json');
  }
  const text = await c.req.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError('invalid_input', 'The request body is not valid JSON', {
      issues: [{ path: '', message: 'Expected a JSON object' }],
    });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new HttpError('invalid_input', 'Some fields are missing or invalid', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
