/** The admin pages, one chunk loaded on the first visit to /admin (lazy.tsx). */
export { AdminAssignmentsPage } from './AdminAssignmentsPage.tsx';
export { AdminCyclesPage } from './AdminCyclesPage.tsx';
export { AdminFrameworksPage } from './AdminFrameworksPage.tsx';
export { AdminOutboxPage } from './AdminOutboxPage.tsx';
export { AdminRemindersPage } from './AdminRemindersPage.tsx';
export { AdminUsersPage } from './AdminUsersPage.tsx';
