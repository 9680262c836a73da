/**
 * Ports: what the use cases need from the outside world, one file per area in `shared/ports/`. Adapters in
 * `shared/adapters/` implement them (DynamoDB, S3); tests may pass in-memory ones for pure unit tests.
 * Everything is imported from here (`#ports.ts`).
 */
export type * from './ports/assignments.ts';
export type * from './ports/common.ts';
export type * from './ports/evidence.ts';
export type * from './ports/exports.ts';
export type * from './ports/frameworks.ts';
export type * from './ports/mail.ts';
export type * from './ports/organization.ts';
export type * from './ports/scoring.ts';
export type * from './ports/spreadsheets.ts';
export type * from './ports/storage.ts';
export type * from './ports/users.ts';
