/**
 * The uploader's queue. Per file: ask the API for a presigned PUT (or a plan of parts) → send the bytes →
 * poll the evidence list until the server's finalize step has checked the file (available or quarantined) →
 * refresh the lists and readiness. A retry reuses the presigned URL while it is valid; its 412 (the cancelled
 * attempt had in fact stored the file) counts as sent (`settlePut`).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CriterionRef } from '../../../api/client.ts';
import {
  evidenceView,
  IN_PROGRESS_STATES,
  multipartOf,
  type SinglePut,
  singlePutOf,
  ticketFileOf,
} from '../../../api/evidence-view.ts';
import { putFile, settlePut } from '../../../api/upload.ts';
import { useServices } from '../../../app/context.tsx';
import { queryKeys } from '../../../app/queries.ts';
import { sendParts } from './send-parts.ts';
import {
  type Item,
  POLL_DEADLINE_MS,
  putFailure,
  requestFailure,
  TICKET_MARGIN_MS,
  type Ticket,
} from './upload-model.ts';

/** The rows and the row updater; `aborters` cancels what each row is doing now. */
function useRows() {
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const aborters = useRef(new Map<string, () => void>());
  const update = useCallback((id: string, patch: Partial<Item>) => {
    setItems((list) => list.map((it) => (it.id === id ? { ...it, ...patch } : it)));
  }, []);
  useEffect(() => {
    const map = aborters.current;
    return () => {
      for (const abort of map.values()) abort();
    };
  }, []);
  return { items, setItems, itemsRef, aborters, update };
}

type Rows = ReturnType<typeof useRows>;

/** After the bytes: poll the evidence list until finalize has checked the file, then refresh lists and readiness. */
function useFinalize(criterionRef: CriterionRef, itemsRef: Rows['itemsRef'], update: Rows['update']) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({
      queryKey: queryKeys.evidence(criterionRef.cycleId, criterionRef.entityId, criterionRef.criterionCode),
    });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.readiness(criterionRef.cycleId, criterionRef.entityId),
    });
  }, [queryClient, criterionRef]);

  const waitForFinalize = useCallback(
    async (id: string, evidenceId: string) => {
      const until = Date.now() + POLL_DEADLINE_MS;
      let delay = 700;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 1.5, 4000);
        if (!itemsRef.current.some((it) => it.id === id)) return; // removed meanwhile
        try {
          const page = await api.call('listEvidence', { params: { ...criterionRef }, query: { limit: 100 } });
          const found = page.items.find((e) => e.evidenceId === evidenceId);
          const ev = found && evidenceView(found);
          if (ev && !IN_PROGRESS_STATES.includes(ev.state)) {
            update(id, { status: ev.state === 'quarantined' ? 'quarantined' : 'done', evidence: ev });
            refresh();
            return;
          }
        } catch {
          // A failed poll on a flaky line is not a failed upload: keep trying until the deadline.
        }
      }
      update(id, { slow: true });
      refresh();
    },
    [api, criterionRef, update, refresh, itemsRef],
  );

  return { refresh, waitForFinalize };
}

/** The API's ticket for a row: a presigned PUT, or the plan of parts for a large file. */
function useTicketRequest(criterionRef: CriterionRef, aborters: Rows['aborters'], update: Rows['update']) {
  const { api } = useServices();
  return useCallback(
    async (id: string, item: Item & { contentType: string }): Promise<Ticket | undefined> => {
      const controller = new AbortController();
      aborters.current.set(id, () => controller.abort());
      update(id, { status: 'requesting', error: undefined, issues: undefined, loaded: 0, slow: false });
      try {
        const answer = await api.call('requestUpload', {
          params: { ...criterionRef },
          body: {
            fileName: item.file.name,
            contentType: item.contentType,
            sizeBytes: item.file.size,
            ...(item.documentType ? { documentType: item.documentType } : {}),
          },
          signal: controller.signal,
        });
        const target = ticketFileOf(answer);
        const parts = multipartOf(answer.upload);
        return {
          evidenceId: answer.evidence.evidenceId,
          put: singlePutOf(answer.upload),
          multipart:
            parts && target.fileId
              ? { ...parts, fileId: target.fileId, revision: target.revision, etags: {} }
              : undefined,
        };
      } catch (e) {
        update(id, requestFailure(e));
        return undefined;
      } finally {
        aborters.current.delete(id);
      }
    },
    [api, criterionRef, update, aborters],
  );
}

export function useUploadQueue(criterionRef: CriterionRef) {
  const { api } = useServices();
  const { items, setItems, itemsRef, aborters, update } = useRows();

  const { refresh, waitForFinalize } = useFinalize(criterionRef, itemsRef, update);
  const requestTicket = useTicketRequest(criterionRef, aborters, update);

  /** One presigned PUT of the whole file. */
  const sendSingle = useCallback(
    async (id: string, file: File, put: SinglePut): Promise<boolean> => {
      const handle = putFile(put, file, (loaded) => update(id, { loaded }));
      aborters.current.set(id, handle.abort);
      const result = await settlePut(handle);
      aborters.current.delete(id);
      if (!result.stored) update(id, putFailure(result.error, { ticket: undefined }));
      return result.stored;
    },
    [update, aborters],
  );

  const start = useCallback(
    async (id: string) => {
      const item = itemsRef.current.find((it) => it.id === id);
      if (!item?.contentType) return;
      let ticket = item.ticket;
      const singleExpired = ticket?.put && Date.parse(ticket.put.expiresAt) - Date.now() < TICKET_MARGIN_MS;
      if (!ticket || singleExpired) {
        ticket = await requestTicket(id, { ...item, contentType: item.contentType });
        if (!ticket) return;
        update(id, { ticket });
      }
      update(id, { status: 'uploading', error: undefined, issues: undefined, slow: false });
      if (!ticket.multipart && !ticket.put)
        return update(id, { status: 'failed', error: { key: 'upload.multipart' } });
      const sent = ticket.multipart
        ? await sendParts({ api, criterionRef, update, aborters: aborters.current }, id, item.file, ticket)
        : await sendSingle(id, item.file, ticket.put!);
      if (!sent) return;
      update(id, { status: 'finalizing', part: undefined });
      refresh();
      await waitForFinalize(id, ticket.evidenceId);
    },
    [api, criterionRef, update, refresh, waitForFinalize, sendSingle, requestTicket, itemsRef, aborters],
  );

  /** New rows go first; the ones that passed the pre-check start at once. */
  const add = (added: Item[]) => {
    itemsRef.current = [...added, ...itemsRef.current];
    setItems(itemsRef.current);
    for (const it of added) if (it.status === 'requesting') void start(it.id);
  };
  const cancel = (id: string) => aborters.current.get(id)?.();
  const remove = (id: string) => setItems((list) => list.filter((it) => it.id !== id));
  return { items, add, start, cancel, remove };
}
