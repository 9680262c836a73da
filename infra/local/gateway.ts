/**
 * Local stand-in for API Gateway (HTTP API, payload 2.0) + its JWT authorizer. Routes come from the same route
 * table the CDK API reads, and requests go to the same handler modules Lambda runs, with the same event shape.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { Context } from 'aws-lambda';
import { SECURITY_HEADERS } from '#http/headers.ts';
import type { HttpEvent, HttpResult } from '#http/http-handler.ts';
import { openApiDocument } from '#http/openapi.ts';
import { type RouteDef, routeList } from '#http/routes.ts';

export interface GatewayOptions {
  port: number;
  issuerUrl: string;
  jwksUrl: string;
  clientId: string;
  allowedOrigins: string[];
  repoRoot: string;
  version: string;
  /** How long the gateway waits for a handler; API Gateway's fixed limit unless a test shortens it. */
  integrationTimeoutMs?: number;
}

/** HTTP APIs wait at most 30 s for an integration (not adjustable), then answer 503 (docs/architecture.md). */
export const INTEGRATION_TIMEOUT_MS = 30_000;

/** API Gateway's payload limit. The handlers enforce their own, smaller one. */
const MAX_PAYLOAD = 10 * 1024 * 1024;

interface CompiledRoute {
  route: RouteDef & { id: string };
  regex: RegExp;
  names: string[];
}

function compile(route: RouteDef & { id: string }): CompiledRoute {
  const names: string[] = [];
  const pattern = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      names.push(name.replace(/\+$/, ''));
      return '([^/]+)';
    });
  return { route, regex: new RegExp(`^${pattern}$`), names };
}

