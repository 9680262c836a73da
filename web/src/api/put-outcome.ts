/** How a PUT to a presigned URL ended, apart from the XHR that sends it (upload.ts): plain data, no DOM. */

export interface PutHandle {
  /** Resolves with the object's (or part's) ETag when S3 exposes it. */
  done: Promise<string | undefined>;
  abort(): void;
}

export class PutError extends Error {
  readonly status: number;
  /** S3's error code (e.g. `AccessDenied` when the signature expired), when it sent one. */
  readonly s3Code?: string;
  constructor(status: number, s3Code?: string) {
    super(`PUT failed: ${status}${s3Code ? ` ${s3Code}` : ''}`);
    this.status = status;
    this.s3Code = s3Code;
  }
}

export class PutAborted extends Error {
  constructor() {
    super('aborted');
  }
}

/** A refusal from the store, with S3's `<Code>` from its XML error body when there is one. */
export const putErrorOf = (status: number, body: string | null | undefined) =>
  new PutError(status, /<Code>([^<]+)<\/Code>/.exec(body ?? '')?.[1]);

/** How a whole-file PUT ended: stored, or the error that stopped it. */
export type PutResult = { stored: true; etag?: string } | { stored: false; error: unknown };

/**
 * Waits for a whole-file PUT. The app signs these with `If-None-Match: *` (one key per revision), so S3's
 * 412 PreconditionFailed means this revision's object is already there: an earlier attempt got all its bytes
 * in although its answer never arrived (cancelled just as the last byte left, a dropped line). The file is
 * stored and the server's finalize step settles it, so that is not a failure.
 */
export async function settlePut(handle: PutHandle): Promise<PutResult> {
  try {
    return { stored: true, etag: await handle.done };
  } catch (error) {
    if (error instanceof PutError && error.status === 412) return { stored: true };
    return { stored: false, error };
  }
}
