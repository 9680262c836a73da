/** Strings of the admin screens: vi first, en with exactly the same keys. */

export const vi = {
  'admin.nav.label': 'Quản trị',
  'admin.nav.frameworks': 'Bộ chỉ số',
  'admin.nav.cycles': 'Kỳ đánh giá',
  'admin.nav.assignments': 'Phân công',
  'admin.nav.users': 'Người dùng',
  'admin.nav.reminders': 'Nhắc việc',
  'admin.nav.outbox': 'Thư đã gửi',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'admin.nav.label': 'Administration',
  'admin.nav.frameworks': 'Frameworks',
  'admin.nav.cycles': 'Cycles',
  'admin.nav.assignments': 'Assignments',
  'admin.nav.users': 'Users',
  'admin.nav.reminders': 'Reminders',
  'admin.nav.outbox': 'Outbox',
};
