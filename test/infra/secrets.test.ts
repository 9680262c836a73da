/** The deployable bundles carry no tokens, keys or passwords (they are built here exactly as CDK builds them). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecrets } from '#test/secrets.ts';
import { synth } from './synth.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('no secrets in what we deploy', () => {
  it('function bundles and templates contain no token, key or password', () => {
    const s = synth('prod', { bundle: true });
    const outdir = s.app.outdir;
    const files = filesUnder(outdir).filter((f) => /\.(m?js|json)$/.test(f));
    expect(files.some((f) => /index\.mjs$/.test(f))).toBe(true);
    const found = files.flatMap((f) => findSecrets(readFileSync(f, 'utf8')).map((n) => `${n} in ${f}`));
    expect(found).toEqual([]);
  });

  it('the detector itself finds what it should (control)', () => {
    expect(
      findSecrets('Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXh4eA'),
    ).toEqual(['JWT', 'Bearer token']);
    expect(findSecrets('-----BEGIN PRIVATE KEY-----')).toEqual(['private key']);
    expect(findSecrets('mật khẩu tạm thời: Tm9xQ2#9a.')).toEqual(['temporary password']);
    expect(findSecrets('temporary password: {####}')).toEqual([]);
    expect(findSecrets('aws_secret_access_key=')).toEqual([]);
    expect(findSecrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([
      'AWS secret',
    ]);
  });
});
