/**
 * Serves `web/` on its own origin (as CloudFront will) plus `/config.json`, the runtime configuration the
 * deploy injects in AWS: API URL and sign-in settings are never baked into the build.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export async function startWebServer(opts: {
  port: number;
  root: string;
  config: Record<string, unknown>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    };
    if (path === '/config.json') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json']! });
      return void res.end(JSON.stringify(opts.config));
    }
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    const file = join(opts.root, rel);
    if (!file.startsWith(opts.root)) return void res.writeHead(403, headers).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      // Single-page app: unknown paths get the shell.
      const body = await readFile(join(opts.root, 'index.html')).catch(() => Buffer.from('Not found'));
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html']! });
      res.end(body);
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
