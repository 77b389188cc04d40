/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 description generated from the route table, with request
 * bodies taken from the same zod schemas the server validates with.
 */
import { z } from 'zod';
import { API_ERRORS } from '../../shared/api/errors.ts';
import { ROUTE_LIST, type RouteSpec } from './routeTable.ts';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(API_ERRORS) },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const ACCESS_TEXT: Record<RouteSpec['access'], string> = {
  public: 'No sign-in needed.',
  user: 'Any signed-in user.',
  member: 'Members of the community (any role).',
  facilitator: 'Hosts and facilitators of the community.',
  host: 'Hosts of the community.',
};

function operation(route: RouteSpec & { name: string }) {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const responses: Record<string, unknown> = {
    [route.status]: { description: 'Success' },
    default: { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  };
  return {
    operationId: route.name,
    summary: route.summary,
    description: `Access: ${ACCESS_TEXT[route.access]}${route.guests ? '; also guests of the session (guest links)' : ''}`,
    'x-access': route.access,
    ...(route.guests ? { 'x-guests': true } : {}),
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } },
          },
        }
      : {}),
    responses,
  };
}

/** Builds the OpenAPI document (pure; cached by the route that serves it). */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTE_LIST) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Commonplace API', version: '1' },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cp_session' } },
    },
    security: [{ session: [] }],
  };
}
