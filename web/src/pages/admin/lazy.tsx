/** The admin pages as the routes use them: loaded together on the first visit to /admin. */
import { lazyPage } from '../../shared/lazy-page.tsx';

const load = () => import('./pages.ts');

export const AdminAssignmentsPage = lazyPage(load, 'AdminAssignmentsPage');
export const AdminCyclesPage = lazyPage(load, 'AdminCyclesPage');
export const AdminFrameworksPage = lazyPage(load, 'AdminFrameworksPage');
export const AdminOutboxPage = lazyPage(load, 'AdminOutboxPage');
export const AdminRemindersPage = lazyPage(load, 'AdminRemindersPage');
export const AdminUsersPage = lazyPage(load, 'AdminUsersPage');
