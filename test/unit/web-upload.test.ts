/**
 * How the browser's whole-file PUT ends (web/src/api/put-outcome.ts): S3's 412 on the conditional PUT means an
 * earlier attempt already stored this revision's object, so the file counts as sent and the row goes on to
 * wait for finalize; every other refusal, a dropped line or a cancel stays a failure.
 */
import { describe, expect, it } from 'vitest';
import { PutAborted, PutError, type PutHandle, putErrorOf, settlePut } from '#web/api/put-outcome.ts';

const answered = (etag?: string): PutHandle => ({ done: Promise.resolve(etag), abort: () => {} });
const failed = (error: unknown): PutHandle => ({ done: Promise.reject(error), abort: () => {} });
const s3Error = (code: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>…</Message>${extra}</Error>`;

describe('a whole-file PUT signed with If-None-Match: *', () => {
  it('stored: 2xx with its ETag', async () => {
    expect(await settlePut(answered('"abc"'))).toEqual({ stored: true, etag: '"abc"' });
  });

  it('412 PreconditionFailed (a retry after the earlier attempt got all its bytes in) counts as stored', async () => {
    const refusal = putErrorOf(412, s3Error('PreconditionFailed', '<Condition>If-None-Match</Condition>'));
    expect(refusal).toMatchObject({ status: 412, s3Code: 'PreconditionFailed' });
    expect(await settlePut(failed(refusal))).toEqual({ stored: true });
  });

  it.each([
    [403, 'AccessDenied'],
    [400, 'IncompleteBody'],
    [409, 'ConditionalRequestConflict'],
    [500, 'InternalError'],
    [503, 'SlowDown'],
  ])('%i %s stays a failure with its status and code', async (status, code) => {
    const result = await settlePut(failed(putErrorOf(status, s3Error(code))));
    expect(result.stored).toBe(false);
    expect(!result.stored && result.error).toMatchObject({ status, s3Code: code });
  });

  it('a refusal without an XML body keeps its status; a dropped line and a cancel are failures', async () => {
    expect(putErrorOf(502, '')).toMatchObject({ status: 502, s3Code: undefined });
    const dropped = await settlePut(failed(new PutError(0)));
    expect(!dropped.stored && dropped.error).toMatchObject({ status: 0 });
    const cancelled = await settlePut(failed(new PutAborted()));
    expect(!cancelled.stored && cancelled.error).toBeInstanceOf(PutAborted);
  });
});
