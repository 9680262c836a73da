/**
 * The evidence routes the criterion and review pages call beyond listing and uploading: one evidence with its
 * revisions, metadata edits, links, the bin, search and new files. All through `ApiClient.call` with the
 * route table's ids; types from the route table's schemas.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client.ts';
import type { Body, Output } from '../../api/types.ts';
import { queryKeys } from '../../app/queries.ts';

export type EvidenceDetail = Output<'getEvidence'>;
export type EvidenceItem = Output<'editEvidence'>;
export type EditBody = Body<'editEvidence'>;
export type SearchPage = Output<'searchEvidence'>;
export type AddFileBody = Body<'addEvidenceFile'>;
export type AddFileTicket = Output<'addEvidenceFile'>;
export type ReviewBody = Body<'reviewEvidence'>;

export interface EvidenceRef {
  cycleId: string;
  entityId: string;
  evidenceId: string;
}

const params = (r: EvidenceRef) => ({ cycleId: r.cycleId, entityId: r.entityId, evidenceId: r.evidenceId });

export const evidenceApi = {
  get: (api: ApiClient, r: EvidenceRef) => api.call('getEvidence', { params: params(r) }),
  edit: (api: ApiClient, r: EvidenceRef, body: EditBody) =>
    api.call('editEvidence', { params: params(r), body }),
  remove: (api: ApiClient, r: EvidenceRef) => api.call('deleteEvidence', { params: params(r) }),
  restore: (api: ApiClient, r: EvidenceRef) => api.call('restoreEvidence', { params: params(r) }),
  link: (api: ApiClient, r: EvidenceRef, criterionCode: string) =>
    api.call('linkEvidence', { params: { ...params(r), criterionCode } }),
  unlink: (api: ApiClient, r: EvidenceRef, criterionCode: string) =>
    api.call('unlinkEvidence', { params: { ...params(r), criterionCode } }),
  search: (
    api: ApiClient,
    cycleId: string,
    query: {
      entityId?: string;
      criterionCode?: string;
      q?: string;
      deleted?: 'exclude' | 'include' | 'only';
      limit?: number;
    },
    signal?: AbortSignal,
  ) => api.call('searchEvidence', { params: { cycleId }, query, signal }),
  addFile: (api: ApiClient, r: EvidenceRef, body: AddFileBody, signal?: AbortSignal) =>
    api.call('addEvidenceFile', { params: params(r), body, signal }),
  /** The reviewer's verdict, at the version the reviewer looked at (409 if the evidence changed since). */
  review: (api: ApiClient, r: EvidenceRef, body: ReviewBody) =>
    api.call('reviewEvidence', { params: params(r), body }),
};

export const evidenceKeys = {
  detail: (r: EvidenceRef) => ['evidence-detail', r.cycleId, r.entityId, r.evidenceId] as const,
  search: (cycleId: string, entityId: string, q: string) =>
    ['evidence-search', cycleId, entityId, q] as const,
  bin: (cycleId: string, entityId: string, code: string) =>
    ['evidence-bin', cycleId, entityId, code] as const,
};

/** After any change to an evidence: every criterion list of the entity, readiness, search, bin and detail. */
export function refreshEvidence(queryClient: QueryClient, cycleId: string, entityId: string) {
  const evidenceLists = queryKeys.evidence(cycleId, entityId, '').slice(0, 3);
  void queryClient.invalidateQueries({ queryKey: evidenceLists });
  void queryClient.invalidateQueries({ queryKey: queryKeys.readiness(cycleId, entityId) });
  void queryClient.invalidateQueries({ queryKey: ['evidence-search', cycleId, entityId] });
  void queryClient.invalidateQueries({ queryKey: ['evidence-bin', cycleId, entityId] });
  void queryClient.invalidateQueries({ queryKey: ['evidence-detail', cycleId, entityId] });
}
