import * as z from 'zod/mini';
import { bilingual, droppable, id, isoDate } from '#domain/common.ts';
import { OUTBOX_STATUSES, RESOLUTIONS } from '#domain/outbox.ts';
import { REMINDER_KINDS } from '#domain/reminders.ts';
import { extendObject } from '#domain/zod-lean.ts';
import { page, pageQuery } from '#http/schemas.ts';
import { defineRoute } from './types.ts';

const note = /* @__PURE__ */ droppable(() =>
  z.object({
    cycleId: z.optional(z.string()),
    entityId: z.optional(z.string()),
    unitId: z.optional(z.string()),
    message: bilingual,
  }),
);

export const previewResponse = /* @__PURE__ */ droppable(() =>
  z.object({
    date: isoDate,
    deliveries: z.array(
      z.object({
        channel: z.enum(['email', 'webhook']),
        kind: z.enum(REMINDER_KINDS),
        role: z.enum(['to', 'cc']),
        recipient: z.optional(
          z.object({ userId: z.string(), email: z.string(), name: z.string(), locale: z.enum(['vi', 'en']) }),
        ),
        audience: z.optional(z.string()),
        cycleId: z.string(),
        entityId: z.optional(z.string()),
        unitId: z.optional(z.string()),
        subject: z.string(),
        text: z.string(),
        reason: bilingual,
        storedStatus: z
          .optional(z.enum(OUTBOX_STATUSES))
          .check(z.describe('Status of the stored message, when one exists')),
      }),
    ),
    notes: z.array(note),
  }),
);

const dateQuery = /* @__PURE__ */ droppable(() =>
  z.object({
    date: z.optional(isoDate).check(z.describe('Local date (Asia/Ho_Chi_Minh); default today')),
  }),
);

export const outboxItem = /* @__PURE__ */ droppable(() =>
  z.object({
    key: z.string(),
    messageId: z.string(),
    date: isoDate,
    kind: z.enum(REMINDER_KINDS),
    dedupeKind: z.string(),
    channel: z.enum(['email', 'webhook']),
    recipientKey: z.string(),
    address: z.string(),
    recipientName: z.optional(z.string()),
    role: z.enum(['to', 'cc']),
    locale: z.enum(['vi', 'en']),
    cycleId: z.string(),
    entityId: z.optional(z.string()),
    unitId: z.optional(z.string()),
    reason: bilingual,
    subject: z.string(),
    text: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    leaseUntil: z.optional(z.string()),
    claimedAt: z.optional(z.string()),
    sentAt: z.optional(z.string()),
    providerMessageId: z.optional(z.string()),
    lastError: z.optional(z.string()),
    resolution: z
      .optional(z.enum(RESOLUTIONS))
      .check(
        z.describe('How a send interrupted mid-way was settled (confirmed by the mail provider, or resent)'),
      ),
    resolvedAt: z.optional(z.string()),
  }),
);

export const previewReminders = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/reminders/preview',
  fn: 'preview-reminders',
  tag: 'reminders',
  summary: {
    vi: 'Xem trước nhắc việc của một ngày (không gửi, không ghi)',
    en: 'Preview the reminders of a date (nothing sent or recorded)',
  },
  auth: 'jwt',
  action: 'reminder:preview',
  query: extendObject(dateQuery, { cycleId: z.optional(id) }),
  success: { status: 200, description: 'What would be sent, to whom and why' },
}));

export const previewEntityReminders = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/cycles/{cycleId}/entities/{entityId}/reminders/preview',
  fn: 'preview-entity-reminders',
  tag: 'reminders',
  summary: {
    vi: 'Xem trước nhắc việc của một đơn vị được đánh giá',
    en: 'Preview the reminders of one assessed entity',
  },
  auth: 'jwt',
  action: 'reminder:preview',
  params: z.object({ cycleId: id, entityId: id }),
  query: dateQuery,
  success: { status: 200, description: 'What would be sent, to whom and why' },
}));

export const listOutbox = /* @__PURE__ */ defineRoute(() => ({
  method: 'GET',
  path: '/v1/reminders/outbox',
  fn: 'list-outbox',
  tag: 'reminders',
  summary: { vi: 'Thư nhắc việc đã lưu của một ngày', en: 'Stored reminder messages of a date' },
  auth: 'jwt',
  action: 'reminder:outbox',
  query: pageQuery(dateQuery.shape),
  success: { status: 200, description: 'Messages with status and reason' },
}));

/** This module's routes (routes.ts, the CDK API, the local gateway, OpenAPI). */
export const remindersRoutes = { previewReminders, previewEntityReminders, listOutbox };

/**
 * What each route answers on success, by route id: read by the route table (OpenAPI, web types), never by a
 * handler, so it stays out of every function's bundle.
 */
export const remindersResponses = /* @__PURE__ */ droppable(() => ({
  previewReminders: previewResponse,
  previewEntityReminders: previewResponse,
  listOutbox: page(outboxItem),
}));
