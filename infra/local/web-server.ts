/**
 * Serves the web app on its own origin (as CloudFront will) plus `/config.json`, the runtime configuration
 * the deploy injects in AWS: API URL and sign-in settings are never baked into the build.
 *
 * Two modes:
 * - `dev` (npm start): Vite's dev server runs inside this process as middleware, with hot reload over the
 *   same port; nothing to build first.
 * - `dist` (e2e tests, `MC_WEB=dist npm start`): the production build in `web/dist`, with the strict CSP the
 *   CDN will send. Without a build it serves a page that says how to make one.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy, type WebMode } from '#infra/web-headers.ts';
import { CACHE_REVALIDATE, cacheControlFor, isFilePath } from '#infra/web-routing.ts';

export type { WebMode };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebServerOptions {
  port: number;
  /** The `web/` folder (sources, `vite.config.ts`, and `dist/` once built). */
  root: string;
  mode: WebMode;
  config: Record<string, unknown>;
  /** Origins the app talks to (API, sign-in, object store): the CSP's connect-src. */
  connectOrigins: string[];
}

const NOT_BUILT = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Minh Chứng</title>
<body style="font-family:sans-serif;padding:24px"><h1>Minh Chứng</h1>
<p>Chưa có bản dựng web. Chạy <code>npm run build:web</code>, hoặc <code>npm start</code> để dùng máy chủ phát triển.</p>
<p lang="en">The web app is not built. Run <code>npm run build:web</code>, or <code>npm start</code> for the dev server.</p></body></html>`;

export async function startWebServer(
  opts: WebServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const headers = {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': contentSecurityPolicy(opts.mode, opts.connectOrigins, opts.port),
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
  const sendConfig = (res: ServerResponse) => {
    res.writeHead(200, { ...headers, 'cache-control': 'no-store', 'content-type': TYPES['.json']! });
    res.end(JSON.stringify(opts.config));
  };

  let handle: (req: IncomingMessage, res: ServerResponse, path: string) => void | Promise<void>;
  let closeDev: (() => Promise<void>) | undefined;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/config.json') return sendConfig(res);
    Promise.resolve(handle(req, res, path)).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });

  if (opts.mode === 'dev') {
    // Loaded only here: the integration tests and the dist mode never pay for Vite.
    const { createServer: createVite } = await import('vite');
    const vite = await createVite({
      configFile: join(opts.root, 'vite.config.ts'),
      root: opts.root,
      appType: 'spa',
      logLevel: 'warn',
      clearScreen: false,
      server: { middlewareMode: true, ws: { server, port: opts.port } },
    });
    closeDev = () => vite.close();
    handle = (req, res) => {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.setHeader('cache-control', 'no-cache');
      vite.middlewares(req, res);
    };
  } else {
    const dist = join(opts.root, 'dist');
    handle = async (_req, res, path) => {
      const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
      const file = join(dist, rel);
      if (!file.startsWith(dist)) return void res.writeHead(403, headers).end();
      // Hashed assets never change; the shell and anything unhashed is revalidated (infra/web-routing.ts, as
      // CloudFront: the objects' Cache-Control and its routing function).
      const cache = cacheControlFor(rel);
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          ...headers,
          'cache-control': cache,
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
      } catch {
        // A missing file is a 404; only the app's own routes get the shell.
        if (isFilePath(rel)) return void res.writeHead(404, headers).end();
        const body = await readFile(join(dist, 'index.html')).catch(() => Buffer.from(NOT_BUILT));
        res.writeHead(200, {
          ...headers,
          'cache-control': CACHE_REVALIDATE,
          'content-type': TYPES['.html']!,
        });
        res.end(body);
      }
    };
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await closeDev?.();
    throw e;
  }
  return {
    url: `http://localhost:${opts.port}`,
    close: async () => {
      await closeDev?.();
      await new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}
