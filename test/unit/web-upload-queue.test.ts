/** The uploader's pure row model (web/src/pages/criterion/upload/upload-model.ts). */
import { describe, expect, it } from 'vitest';
import { PutAborted, PutError } from '#web/api/put-outcome.ts';
import {
  missingParts,
  progressStatus,
  putFailure,
  requestFailure,
} from '#web/pages/criterion/upload/upload-model.ts';

describe('upload rows', () => {
  it('asks for at most 100 missing parts, from the first missing one on', () => {
    expect(missingParts({ 1: 'a', 3: 'c' }, 1, 5)).toEqual([2, 4, 5]);
    expect(missingParts({}, 1, 250)).toHaveLength(100);
    expect(missingParts({}, 101, 250)[0]).toBe(101);
  });

  it('shows failures as exceptions, done as success, a cancel as normal, the rest as active', () => {
    expect(['failed', 'rejected', 'quarantined'].map((s) => progressStatus(s as never))).toEqual([
      'exception',
      'exception',
      'exception',
    ]);
    expect(progressStatus('done')).toBe('success');
    expect(progressStatus('cancelled')).toBe('normal');
    expect(progressStatus('uploading')).toBe('active');
  });

  it('turns a failed PUT into cancelled, expired (with the caller patch) or failed with the status', () => {
    expect(putFailure(new PutAborted())).toEqual({ status: 'cancelled' });
    expect(putFailure(new PutError(403, 'x'), { ticket: undefined })).toEqual({
      ticket: undefined,
      status: 'failed',
      error: { key: 'upload.expired' },
    });
    expect(putFailure(new PutError(500, 'x'))).toEqual({
      status: 'failed',
      error: { key: 'upload.putFailed', vars: { status: 500 } },
    });
    expect(putFailure(new Error('offline'))).toEqual({ status: 'failed', error: { key: 'error.network' } });
  });

  it('turns a refused request into rejected (400) or failed, and an abort into cancelled', () => {
    const abort = Object.assign(new Error('a'), { name: 'AbortError' });
    expect(requestFailure(abort)).toEqual({ status: 'cancelled' });
    expect(requestFailure(new Error('offline'))).toEqual({
      status: 'failed',
      error: { key: 'error.network' },
    });
  });
});
