/** The admin pages, one chunk loaded on the first visit to /admin (lazy.tsx). */

export { AdminCyclesPage } from './cycles/AdminCyclesPage.tsx';
export { AdminFrameworksPage } from './frameworks/AdminFrameworksPage.tsx';
export { AdminAssignmentsPage } from './people/AdminAssignmentsPage.tsx';
export { AdminOutboxPage } from './people/AdminOutboxPage.tsx';
export { AdminRemindersPage } from './people/AdminRemindersPage.tsx';
export { AdminUsersPage } from './people/AdminUsersPage.tsx';
