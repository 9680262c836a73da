/**
 * The browser's whole-file PUT (web/src/api/upload.ts) through a stand-in XMLHttpRequest: S3's 412 on the
 * conditional PUT means an earlier attempt already stored this revision's object, so the file counts as sent
 * and the row goes on to wait for finalize; every other refusal, a dropped line or a cancel stays a failure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PutAborted, PutError, putFile, settlePut } from '../../web/src/api/upload.ts';

type Outcome = { status: number; body?: string; etag?: string } | 'network-error' | 'abort';

/** Answers every send() with `outcome` on the next tick, as XHR fires its events asynchronously. */
function fakeXhr(outcome: Outcome) {
  const sent: { method: string; url: string; headers: Record<string, string> }[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    ontimeout?: () => void;
    onabort?: () => void;
    private etag?: string;
    private req = { method: '', url: '', headers: {} as Record<string, string> };
    open(method: string, url: string) {
      this.req = { method, url, headers: {} };
    }
    setRequestHeader(name: string, value: string) {
      this.req.headers[name] = value;
    }
    getResponseHeader(name: string) {
      return name.toLowerCase() === 'etag' ? (this.etag ?? null) : null;
    }
    abort() {
      setTimeout(() => this.onabort?.());
    }
    send(body: Blob) {
      sent.push(this.req);
      setTimeout(() => {
        if (outcome === 'abort') return;
        if (outcome === 'network-error') return this.onerror?.();
        this.upload.onprogress?.({ loaded: body.size, total: body.size, lengthComputable: true });
        this.status = outcome.status;
        this.responseText = outcome.body ?? '';
        this.etag = outcome.etag;
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

const ticket = {
  method: 'PUT' as const,
  url: 'http://localhost:4569/bucket/evidence/e/1',
  headers: { 'content-type': 'application/pdf', 'if-none-match': '*', 'content-length': '9' },
};
const file = new Blob(['%PDF-1.4\n']);
const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a whole-file PUT signed with If-None-Match: *', () => {
  it('stored: 200 with its ETag; the signed headers are sent except those the browser owns', async () => {
    const sent = fakeXhr({ status: 200, etag: '"abc"' });
    expect(await settlePut(putFile(ticket, file, () => {}))).toEqual({ stored: true, etag: '"abc"' });
    expect(sent[0]!.headers).toEqual({ 'content-type': 'application/pdf', 'if-none-match': '*' });
  });

  it('412 PreconditionFailed (a retry after the earlier attempt got all its bytes in) counts as stored', async () => {
    fakeXhr({ status: 412, body: PRECONDITION_FAILED });
    const handle = putFile(ticket, file, () => {});
    // What putFile itself reports: S3's status and code.
    const raw = await handle.done.catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(PutError);
    expect(raw).toMatchObject({ status: 412, s3Code: 'PreconditionFailed' });
    expect(await settlePut(handle)).toEqual({ stored: true });
  });

  it.each([
    [403, 'AccessDenied'],
    [400, 'IncompleteBody'],
    [409, 'ConditionalRequestConflict'],
    [500, 'InternalError'],
    [503, 'SlowDown'],
  ])('%i %s stays a failure with its status and code', async (status, code) => {
    fakeXhr({ status, body: `<Error><Code>${code}</Code></Error>` });
    const result = await settlePut(putFile(ticket, file, () => {}));
    expect(result.stored).toBe(false);
    expect(!result.stored && result.error).toMatchObject({ status, s3Code: code });
  });

  it('a dropped line and a cancel are failures, the cancel told apart', async () => {
    fakeXhr('network-error');
    const dropped = await settlePut(putFile(ticket, file, () => {}));
    expect(!dropped.stored && dropped.error).toMatchObject({ status: 0 });

    fakeXhr('abort');
    const handle = putFile(ticket, file, () => {});
    handle.abort();
    const cancelled = await settlePut(handle);
    expect(!cancelled.stored && cancelled.error).toBeInstanceOf(PutAborted);
  });
});
