/**
 * Sends a file's bytes to the presigned URL with XHR (fetch has no upload progress). The headers are exactly
 * the ones the API signed, minus those a browser sets itself (it refuses to let scripts set content-length).
 */

const BROWSER_OWNED = new Set(['content-length', 'host', 'connection', 'expect']);

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

export function putFile(
  upload: { method: 'PUT'; url: string; headers: Record<string, string> },
  file: Blob,
  onProgress: (loaded: number, total: number) => void,
): PutHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<string | undefined>((resolve, reject) => {
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) {
      if (!BROWSER_OWNED.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve(xhr.getResponseHeader('etag') ?? undefined);
      } else {
        const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? '')?.[1];
        reject(new PutError(xhr.status, code));
      }
    };
    xhr.onerror = () => reject(new PutError(0));
    xhr.ontimeout = () => reject(new PutError(0));
    xhr.onabort = () => reject(new PutAborted());
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

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
