/**
 * The local web server serving a production build answers as CloudFront does (infra/web-routing.ts, docs/web.md
 * "Caching and routes"): hashed assets cached for a year, everything else revalidated, a missing file a 404,
 * only the app's own routes answered with index.html. A build of its own in a temporary folder, so the test
 * does not depend on `npm run build:web`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#infra/local/engines.ts';
import { startWebServer } from '#infra/local/web-server.ts';

const SHELL = '<!doctype html><title>Minh Chứng</title><script src="/assets/index-Ab12Cd34.js"></script>';
let root: string;
let web: Awaited<ReturnType<typeof startWebServer>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mc-web-'));
  mkdirSync(join(root, 'dist/assets'), { recursive: true });
  writeFileSync(join(root, 'dist/index.html'), SHELL);
  writeFileSync(join(root, 'dist/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'dist/assets/index-Ab12Cd34.js'), 'console.log(1)');
  web = await startWebServer({
    port: await freePort(),
    root,
    mode: 'dist',
    config: { stage: 'local' },
    connectOrigins: [],
  });
});

afterAll(async () => {
  await web?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${web.url}${path}`);

describe('the local web server (dist)', () => {
  it('caches hashed assets for a year and revalidates the shell and other files', async () => {
    const asset = await get('/assets/index-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/favicon.svg']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const config = await get('/config.json');
    expect(config.status).toBe(200);
    expect(await config.json()).toEqual({ stage: 'local' });
  });

  it('answers 404 for a missing asset or file, never the app', async () => {
    for (const path of [
      '/assets/index-00000000.js',
      '/assets/gone',
      '/favicon.ico',
      '/manifest.webmanifest',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('<title>Minh Chứng</title>');
    }
  });

  it('answers the app’s own routes with the shell (criterion codes contain dots)', async () => {
    for (const path of [
      '/admin/users',
      '/cycles/cycle-2023/entities/so-khcn/criteria/1.2',
      '/review/c/e/1.2.3',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(await res.text(), path).toBe(SHELL);
    }
  });
});
