/**
 * OpenAPI 3.1 generated from the route table and its zod schemas (zod 4's own JSON Schema output, which is
 * the 2020-12 dialect OpenAPI 3.1 uses). Served by the local gateway at GET /openapi.json.
 */
import * as z from 'zod/mini';
import { type RouteWithResponse, routeList } from './routes.ts';
import { errorResponse } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(route: RouteWithResponse) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return out;
}

const ERRORS: Record<string, string> = {
  '400': 'Invalid input, with one message per field (vi and en); nothing was written',
  '401': 'Missing, expired or invalid token',
  '403': 'The access policy refuses this (reason code given)',
  '404': 'No such resource or route',
  '409': 'Conflict with the current state',
  '413': 'Request body too large',
  '503': 'A dependency is unavailable; retry later',
};

export function openApiDocument(info: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
    const responses: Record<string, unknown> = {
      [String(route.success.status)]: {
        description: route.success.description,
        content: route.file
          ? { [route.file.contentType]: { schema: { type: 'string', format: 'binary' } } }
          : { 'application/json': { schema: schemaOf(route.success.schema, 'output') } },
      },
    };
    for (const [status, description] of Object.entries(ERRORS)) {
      if (status === '413' && !route.body) continue;
      responses[status] = { description, content: errorContent };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary.vi,
      description: route.summary.en,
      tags: [route.tag],
      security: [{ bearer: [] }],
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minh Chứng API',
      version: info.version,
      description:
        'Thu thập tài liệu kiểm chứng cho Chỉ số CCHC, PAPI, SIPAS. Evidence collection for PAR Index, PAPI and SIPAS.',
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token (locally: the local issuer, same claims)',
        },
      },
      schemas: { Error: schemaOf(errorResponse, 'output') },
    },
  };
}
