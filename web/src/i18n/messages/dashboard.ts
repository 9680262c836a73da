/** Strings of the dashboards: vi first, en with exactly the same keys. */

export const vi = {
  'dashboard.title': 'Tổng quan',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'dashboard.title': 'Overview',
};
