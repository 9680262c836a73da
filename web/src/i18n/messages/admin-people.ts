/** Strings of the admin screens for assignments, users, reminders and the outbox: vi first, en same keys. */

export const vi = {
  'people.title': 'Quản trị',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'people.title': 'Administration',
};
