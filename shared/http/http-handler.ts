/**
 * The HTTP handler factory every API function uses: middy chain + actor + zod parsing of path, query and
 * body from the route table + one error mapping. A handler file is then one call with one use case.
 */
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/mini';
import { currentActorDeps } from '#composition/current-actor-deps.ts';
import type { Actor } from '#domain/actor.ts';
import { type FieldIssue, PayloadTooLargeError, ValidationError } from '#domain/errors.ts';
import { authorizeBeforeLoad } from '#domain/policy.ts';
import { parseWithIssues } from '#domain/zod-issues.ts';
import { type CurrentActorDeps, currentActor } from '#usecases/current-actor.ts';
import { toHttpError } from './error-map.ts';
import { MAX_BODY_BYTES, SECURITY_HEADERS } from './headers.ts';
import type { RouteDef } from './routes/types.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RequestInput<R extends RouteDef> {
  actor: Actor;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  requestId: string;
}

/** What a route with `file` returns: bytes with a name, sent base64 as API Gateway expects for binaries. */
export interface FileResult {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

function readJsonBody(event: HttpEvent, limit = MAX_BODY_BYTES): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > limit)
    throw new PayloadTooLargeError({
      vi: `Nội dung yêu cầu vượt quá ${limit / 1024} KB.`,
      en: `The request body exceeds ${limit / 1024} KB.`,
    });
  const type = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json'))
    throw new ValidationError([
      {
        field: 'header.content-type',
        message: {
          vi: 'Nội dung phải là JSON (application/json).',
          en: 'The body must be JSON (application/json).',
        },
      },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError([
      {
        field: 'body',
        message: { vi: 'Nội dung JSON không đọc được.', en: 'The JSON body could not be read.' },
      },
    ]);
  }
  const broken = malformedStringPath(parsed, 'body');
  if (broken)
    throw new ValidationError([
      {
        field: broken,
        message: {
          vi: 'Văn bản chứa ký tự Unicode hỏng (nửa cặp UTF-16), không lưu được.',
          en: 'The text holds a broken Unicode character (a lone UTF-16 surrogate) and cannot be stored.',
        },
      },
    ]);
  return parsed;
}

/**
 * JSON's `\uD800` escapes decode to lone surrogates: not text, and not storable as UTF-8 (DynamoDB and the
 * mail provider would replace or refuse them later). The first such string's field path, or undefined.
 */
function malformedStringPath(root: unknown, rootPath: string): string | undefined {
  // Iterative: a body may be nested thousands deep, deeper than the call stack.
  const stack: [unknown, string, number][] = [[root, rootPath, 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return path;
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!k.isWellFormed()) return path;
        // Paths are named a few levels deep only, so a deep body costs no quadratic strings.
        stack.push([v, depth < 6 ? `${path}.${k}` : path, depth + 1]);
      }
    }
  }
  return undefined;
}

function parsePart(schema: z.ZodMiniType | undefined, input: unknown, prefix: string): unknown {
  if (!schema) return undefined;
  const r = parseWithIssues(schema, input, prefix);
  if (!r.ok) throw new ValidationError(r.issues);
  return r.data;
}

/** Path segments as the client meant them; malformed percent-encoding (`%ZZ`, a cut UTF-8 sequence) is a 400. */
function decodePathParameters(raw: Record<string, string | undefined> | undefined) {
  const issues: FieldIssue[] = [];
  const decoded = Object.fromEntries(
    Object.entries(raw ?? {}).map(([k, v]) => {
      if (v === undefined) return [k, v];
      try {
        return [k, decodeURIComponent(v)];
      } catch {
        issues.push({
          field: `path.${k}`,
          message: {
            vi: 'Đường dẫn có mã hoá phần trăm (%) không hợp lệ.',
            en: 'The path has malformed percent-encoding (%).',
          },
        });
        return [k, undefined];
      }
    }),
  );
  if (issues.length) throw new ValidationError(issues);
  return decoded;
}

/**
 * Path first (it names the resource), then the policy on that resource, then query and body: a caller the
 * policy refuses gets a 403 and never a validation message about a body they may not send.
 */
