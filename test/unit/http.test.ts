import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { cursor } from '../../shared/adapters/dynamo/keys.ts';
import { isUnavailable } from '../../shared/adapters/guard.ts';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/domain/errors.ts';
import { toHttpError } from '../../shared/http/error-map.ts';
import { parseWithIssues } from '../../shared/http/zod-issues.ts';

describe('error → HTTP table', () => {
  it('maps each domain error to its status and never leaks internals of unknown errors', () => {
    const m = { vi: 'x', en: 'x' };
    expect(toHttpError(new ValidationError([])).status).toBe(400);
    expect(toHttpError(new ForbiddenError('R', m)).body.error.reason).toBe('R');
    expect(toHttpError(new NotFoundError(m)).status).toBe(404);
    expect(toHttpError(new ConflictError(m, { version: 3 })).body.error.current).toEqual({ version: 3 });
    expect(toHttpError(new DependencyUnavailableError('db')).status).toBe(503);
    const unknown = toHttpError(new Error('SELECT * FROM secrets'), 'req-9');
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(unknown.body)).not.toContain('secrets');
    expect(unknown.body.error.requestId).toBe('req-9');
  });

  it('recognises a dependency that is down, not one that refused the request', () => {
    expect(isUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnavailable({ name: 'ThrottlingException' })).toBe(true);
    expect(isUnavailable({ name: 'X', $metadata: { httpStatusCode: 503 } })).toBe(true);
    expect(isUnavailable({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(false);
    expect(isUnavailable(new Error('x', { cause: { code: 'ETIMEDOUT' } }))).toBe(true);
  });
});

describe('field-level messages', () => {
  it('gives every field a Vietnamese and an English message, prefixed by where it came from', () => {
    const schema = z.object({ year: z.number().int().min(2000), name: z.string().min(1) }).strict();
    const r = parseWithIssues(schema, { year: 'x', extra: 1 }, 'body');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.year', 'body.name', 'body']));
    for (const i of r.issues) {
      expect(i.message.en).toBeTruthy();
      expect(i.message.vi).toBeTruthy();
      expect(i.message.vi).not.toBe(i.message.en);
    }
  });
});

describe('pagination cursor', () => {
  it('round-trips and refuses garbage with a 400-mapped error', () => {
    const key = { pk: 'CE#c#e', sk: 'LINK#1.1#01' };
    expect(cursor.decode(cursor.encode(key))).toEqual(key);
    expect(() => cursor.decode('%%%')).toThrow(ValidationError);
    expect(() => cursor.decode(Buffer.from('[1]').toString('base64url'))).toThrow(ValidationError);
  });
});
