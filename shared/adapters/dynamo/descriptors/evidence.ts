/** Item types of an evidence: the evidence, its file revisions, criterion links and index entries. */
import * as z from 'zod/mini';
import { criterionCode, droppable, id } from '#domain/common.ts';
import {
  type Evidence,
  type EvidenceRevision,
  evidenceRevisionSchema,
  evidenceSchema,
  searchTextOf,
} from '#domain/evidence.ts';
import type { EvidenceLink } from '#ports.ts';
import { itemType } from '../kernel/descriptor.ts';
import * as keys from '../keys.ts';

type EvidenceIds = Pick<Evidence, 'cycleId' | 'entityId' | 'evidenceId'>;

export const evidenceItem = /* @__PURE__ */ droppable(() =>
  itemType<Evidence>({
    type: 'evidence',
    schema: evidenceSchema,
    key: (ev) => keys.evidence(ev.cycleId, ev.entityId, ev.evidenceId),
    index: (ev) => keys.evidenceCycleIndex(ev.cycleId, ev.evidenceId),
    // Folded once at write time so search is a filter on one attribute.
    attributes: (ev) => ({ searchText: searchTextOf(ev), ...ev }),
  }),
);

export const revisionKey = (
  r: Pick<EvidenceRevision, 'cycleId' | 'entityId' | 'evidenceId' | 'fileId' | 'revision'>,
) => keys.evidenceRevision(r.cycleId, r.entityId, r.evidenceId, r.fileId, r.revision);

/** While unsettled a revision carries the sparse index keys the upload redrive queries. */
const UNSETTLED: ReadonlySet<string> = new Set(['pending_upload', 'scanning']);

export const revisionItem = /* @__PURE__ */ droppable(() =>
  itemType<EvidenceRevision>({
    type: 'evidence-revision',
    schema: evidenceRevisionSchema,
    key: revisionKey,
    index: (r) => (UNSETTLED.has(r.state) ? keys.unsettledRevisionIndex(r.createdAt, r) : {}),
  }),
);

const linkSchema: z.ZodMiniType<EvidenceLink> = /* @__PURE__ */ droppable(() =>
  z.object({
    evidenceId: id,
    criterionCode,
    needsConfirmation: z.boolean(),
    linkedBy: z.string(),
    linkedAt: z.string(),
  }),
);

export const linkItem = /* @__PURE__ */ droppable(() =>
  itemType<EvidenceLink, { at: EvidenceIds; link: EvidenceLink }>({
    type: 'evidence-link',
    schema: linkSchema,
    key: ({ at, link }) => keys.evidenceLink(at.cycleId, at.entityId, link.criterionCode, link.evidenceId),
    attributes: ({ link }) => ({ ...link }),
  }),
);

export interface ShaEntry {
  evidenceId: string;
  fileId: string;
  revision: number;
}

export const shaItem = /* @__PURE__ */ droppable(() =>
  itemType<ShaEntry, { at: EvidenceIds; sha256: string; fileId: string; revision: number }>({
    type: 'evidence-sha',
    schema: z.object({ evidenceId: id, fileId: id, revision: z.number().check(z.int()) }),
    key: ({ at, sha256 }) => keys.evidenceSha(at.cycleId, at.entityId, sha256, at.evidenceId),
    attributes: ({ at, fileId, revision }) => ({ evidenceId: at.evidenceId, fileId, revision }),
  }),
);

export const carryItem = /* @__PURE__ */ droppable(() =>
  itemType<{ evidenceId: string }, { at: EvidenceIds; fromCycleId: string; sourceEvidenceId: string }>({
    type: 'evidence-carry',
    schema: z.object({ evidenceId: id }),
    key: ({ at, fromCycleId, sourceEvidenceId }) =>
      keys.evidenceCarry(at.cycleId, at.entityId, fromCycleId, sourceEvidenceId),
    attributes: ({ at }) => ({ evidenceId: at.evidenceId }),
  }),
);