function parseRequest<R extends RouteDef>(
  route: R,
  event: HttpEvent,
  actor: Actor,
): Omit<RequestInput<R>, 'actor' | 'requestId'> {
  const params = parsePart(route.params, decodePathParameters(event.pathParameters), 'path') as
    | { entityId?: string }
    | undefined;
  // Province-scoped reviewers are judged by the use case, which knows the entity's province.
  authorizeBeforeLoad(actor, route.action, params?.entityId);
  const issues: FieldIssue[] = [];
  const collect = (schema: z.ZodMiniType | undefined, input: () => unknown, prefix: string) => {
    try {
      return parsePart(schema, schema ? input() : undefined, prefix);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(...e.issues);
      return undefined;
    }
  };
  const query = collect(route.query, () => event.queryStringParameters ?? {}, 'query');
  // No body reads as `{}`; a JSON `null` is a body, and the schema judges it.
  const body = collect(
    route.body,
    () => {
      const read = readJsonBody(event, route.maxBodyBytes);
      return read === undefined ? {} : read;
    },
    'body',
  );
  if (issues.length) throw new ValidationError(issues);
  return { params, query, body } as Omit<RequestInput<R>, 'actor' | 'requestId'>;
}

export function json(status: number, body: unknown): HttpResult {
  return { statusCode: status, headers: { ...SECURITY_HEADERS }, body: JSON.stringify(body) };
}

function fileResponse(status: number, file: FileResult): HttpResult {
  const ascii = file.fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    statusCode: status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    },
    body: Buffer.from(file.bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

/** Structured log line; never logs headers or tokens. */
function logError(e: unknown, event: HttpEvent, requestId: string) {
  const err = e as Error;
  console.error(
    JSON.stringify({
      level: 'error',
      requestId,
      route: event.routeKey,
      name: err?.name,
      message: err?.message,
      stack: err?.stack?.split('\n').slice(0, 6).join('\n'),
    }),
  );
}

/**
 * `run`: the use case, given the actor and the parsed request. `actor`: where the caller's current profile is
 * read (the default reads the table; tests may pass their own).
 */
export function httpHandler<R extends RouteDef>(
  route: R,
  run: (input: RequestInput<R>) => Promise<unknown>,
  ports: { actor?: CurrentActorDeps } = {},
) {
  const actorDeps = ports.actor ?? currentActorDeps;
  // middy (docs/architecture.md): its early-timeout answer turns a request about to run out of time into the
  // usual 500 body with its request id, instead of Lambda's silence.
  return middy<HttpEvent, HttpResult, Error, Context>()
    .onError((request) => {
      const requestId = request.context?.awsRequestId ?? request.event.requestContext?.requestId ?? '';
      const { status, body } = toHttpError(request.error, requestId);
      if (status >= 500) logError(request.error, request.event, requestId);
      request.response = json(status, body);
    })
    .handler(async (event, context) => {
      // The token proves who is calling; the stored profile says what they may do now (docs/access.md).
      const actor = await currentActor(actorDeps, event.requestContext?.authorizer?.jwt?.claims, {
        allowWithoutMfa: route.allowWithoutMfa === true,
      });
      const parsed = parseRequest(route, event, actor);
      const result = await run({ actor, ...parsed, requestId: context?.awsRequestId ?? '' });
      if (route.file) return fileResponse(route.success.status, result as FileResult);
      return json(route.success.status, result);
    });
}

type AnyHandler = ReturnType<typeof httpHandler>;

/**
 * One function serving several routes (the entity and the cycle form of one operation): picks the handler by
 * the event's `routeKey` (`POST /v1/...`, as API Gateway and the local gateway send it).
 */
export function routedHandler(entries: readonly [RouteDef, AnyHandler][]) {
  const byKey = new Map(entries.map(([route, h]) => [`${route.method} ${route.path}`, h]));
  return (event: HttpEvent, context: Context) => {
    const h = byKey.get(event.routeKey ?? '');
    if (!h)
      return Promise.resolve(
        json(404, {
          error: { code: 'NOT_FOUND', message: { vi: 'Không có đường dẫn này.', en: 'No such route.' } },
        }),
      );
    return h(event, context);
  };
}
