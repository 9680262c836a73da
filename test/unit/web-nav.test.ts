/** The signed-in navigation (web/src/app/nav.ts): who sees which entry, and which entry a path highlights. */
import { describe, expect, it } from 'vitest';
import { navFor, selectedNav } from '#web/app/nav.ts';

const routes = (role: Parameters<typeof navFor>[0]) => navFor(role).map((n) => n.to);

describe('navigation by role', () => {
  it('gives reviewers the queue and no "Việc của tôi", members the reverse, admins both', () => {
    expect(routes('reviewer')).toEqual(['/review', '/dashboard']);
    expect(routes('member')).toEqual(['/']);
    expect(routes('leader')).toEqual(['/', '/dashboard']);
    expect(routes('admin')).toEqual(['/', '/review', '/dashboard', '/admin']);
    expect(routes(undefined)).toEqual(routes('admin'));
  });

  it('highlights "Việc của tôi" on a criterion page and each section under its own path', () => {
    const nav = navFor('admin');
    expect(selectedNav(nav, '/')).toEqual(['/']);
    expect(selectedNav(nav, '/cycles/c1/criteria/1.2')).toEqual(['/']);
    expect(selectedNav(nav, '/review/c1/e1/1.2')).toEqual(['/review']);
    expect(selectedNav(nav, '/admin/users')).toEqual(['/admin']);
    expect(selectedNav(nav, '/security')).toEqual([]);
    expect(selectedNav(navFor('reviewer'), '/cycles/c1')).toEqual([]);
  });
});
