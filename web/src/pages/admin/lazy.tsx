/** The admin pages as the routes use them: loaded together on the first visit to /admin. */
import { LazyRoute, lazyPage } from '../../common/lazy-page.tsx';

const load = () => import('./pages.ts');

const adminAssignmentsPage = lazyPage(load, 'AdminAssignmentsPage');
const adminCyclesPage = lazyPage(load, 'AdminCyclesPage');
const adminFrameworksPage = lazyPage(load, 'AdminFrameworksPage');
const adminOutboxPage = lazyPage(load, 'AdminOutboxPage');
const adminRemindersPage = lazyPage(load, 'AdminRemindersPage');
const adminUsersPage = lazyPage(load, 'AdminUsersPage');

export const AdminAssignmentsPage = () => <LazyRoute page={adminAssignmentsPage} />;
export const AdminCyclesPage = () => <LazyRoute page={adminCyclesPage} />;
export const AdminFrameworksPage = () => <LazyRoute page={adminFrameworksPage} />;
export const AdminOutboxPage = () => <LazyRoute page={adminOutboxPage} />;
export const AdminRemindersPage = () => <LazyRoute page={adminRemindersPage} />;
export const AdminUsersPage = () => <LazyRoute page={adminUsersPage} />;
