/**
 * One export job's life in the browser: request it (POST, 202), poll it every POLL_MS until it is done or
 * failed, and download a file — always from a fresh answer, since the presigned URLs last only minutes.
 * Works for an entity's dossier and for the cycle's council table.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiClient, ApiError } from '../../api/client.ts';
import type { EntityPart, ExportDownload, ExportJobView } from '../../api/types.ts';
import { useServices } from '../../app/context.tsx';
import { translate } from '../../i18n/i18n.tsx';
import { entityExportBody, freshDownload, lacksDownloads, nextPoll } from './model.ts';

export type ExportTarget =
  | { scope: 'entity'; cycleId: string; entityId: string }
  | { scope: 'cycle'; cycleId: string };

/** An entity export's parts and unit (a cycle export has one part only: `{}`). */
export interface ExportRequest {
  parts?: EntityPart[];
  unitId?: string;
}

const jobKey = (target: ExportTarget, jobId: string | undefined) =>
  ['export-job', target.cycleId, target.scope === 'entity' ? target.entityId : '', jobId ?? ''] as const;

/** Saves a presigned URL's file: the bucket answers with the file as an attachment, the page stays. */
function startDownload(url: string, fileName: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.normalize('NFC');
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Asks for a job (POST, 202): the entity's parts and unit, or the cycle's council table. */
function requestExport(api: ApiClient, target: ExportTarget, req: ExportRequest): Promise<ExportJobView> {
  return target.scope === 'entity'
    ? api.call('requestEntityExport', {
        params: { cycleId: target.cycleId, entityId: target.entityId },
        body: entityExportBody(req.parts ?? [], req.unitId),
      })
    : api.call('requestCycleExport', {
        params: { cycleId: target.cycleId },
        body: { parts: ['council-table'] },
      });
}

/** One reading of a job, with fresh download links. */
function fetchExportJob(api: ApiClient, target: ExportTarget, jobId: string): Promise<ExportJobView> {
  return target.scope === 'entity'
    ? api.call('getEntityExport', {
        params: { cycleId: target.cycleId, entityId: target.entityId, jobId },
      })
    : api.call('getCycleExport', { params: { cycleId: target.cycleId, jobId } });
}

/** The file clicked is no longer in the job's fresh answer (expired or cleaned up). */
const goneError = () =>
  new ApiError(410, 'GONE', { vi: translate('vi', 'dossier.gone'), en: translate('en', 'dossier.gone') });

export function useExportJob(target: ExportTarget) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string>();

  const fetchJob = (id: string) => fetchExportJob(api, target, id);

  const request = useMutation({
    mutationFn: (req: ExportRequest) => requestExport(api, target, req),
    onSuccess: (view) => {
      const key = jobKey(target, view.job.jobId);
      queryClient.setQueryData(key, view);
      if (lacksDownloads(view)) void queryClient.invalidateQueries({ queryKey: key });
      setJobId(view.job.jobId);
    },
  });

  const poll = useQuery({
    queryKey: jobKey(target, jobId),
    queryFn: () => fetchJob(jobId!),
    enabled: Boolean(jobId),
    // The POST's answer is the first reading; the interval asks again until the job is finished.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (q) => nextPoll(q.state.data, q.state.status === 'error'),
  });

  const download = useMutation({
    mutationFn: async (clicked: ExportDownload) => {
      const fresh = jobId ? await fetchJob(jobId) : undefined;
      if (fresh) queryClient.setQueryData(jobKey(target, jobId), fresh);
      const file = fresh && freshDownload(fresh.downloads, clicked);
      if (!file) throw goneError();
      startDownload(file.url, file.fileName);
    },
  });

  const view = jobId ? poll.data : undefined;
  return {
    view,
    /** The request found the same data already exported: its file is answered again. */
    reused: Boolean(view && request.data?.job.jobId === view.job.jobId && request.data.reused),
    start: (req: ExportRequest) => {
      download.reset();
      request.mutate(req);
    },
    starting: request.isPending,
    requestError: request.error,
    /** The last request again (after an error, or when its job failed: a failed job is never reused). */
    retry: () => {
      if (!request.variables) return;
      download.reset();
      request.mutate(request.variables);
    },
    /** A reading of the job is on its way (the links of a reused job, or the next poll). */
    fetching: poll.isFetching,
    pollError: poll.isError ? poll.error : undefined,
    retryPoll: () => void poll.refetch(),
    download: (file: ExportDownload) => download.mutate(file),
    downloading: download.isPending ? download.variables : undefined,
    downloadError: download.error,
    /** Forget the job (the options changed: its file no longer answers them). */
    clear: () => {
      setJobId(undefined);
      request.reset();
      download.reset();
    },
  };
}

export type ExportJobState = ReturnType<typeof useExportJob>;
