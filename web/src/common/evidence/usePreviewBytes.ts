/**
 * The bytes of the file revision a preview shows. The download route answers a short-lived presigned URL whose
 * `Content-Disposition: attachment` would make the browser save the file rather than show it, so the bytes are
 * fetched (with progress) and shown from a `blob:` URL, which the CSP allows in frame-src and img-src.
 */
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client.ts';
import { type FileView, mimeOfKind } from '../../api/evidence-view.ts';
import { useServices } from '../../app/context.tsx';
import { type PreviewChoice, type PreviewTarget, previewKey } from './preview-model.ts';

/** No byte for this long: the connection is considered dropped. */
const STALL_MS = 45_000;

/** The store's GET failed: its status, or 0 when the line dropped or stalled. */
export class FetchFailed extends Error {
  readonly status: number;
  constructor(status: number) {
    super(`GET ${status}`);
    this.status = status;
  }
}

export type Phase =
  | { step: 'idle' }
  | { step: 'asking' }
  | { step: 'loading'; loaded: number; total: number }
  | { step: 'ready'; url: string; bytes: number }
  | { step: 'error'; error: unknown };

/** Reads a response body chunk by chunk so a slow line shows how far it has got. */
async function readWithProgress(
  res: Response,
  type: string,
  total: number,
  onProgress: (loaded: number) => void,
): Promise<Blob> {
  if (!res.body) return new Blob([await res.arrayBuffer()], { type });
  const reader = res.body.getReader();
  const chunks: BlobPart[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(Math.min(loaded, total || loaded));
  }
  return new Blob(chunks, { type });
}

/**
 * A line that stops delivering (not a slow one: any byte re-arms it) is aborted, and then reads as stalled,
 * so it ends in an error with Retry rather than waiting for ever.
 */
function stallWatchdog(controller: AbortController) {
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    arm() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, STALL_MS);
    },
    stop: () => clearTimeout(timer),
    stalled: () => stalled,
  };
}

interface Progress {
  /** The API answered the URL: the size to expect. */
  onTotal: (total: number) => void;
  /** Bytes arrived, `loaded` of `total` so far. */
  onBytes: (loaded: number, total: number) => void;
}

/** Asks the API for the revision's presigned URL, then reads its bytes from the store. */
async function fetchRevision(
  api: ApiClient,
  { target, file, revision }: { target: PreviewTarget; file: FileView; revision?: number },
  signal: AbortSignal,
  progress: Progress,
): Promise<Blob> {
  const answer = await api.call('downloadEvidenceFile', {
    params: {
      cycleId: target.cycleId,
      entityId: target.entityId,
      evidenceId: target.evidence.evidenceId,
      fileId: file.fileId,
    },
    query: { revision },
    signal,
  });
  const total = answer.sizeBytes ?? file.sizeBytes;
  progress.onTotal(total);
  let res: Response;
  try {
    res = await fetch(answer.url, { signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new FetchFailed(0);
  }
  if (!res.ok) throw new FetchFailed(res.status);
  return readWithProgress(res, mimeOfKind(file.kind), total, (loaded) => progress.onBytes(loaded, total));
}

/** One fetch per target, file, revision and retry; the blob URL is released when it is no longer shown. */
export function usePreviewBytes(target: PreviewTarget | null, choice: PreviewChoice) {
  const { api } = useServices();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const objectUrl = useRef<string | undefined>(undefined);
  const { file, revision, canPreview } = choice;
  const targetKey = previewKey(target);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one fetch per file, revision and retry
  useEffect(() => {
    const release = () => {
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
      objectUrl.current = undefined;
    };
    release();
    if (!canPreview || !target || !file) {
      setPhase({ step: 'idle' });
      return;
    }
    const controller = new AbortController();
    const watchdog = stallWatchdog(controller);
    (async () => {
      setPhase({ step: 'asking' });
      watchdog.arm();
      try {
        const blob = await fetchRevision(api, { target, file, revision }, controller.signal, {
          onTotal: (total) => setPhase({ step: 'loading', loaded: 0, total }),
          onBytes: (loaded, total) => {
            watchdog.arm();
            setPhase({ step: 'loading', loaded, total });
          },
        });
        watchdog.stop();
        if (controller.signal.aborted) return;
        objectUrl.current = URL.createObjectURL(blob);
        setPhase({ step: 'ready', url: objectUrl.current, bytes: blob.size });
      } catch (e) {
        watchdog.stop();
        if (watchdog.stalled()) return setPhase({ step: 'error', error: new FetchFailed(0) });
        if (controller.signal.aborted || (e as Error).name === 'AbortError') return;
        setPhase({ step: 'error', error: e });
      }
    })();
    return () => {
      watchdog.stop();
      controller.abort();
      release();
    };
  }, [targetKey, file?.fileId, revision, canPreview, attempt]);

  return { phase, retry: () => setAttempt((n) => n + 1) };
}
