/**
 * Which paths of the web app are files and which are the app's own routes, and how long each may be cached: one
 * rule for CloudFront (a viewer-request function and the objects' Cache-Control) and for the local web server
 * (infra/local/web-server.ts). docs/web.md, "Caching and routes".
 *
 * - `/assets/…`: Vite's build output, every name carrying a content hash: cached for a year, `immutable`.
 * - `/config.json` and any other path whose last segment ends in a web file's extension: the file, `no-cache`.
 * - A missing file of either kind is a 404, never the app: a stale config or chunk must fail visibly.
 * - Everything else (`/admin/users`, `/cycles/c/entities/e/criteria/1.2`) is a route of the app: index.html.
 *   Criterion codes contain dots, hence a list of extensions rather than "has a dot".
 */

/** Where Vite writes hashed files (`build.assetsDir`, default `assets`; names `[name]-[hash].[ext]`). */
export const HASHED_PREFIX = '/assets/';
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/** Extensions of files a browser asks the web origin for. */
export const FILE_EXTENSIONS = [
  'html',
  'js',
  'mjs',
  'css',
  'map',
  'json',
  'webmanifest',
  'txt',
  'xml',
  'ico',
  'png',
  'svg',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'avif',
  'woff',
  'woff2',
  'ttf',
  'wasm',
] as const;

const FILE_NAME = new RegExp(`\\.(?:${FILE_EXTENSIONS.join('|')})$`, 'i');

/** A file (served as is, 404 when missing) rather than a route of the app. */
export function isFilePath(path: string): boolean {
  return path.startsWith(HASHED_PREFIX) || FILE_NAME.test(path);
}

export function cacheControlFor(path: string): string {
  return path.startsWith(HASHED_PREFIX) ? CACHE_HASHED : CACHE_REVALIDATE;
}

/**
 * The same rule as a CloudFront Function (cloudfront-js-2.0, viewer request): a route of the app is answered
 * with index.html; a file goes to the bucket as asked.
 */
export function spaRoutingFunctionCode(): string {
  return [
    'function handler(event) {',
    '  var request = event.request;',
    '  var uri = request.uri;',
    `  if (uri.indexOf(${JSON.stringify(HASHED_PREFIX)}) === 0 || ${FILE_NAME.toString()}.test(uri)) return request;`,
    "  request.uri = '/index.html';",
    '  return request;',
    '}',
  ].join('\n');
}
