/**
 * Types, query keys and cache refresh for the evidence routes the criterion and review pages call beyond
 * listing and uploading (one evidence with its revisions, metadata edits, links, the bin, search, new files).
 * The calls themselves are `api.call` with the route's id; types from the route table's schemas.
 */
import type { QueryClient } from '@tanstack/react-query';
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
