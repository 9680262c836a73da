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
