/**
 * API calls of the admin screens for assignments, users, reminders and the outbox, with their types and query
 * keys. Lists the screens show whole (a handful of pages at most) follow the cursor to the end.
 */
import type { ApiClient } from '../../../api/client.ts';
import type { Body, Output } from '../../../api/types.ts';

export type Assignment = Output<'listAssignments'>['items'][number];
export type NewAssignment = Body<'createAssignment'>;
export type AssignmentUpdate = Body<'updateAssignment'>;
export type ImportPlan = Output<'importAssignments'>;
export type CarryForward = Output<'carryForwardAssignments'>;
export type UserProfile = Output<'listUsers'>['items'][number];
export type InviteBody = Body<'inviteUser'>;
export type UpdateUserBody = Body<'updateUser'>;
export type Role = UserProfile['role'];
export type UserScope = NonNullable<UserProfile['scope']>;
export type ReminderPolicy = Output<'getCycle'>['reminderPolicy'];
export type ReminderPreview = Output<'previewReminders'>;
export type Delivery = ReminderPreview['deliveries'][number];
export type OutboxPage = Output<'listOutbox'>;
export type OutboxItem = OutboxPage['items'][number];

export { cellTasks, covers, parseDayMonthYear, taskLabel, todayInVietnam } from './rules.ts';

export const ROLE_CHOICES: Role[] = ['admin', 'reviewer', 'leader', 'member'];

export const peopleKeys = {
  assignments: (cycleId: string, entityId: string) => ['assignments', cycleId, entityId] as const,
  users: ['users'] as const,
  preview: (cycleId: string, entityId: string, date: string) =>
    ['reminder-preview', cycleId, entityId, date] as const,
  outbox: (date: string, cursor: string) => ['outbox', date, cursor] as const,
};

export const peopleApi = {
  assignments: (api: ApiClient, cycleId: string, entityId: string) =>
    api.all('listAssignments', { params: { cycleId, entityId } }),
  createAssignment: (api: ApiClient, cycleId: string, entityId: string, body: NewAssignment) =>
    api.call('createAssignment', { params: { cycleId, entityId }, body }),
  updateAssignment: (
    api: ApiClient,
    cycleId: string,
    entityId: string,
    assignmentId: string,
    body: AssignmentUpdate,
  ) => api.call('updateAssignment', { params: { cycleId, entityId, assignmentId }, body }),
  importAssignments: (
    api: ApiClient,
    cycleId: string,
    entityId: string,
    mode: 'preview' | 'commit',
    fileBase64: string,
  ) => api.call('importAssignments', { params: { cycleId, entityId }, body: { mode, fileBase64 } }),
  carryForward: (api: ApiClient, cycleId: string, entityId: string, fromCycleId: string, dryRun: boolean) =>
    api.call('carryForwardAssignments', {
      params: { cycleId, entityId },
      body: { fromCycleId, dryRun },
    }),
  users: (api: ApiClient) => api.all('listUsers'),
  invite: (api: ApiClient, body: InviteBody) => api.call('inviteUser', { body }),
  updateUser: (api: ApiClient, userId: string, body: UpdateUserBody) =>
    api.call('updateUser', { params: { userId }, body }),
  setEnabled: (api: ApiClient, userId: string, version: number, enabled: boolean) =>
    api.call('setUserEnabled', { params: { userId }, body: { version, enabled } }),
  /** A lost phone: the user's TOTP off in Cognito and in the profile (audited); they enrol again. */
  resetMfa: (api: ApiClient, userId: string, version: number) =>
    api.call('resetUserMfa', { params: { userId }, body: { version } }),
  saveReminderPolicy: (api: ApiClient, cycleId: string, version: number, reminderPolicy: ReminderPolicy) =>
    api.call('updateCycle', {
      params: { cycleId },
      body: { version, reminderPolicy },
    }),
  preview: (api: ApiClient, cycleId: string, entityId: string | undefined, date: string | undefined) =>
    entityId
      ? api.call('previewEntityReminders', {
          params: { cycleId, entityId },
          query: { date },
        })
      : api.call('previewReminders', { query: { date, cycleId } }),
  outbox: (api: ApiClient, date: string, cursor: string | undefined) =>
    api.call('listOutbox', { query: { date, limit: 50, cursor } }),
};

/** A file → base64 without the data-URL prefix (the import routes take JSON). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
