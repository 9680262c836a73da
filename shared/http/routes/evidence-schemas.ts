/** Request and response schemas of the evidence routes (./evidence.ts), apart so that each file stays readable. */
import * as z from 'zod/mini';
import { criterionCode, droppable, id, text } from '#domain/common.ts';
import { EVIDENCE_STATES, evidenceRevisionSchema, evidenceSchema } from '#domain/evidence.ts';
import { coercedNumber, extendObject, isoDateTime } from '#domain/zod-lean.ts';
import { page, pageQuery } from '#http/schemas.ts';

export const criterionParams = /* @__PURE__ */ droppable(() =>
  z.object({ cycleId: id, entityId: id, criterionCode }),
);

export const entityParams = /* @__PURE__ */ droppable(() => z.object({ cycleId: id, entityId: id }));

export const evidenceParams = /* @__PURE__ */ droppable(() =>
  z.object({ cycleId: id, entityId: id, evidenceId: id }),
);

export const fileParams = /* @__PURE__ */ droppable(() => extendObject(evidenceParams, { fileId: id }));

export const linkParams = /* @__PURE__ */ droppable(() => extendObject(evidenceParams, { criterionCode }));

export const presignedPart = /* @__PURE__ */ droppable(() =>
  z.object({
    partNumber: z.number().check(z.int()),
    sizeBytes: z.number().check(z.int()),
    method: z.literal('PUT'),
    url: z.url(),
    headers: z.record(z.string(), z.string()),
  }),
);

export const multipartUpload = /* @__PURE__ */ droppable(() =>
  z.object({
    mode: z.literal('multipart'),
    uploadId: z.string(),
    partBytes: z.number().check(z.int()),
    partCount: z.number().check(z.int()),
    parts: z
      .array(presignedPart)
      .check(z.describe('Presigned PUT per part, each signing its exact content-length')),
    uploadedParts: z
      .optional(
        z.array(
          z.object({
            partNumber: z.number().check(z.int()),
            etag: z.string(),
            sizeBytes: z.number().check(z.int()),
          }),
        ),
      )
      .check(z.describe('Parts the bucket already holds (absent where the store cannot list them)')),
    expiresAt: isoDateTime(),
  }),
);

export const uploadInstructions = /* @__PURE__ */ droppable(() =>
  z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('single'),
      method: z.literal('PUT'),
      url: z.url(),
      headers: z
        .record(z.string(), z.string())
        .check(
          z.describe('Send exactly these headers: content-type and if-none-match are part of the signature'),
        ),
      expiresAt: isoDateTime(),
    }),
    multipartUpload,
  ]),
);

export const uploadResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    evidence: evidenceSchema,
    revision: evidenceRevisionSchema,
    upload: uploadInstructions,
  }),
);

export const evidencePage = /* @__PURE__ */ droppable(() => page(evidenceSchema));

export const evidenceDetail = /* @__PURE__ */ droppable(() =>
  z.object({
    evidence: evidenceSchema,
    revisions: z.array(evidenceRevisionSchema),
  }),
);

export const searchQuery = /* @__PURE__ */ droppable(() =>
  pageQuery({
    /** Members and leaders: their own entity (the default). Admins and reviewers: any, or all when absent. */
    entityId: z.optional(id),
    unitId: z.optional(id),
    criterionCode: z.optional(criterionCode),
    /** Words of the title, số/ký hiệu, issuer or file name; diacritics and case do not matter. */
    q: z.optional(z.string().check(z.maxLength(200))),
    state: z.optional(z.enum(EVIDENCE_STATES)),
    /** `include` / `only` show the bin, for those who may restore. */
    deleted: z._default(z.enum(['exclude', 'include', 'only']), 'exclude'),
  }),
);

export const partsBody = /* @__PURE__ */ droppable(() =>
  z.strictObject({
    revision: z.number().check(z.int(), z.gte(1)),
    /** The parts to (re)upload; absent: every part the store does not hold yet (all, where it cannot say). */
    partNumbers: z.optional(
      z.array(z.number().check(z.int(), z.gte(1), z.lte(10_000))).check(z.minLength(1), z.maxLength(100)),
    ),
  }),
);

export const completeBody = /* @__PURE__ */ droppable(() =>
  z.strictObject({
    revision: z.number().check(z.int(), z.gte(1)),
    parts: z
      .array(
        z.strictObject({
          partNumber: z.number().check(z.int(), z.gte(1), z.lte(10_000)),
          etag: z.string().check(z.minLength(1), z.maxLength(200)),
        }),
      )
      .check(z.minLength(1), z.maxLength(10_000)),
  }),
);

export const downloadQuery = /* @__PURE__ */ droppable(() =>
  z.object({
    /** Any available revision; default: the file's current one. */
    revision: z.optional(coercedNumber().check(z.int(), z.gte(1))),
  }),
);

export const downloadResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    url: z
      .url()
      .check(z.describe('Short-lived presigned GET; the browser saves the file under its original name')),
    expiresAt: isoDateTime(),
    fileName: z.string(),
    revision: z.number().check(z.int()),
    sizeBytes: z.optional(z.number().check(z.int())),
    sha256: z.optional(z.string()),
  }),
);

export const purgeBody = /* @__PURE__ */ droppable(() =>
  z.strictObject({ reason: text(500), version: z.optional(z.number().check(z.int(), z.gte(1))) }),
);

export const purgeResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    evidenceId: id,
    objectsDeleted: z.number().check(z.int()),
    versionsDeleted: z.boolean(),
  }),
);

export const carryForwardResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    carried: z.array(
      z.object({
        sourceEvidenceId: id,
        evidenceId: id,
        unconfirmedCodes: z.array(z.string()),
        unmappedCodes: z.array(z.string()),
      }),
    ),
    alreadyCarried: z.array(z.object({ sourceEvidenceId: id, evidenceId: id })),
    skipped: z.array(z.object({ sourceEvidenceId: id, reason: z.string() })),
    copying: z
      .number()
      .check(
        z.int(),
        z.gte(0),
        z.describe(
          'Files whose copy continues in the background (large, or past the request’s time); their evidence stays pending until it lands',
        ),
      ),
    next: z.optional(z.string()).check(z.describe('Send it back as `cursor` to continue')),
  }),
);