/** The JWT authorizer passes claims as strings; arrays become "[a b]" (as in AWS). */
function claimsAsApiGateway(payload: JwtPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export async function startGateway(opts: GatewayOptions): Promise<{ url: string; close(): Promise<void> }> {
  const compiled = routeList.map(compile);
  const handlers = new Map<string, Promise<Handler>>();
  const loadHandler = (fn: string): Promise<Handler> => {
    let h = handlers.get(fn);
    if (!h) {
      const file = pathToFileURL(`${opts.repoRoot}/functions/${fn}/handler.ts`).href;
      h = import(file).then((m: { handler: Handler }) => m.handler);
      handlers.set(fn, h);
    }
    return h;
  };

  // Verifies like the HTTP API JWT authorizer: RS256 signature from the issuer's JWKS, iss, exp/nbf, and the
  // audience (`aud` of an ID token or `client_id` of an access token).
  const verifier = JwtRsaVerifier.create({ issuer: opts.issuerUrl, audience: null, jwksUri: opts.jwksUrl });
  const refreshJwks = async () => {
    const res = await fetch(opts.jwksUrl);
    verifier.cacheJwks((await res.json()) as Parameters<typeof verifier.cacheJwks>[0]);
  };
  await refreshJwks();
  const verify = async (token: string): Promise<JwtPayload | undefined> => {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const payload = await verifier.verify(token);
        // The authorizer's exp check ("must be after the current time") cannot pass without an exp.
        if (typeof payload.exp !== 'number') return undefined;
        const aud = payload.aud ?? payload.client_id;
        const audiences = Array.isArray(aud) ? aud : [aud];
        return audiences.includes(opts.clientId) ? payload : undefined;
      } catch (e) {
        // A key we do not know yet: fetch the JWKS once more (key rotation), then give up.
        if (attempt === 0 && (e as Error).name === 'KidNotFoundInJwksError') await refreshJwks();
        else return undefined;
      }
    }
    return undefined;
  };

  const corsHeaders = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin || !opts.allowedOrigins.includes(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'false',
      'access-control-expose-headers': 'content-type',
      vary: 'origin',
    };
  };

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: string | Buffer,
  ) => {
    res.writeHead(status, { ...SECURITY_HEADERS, ...headers, ...corsHeaders(req) });
    res.end(body);
  };
  const sendError = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    code: string,
    vi: string,
    en: string,
  ) => send(req, res, status, {}, JSON.stringify({ error: { code, message: { vi, en } } }));

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (method === 'OPTIONS') {
        const origin = req.headers.origin;
        if (!origin || !opts.allowedOrigins.includes(origin)) return void res.writeHead(403).end();
        res.writeHead(204, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
          vary: 'origin',
        });
        return void res.end();
      }
      if (method === 'GET' && url.pathname === '/openapi.json') {
        const doc = openApiDocument({ version: opts.version, serverUrl: `http://localhost:${opts.port}` });
        return send(req, res, 200, {}, JSON.stringify(doc));
      }

      let match: { c: CompiledRoute; values: string[] } | undefined;
      for (const c of compiled) {
        if (c.route.method !== method) continue;
        const m = c.regex.exec(url.pathname);
        if (m) {
          match = { c, values: m.slice(1) };
          break;
        }
      }
      if (!match) return sendError(req, res, 404, 'NOT_FOUND', 'Không có đường dẫn này.', 'No such route.');

      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_PAYLOAD)
          return sendError(req, res, 413, 'PAYLOAD_TOO_LARGE', 'Yêu cầu quá lớn.', 'Request too large.');
        chunks.push(chunk as Buffer);
      }

      const auth = req.headers.authorization ?? '';
      const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
      const payload = token ? await verify(token) : undefined;
      if (!payload)
        return sendError(
          req,
          res,
          401,
          'UNAUTHENTICATED',
          'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại.',
          'Your session is missing or has expired; please sign in again.',
        );

      const { route } = match.c;
      const requestId = randomUUID();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      const now = new Date();
      const event = {
        version: '2.0',
        routeKey: `${route.method} ${route.path}`,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        queryStringParameters: Object.keys(query).length ? query : undefined,
        pathParameters: Object.fromEntries(match.c.names.map((n, i) => [n, match.values[i]!])),
        body: chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined,
        isBase64Encoded: false,
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          authorizer: {
            principalId: '',
            integrationLatency: 0,
            jwt: { claims: claimsAsApiGateway(payload), scopes: [] },
          },
          domainName: `localhost:${opts.port}`,
          domainPrefix: 'localhost',
          http: {
            method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: req.headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: `${route.method} ${route.path}`,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
        },
      } as unknown as HttpEvent;
      const limitMs = opts.integrationTimeoutMs ?? INTEGRATION_TIMEOUT_MS;
      const deadline = Date.now() + limitMs;
      const context = {
        awsRequestId: requestId,
        functionName: route.fn,
        getRemainingTimeInMillis: () => deadline - Date.now(),
      } as unknown as Context;

      const handler = await loadHandler(route.fn);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), limitMs);
      });
      const result = await Promise.race([handler(event, context), timedOut]).finally(() =>
        clearTimeout(timer),
      );
      if (result === 'timeout') {
        // What an HTTP API answers when its integration outlives the limit; the function runs on regardless.
        console.error(
          JSON.stringify({ level: 'error', msg: 'integration timed out', fn: route.fn, limitMs }),
        );
        return send(
          req,
          res,
          503,
          { 'content-type': 'application/json' },
          '{"message":"Service Unavailable"}',
        );
      }
      send(
        req,
        res,
        result.statusCode ?? 200,
        (result.headers ?? {}) as Record<string, string>,
        // Binary responses (file downloads) arrive base64-encoded, as API Gateway expects them.
        result.isBase64Encoded ? Buffer.from(String(result.body ?? ''), 'base64') : String(result.body ?? ''),
      );
    } catch (e) {
      // What Lambda + API Gateway do when a function throws: a bare 500, details only in the log.
      console.error(JSON.stringify({ level: 'error', msg: 'handler crashed', error: (e as Error)?.stack }));
      sendError(req, res, 500, 'INTERNAL', 'Đã có lỗi ngoài dự kiến.', 'Internal server error.');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://localhost:${opts.port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
