/** Headers on every API response, whichever path produced it (handler, 404, error). */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** Bodies above this are refused before parsing (the API takes metadata; files go straight to S3). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Routes that take a spreadsheet as base64 JSON (imports). Lambda refuses synchronous payloads above 6 MB,
 * so 5 MB of JSON ≈ a 3.7 MB .xlsx — tens of thousands of rows; anything larger goes through the admin CLI.
 */
export const MAX_IMPORT_BODY_BYTES = 5 * 1024 * 1024;
