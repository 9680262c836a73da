import * as z from 'zod';
import { bilingual, id, isoDate } from '#domain/common.ts';
import { OUTBOX_STATUSES, RESOLUTIONS } from '#domain/outbox.ts';
import { REMINDER_KINDS } from '#domain/reminders.ts';
import { page, paginationQuery } from '#http/schemas.ts';
import { defineRoutes } from './types.ts';

const note = z.object({
  cycleId: z.string().optional(),
  entityId: z.string().optional(),
  unitId: z.string().optional(),
  message: bilingual,
});

export const previewResponse = z.object({
  date: isoDate,
  deliveries: z.array(
    z.object({
      channel: z.enum(['email', 'webhook']),
      kind: z.enum(REMINDER_KINDS),
      role: z.enum(['to', 'cc']),
      recipient: z
        .object({ userId: z.string(), email: z.string(), name: z.string(), locale: z.enum(['vi', 'en']) })
        .optional(),
      audience: z.string().optional(),
      cycleId: z.string(),
      entityId: z.string().optional(),
      unitId: z.string().optional(),
      subject: z.string(),
      text: z.string(),
      reason: bilingual,
      storedStatus: z
        .enum(OUTBOX_STATUSES)
        .optional()
        .describe('Status of the stored message, when one exists'),
    }),
  ),
  notes: z.array(note),
});

const dateQuery = z.object({
  date: isoDate.optional().describe('Local date (Asia/Ho_Chi_Minh); default today'),
});

export const outboxItem = z.object({
  key: z.string(),
  messageId: z.string(),
  date: isoDate,
  kind: z.enum(REMINDER_KINDS),
  dedupeKind: z.string(),
  channel: z.enum(['email', 'webhook']),
  recipientKey: z.string(),
  address: z.string(),
  recipientName: z.string().optional(),
  role: z.enum(['to', 'cc']),
  locale: z.enum(['vi', 'en']),
  cycleId: z.string(),
  entityId: z.string().optional(),
  unitId: z.string().optional(),
  reason: bilingual,
  subject: z.string(),
  text: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  leaseUntil: z.string().optional(),
  claimedAt: z.string().optional(),
  sentAt: z.string().optional(),
  providerMessageId: z.string().optional(),
  lastError: z.string().optional(),
  resolution: z
    .enum(RESOLUTIONS)
    .optional()
    .describe('How a send interrupted mid-way was settled (confirmed by the mail provider, or resent)'),
  resolvedAt: z.string().optional(),
});

export const remindersRoutes = defineRoutes({
  previewReminders: {
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
    query: dateQuery.extend({ cycleId: id.optional() }),
    success: { status: 200, schema: previewResponse, description: 'What would be sent, to whom and why' },
  },
  previewEntityReminders: {
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
    success: { status: 200, schema: previewResponse, description: 'What would be sent, to whom and why' },
  },
  listOutbox: {
    method: 'GET',
    path: '/v1/reminders/outbox',
    fn: 'list-outbox',
    tag: 'reminders',
    summary: { vi: 'Thư nhắc việc đã lưu của một ngày', en: 'Stored reminder messages of a date' },
    auth: 'jwt',
    action: 'reminder:outbox',
    query: paginationQuery.extend(dateQuery.shape),
    success: { status: 200, schema: page(outboxItem), description: 'Messages with status and reason' },
  },
});
