/** What must never appear in a bundle or a log: tokens, keys, passwords. */
export const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'Bearer token', pattern: /Bearer\s+[A-Za-z0-9._-]{20,}/ },
  { name: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  // A value, not the SDK's own config parser that names the key.
  { name: 'AWS secret', pattern: /aws_secret_access_key\s*[:=]\s*['"]?[A-Za-z0-9/+=]{40}/i },
  { name: 'demo password', pattern: /MinhChung@2026/ },
  // A filled-in invitation; Cognito's template placeholder `{####}` is not a password.
  { name: 'temporary password', pattern: /(mật khẩu tạm thời|temporary password): (?!\{#)\S{6,}/ },
];

export function findSecrets(text: string): string[] {
  return SECRET_PATTERNS.filter((p) => p.pattern.test(text)).map((p) => p.name);
}
