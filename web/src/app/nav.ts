/** The signed-in navigation: each entry's route, label and who sees it (docs/web.md, "Navigation by role"). */
import type { Role } from '../auth/id-token.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface NavEntry {
  to: string;
  key: MessageKey;
  /** Whether the entry is the current one for a path (a criterion page belongs to "Việc của tôi"). */
  match: (path: string) => boolean;
  roles: Role[];
}

export const NAV: readonly NavEntry[] = [
  {
    to: '/',
    key: 'nav.home',
    match: (p) => p === '/' || p.startsWith('/cycles/'),
    roles: ['admin', 'leader', 'member'],
  },
  {
    to: '/review',
    key: 'nav.reviewQueue',
    match: (p) => p.startsWith('/review'),
    roles: ['admin', 'reviewer'],
  },
  {
    to: '/dashboard',
    key: 'nav.dashboard',
    match: (p) => p.startsWith('/dashboard'),
    roles: ['admin', 'reviewer', 'leader'],
  },
  {
    to: '/admin',
    key: 'nav.admin',
    match: (p) => p.startsWith('/admin'),
    roles: ['admin'],
  },
];

/** The entries a role sees; without a role (a token without groups) every entry, the API still decides. */
export const navFor = (role: Role | undefined): NavEntry[] =>
  NAV.filter((n) => !role || n.roles.includes(role));

/** The menu keys (routes) highlighted for a path. */
export const selectedNav = (nav: readonly NavEntry[], pathname: string): string[] =>
  nav.filter((n) => n.match(pathname)).map((n) => n.to);
