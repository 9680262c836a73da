/**
 * A large file in parts, one at a time (a slow line gains nothing from more). Each part's ETag is kept, so
 * Retry after a drop or a cancel resumes at the first missing part, asking for fresh URLs when they expired.
 */
import { type ApiClient, ApiError, type CriterionRef } from '../../../api/client.ts';
import { multipartOf } from '../../../api/evidence-view.ts';
import { PutError, putFile } from '../../../api/upload.ts';
import {
  type Item,
  missingParts,
  putFailure,
  requestFailure,
  TICKET_MARGIN_MS,
  type Ticket,
} from './upload-model.ts';

export interface SendContext {
  api: ApiClient;
  criterionRef: CriterionRef;
  update: (id: string, patch: Partial<Item>) => void;
  /** How to cancel what each row is doing now. */
  aborters: Map<string, () => void>;
}

type Plan = NonNullable<Ticket['multipart']>;
type PartUrl = Plan['parts'][number];

/** The state of one file's parts while they are sent: the URLs in hand, when they expire, the ETags so far. */
class PartsRun {
  readonly mp: Plan;
  readonly file: File;
  etags: Record<number, string>;
  urls: Map<number, PartUrl>;
  expiresAt: string;
  constructor(mp: Plan, file: File) {
    this.mp = mp;
    this.file = file;
    this.etags = { ...mp.etags };
    this.urls = new Map(mp.parts.map((p) => [p.partNumber, p]));
    this.expiresAt = mp.expiresAt;
  }
  sizeOf(n: number) {
    return n < this.mp.partCount
      ? this.mp.partBytes
      : this.file.size - this.mp.partBytes * (this.mp.partCount - 1);
  }
  doneBytes() {
    return Object.keys(this.etags).reduce((sum, n) => sum + this.sizeOf(Number(n)), 0);
  }
  needsUrls(n: number) {
    return !this.urls.get(n) || Date.parse(this.expiresAt) - Date.now() < TICKET_MARGIN_MS;
  }
  ticket(ticket: Ticket): Ticket {
    const multipart = {
      ...this.mp,
      etags: { ...this.etags },
      parts: [...this.urls.values()],
      expiresAt: this.expiresAt,
    };
    return { ...ticket, multipart };
  }
}

/** Fresh URLs for the parts still missing from `n` on; false (row updated) when the request failed. */
async function refreshUrls(ctx: SendContext, id: string, run: PartsRun, fileRef: FileRef, n: number) {
  const controller = new AbortController();
  ctx.aborters.set(id, () => controller.abort());
  try {
    const partNumbers = missingParts(run.etags, n, run.mp.partCount);
    const fresh = multipartOf(
      await ctx.api.call('uploadParts', {
        params: { ...fileRef },
        body: { revision: run.mp.revision, partNumbers },
        signal: controller.signal,
      }),
    );
    run.urls = new Map((fresh?.parts ?? []).map((p) => [p.partNumber, p]));
    run.expiresAt = fresh?.expiresAt ?? run.expiresAt;
    return true;
  } catch (e) {
    return { failure: requestFailure(e) };
  } finally {
    ctx.aborters.delete(id);
  }
}

/** PUT part `n`; its ETag is kept. An expired part URL: forget the URLs, keep the parts; Retry asks for fresh ones. */
async function putPart(ctx: SendContext, id: string, run: PartsRun, url: PartUrl, n: number) {
  ctx.update(id, { part: { n, total: run.mp.partCount } });
  const base = run.doneBytes();
  const from = (n - 1) * run.mp.partBytes;
  const handle = putFile(url, run.file.slice(from, from + run.sizeOf(n)), (loaded) =>
    ctx.update(id, { loaded: base + loaded }),
  );
  ctx.aborters.set(id, handle.abort);
  try {
    const etag = await handle.done;
    if (!etag) throw new PutError(0, 'NoETag');
    run.etags[n] = etag;
    return undefined;
  } catch (e) {
    if (e instanceof PutError && e.status === 403) run.expiresAt = new Date(0).toISOString();
    return putFailure(e);
  } finally {
    ctx.aborters.delete(id);
  }
}

type FileRef = CriterionRef & { evidenceId: string; fileId: string };

/** Tell the API every part is there. 409: an earlier completion got through but its answer was lost. */
async function complete(ctx: SendContext, id: string, run: PartsRun, fileRef: FileRef) {
  try {
    await ctx.api.call('completeUpload', {
      params: { ...fileRef },
      body: {
        revision: run.mp.revision,
        parts: Object.entries(run.etags)
          .map(([n, etag]) => ({ partNumber: Number(n), etag: String(etag) }))
          .sort((a, b) => a.partNumber - b.partNumber),
      },
    });
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 409)) {
      ctx.update(id, requestFailure(e));
      return false;
    }
  }
  return true;
}

export async function sendParts(ctx: SendContext, id: string, file: File, ticket: Ticket): Promise<boolean> {
  const run = new PartsRun(ticket.multipart!, file);
  const fileRef = { ...ctx.criterionRef, evidenceId: ticket.evidenceId, fileId: run.mp.fileId };
  const save = () => ctx.update(id, { ticket: run.ticket(ticket) });
  ctx.update(id, { loaded: run.doneBytes() });
  for (let n = 1; n <= run.mp.partCount; n++) {
    if (run.etags[n]) continue;
    if (run.needsUrls(n)) {
      const got = await refreshUrls(ctx, id, run, fileRef, n);
      if (got !== true) {
        save();
        ctx.update(id, got.failure);
        return false;
      }
    }
    const url = run.urls.get(n);
    if (!url) {
      ctx.update(id, { status: 'failed', error: { key: 'upload.putFailed', vars: { status: 0 } } });
      return false;
    }
    const failure = await putPart(ctx, id, run, url, n);
    save();
    if (failure) {
      ctx.update(id, failure);
      return false;
    }
  }
  return complete(ctx, id, run, fileRef);
}
