import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { cursor } from '#adapters/dynamo/keys.ts';
import { isUnavailable } from '#adapters/guard.ts';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '#domain/errors.ts';
import { parseWithIssues } from '#domain/zod-issues.ts';
import { toHttpError } from '#http/error-map.ts';

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
    const schema = z.strictObject({
      year: z.number().check(z.int(), z.gte(2000)),
      name: z.string().check(z.minLength(1)),
    });
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
  const links = {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': 'CE#c#e', ':sk': 'LINK#1.1#' },
  };
  const cycles = {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': 'CYCLES' },
  };
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  it('round-trips the keys of the Query it continues', () => {
    const key = { pk: 'CE#c#e', sk: 'LINK#1.1#01' };
    expect(cursor.decode(cursor.encode(key), links)).toEqual(key);
    const onIndex = { pk: 'CYCLE#c', sk: 'META', gsi1pk: 'CYCLES', gsi1sk: '2023#c' };
    expect(cursor.decode(cursor.encode(onIndex), cycles)).toEqual(onIndex);
    const named = {
      IndexName: 'gsi1',
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': 'gsi1pk', '#sk': 'gsi1sk' },
      ExpressionAttributeValues: { ':pk': 'P', ':before': 'z' },
    };
    expect(cursor.decode(b64({ pk: 'a', sk: 'b', gsi1pk: 'P', gsi1sk: 'c' }), named)).toBeDefined();
    expect(cursor.decode(undefined, links)).toBeUndefined();
  });

  it('refuses garbage and forged or foreign keys with a 400-mapped error, before DynamoDB sees them', () => {
    const forged = [
      '%%%',
      b64([1]),
      b64('text'),
      b64({}),
      b64({ pk: 'CE#c#e' }),
      b64({ pk: 'CE#c#e', sk: 'LINK#1.1#01', extra: 'x' }),
      b64({ pk: 'CE#c#e', sk: 7 }),
      b64({ pk: { S: 'CE#c#e' }, sk: 'LINK#1.1#01' }),
      b64({ pk: 'CE#c#e', sk: '' }),
      b64({ pk: 'CE#c#e', sk: `LINK#1.1#${'x'.repeat(1100)}` }),
      // Another entity's partition, another criterion's links, another listing's key.
      b64({ pk: 'CE#c#other', sk: 'LINK#1.1#01' }),
      b64({ pk: 'CE#c#e', sk: 'LINK#2.1#01' }),
      b64({ pk: 'CE#c#e', sk: 'LINK#1.1#01', gsi1pk: 'CYCLES', gsi1sk: 'x' }),
      Buffer.from('{"__proto__":{"pk":"CE#c#e"},"sk":"LINK#1.1#01"}').toString('base64url'),
    ];
    for (const token of forged) expect(() => cursor.decode(token, links), token).toThrow(ValidationError);
    expect(() => cursor.decode(b64({ pk: 'CE#c#e', sk: 'LINK#1.1#01' }), cycles)).toThrow(ValidationError);
    expect(() => cursor.decode(b64({ pk: 'a', sk: 'b', gsi1pk: 'FRAMEWORKS', gsi1sk: 'x' }), cycles)).toThrow(
      ValidationError,
    );
  });

  it('fails loudly (a programming error) on a key condition it cannot check', () => {
    const token = b64({ pk: 'a', sk: 'b' });
    expect(() => cursor.decode(token, { KeyConditionExpression: 'begins_with(sk, :s)' })).toThrow(
      /unsupported key condition/,
    );
  });
});
