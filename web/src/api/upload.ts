/**
 * Sends a file's bytes to the presigned URL with XHR (fetch has no upload progress). The headers are exactly
 * the ones the API signed, minus those a browser sets itself (it refuses to let scripts set content-length).
 */
import { PutAborted, PutError, type PutHandle, putErrorOf } from './put-outcome.ts';

export { PutAborted, PutError, type PutHandle, type PutResult, settlePut } from './put-outcome.ts';

const BROWSER_OWNED = new Set(['content-length', 'host', 'connection', 'expect']);

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
        reject(putErrorOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new PutError(0));
    xhr.ontimeout = () => reject(new PutError(0));
    xhr.onabort = () => reject(new PutAborted());
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
