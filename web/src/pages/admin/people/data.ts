/**
 * Types and query keys of the admin screens for assignments, users, reminders and the outbox (the calls are
 * `api.call` / `api.all` with the route's id; lists shown whole follow the cursor to the end).
 */
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

/** A file → base64 without the data-URL prefix (the import routes take JSON). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
