/**
 * Frameworks shipped as data in `data/frameworks/*.json` (never compiled into code). Each says whether its
 * numbers are `confirmed` or a `sample` (see docs/frameworks.md). The seed loads them; an admin
 * can load them anywhere with `npm run admin -- import-framework data/frameworks/<file>.json --publish`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type FrameworkDocument, validateFrameworkDocument } from '#domain/framework.ts';

export const FRAMEWORKS_DIR = resolve(import.meta.dirname, '../../data/frameworks');

export const BUNDLED_FRAMEWORKS = [
  'par-so-mau',
  'par-so-1187',
  'par-tinh-876',
  'par-tinh-2948',
  'papi',
  'sipas',
  'pci',
] as const;
export type BundledFramework = (typeof BUNDLED_FRAMEWORKS)[number];

export function loadBundledFramework(name: BundledFramework): FrameworkDocument {
  const raw = JSON.parse(readFileSync(join(FRAMEWORKS_DIR, `${name}.json`), 'utf8')) as unknown;
  const r = validateFrameworkDocument(raw);
  if (!r.ok)
    throw new Error(
      `data/frameworks/${name}.json is invalid:\n${r.problems.map((p) => `  ${p.field}: ${p.message.en}`).join('\n')}`,
    );
  return r.document;
}

export const loadBundledFrameworks = (): FrameworkDocument[] => BUNDLED_FRAMEWORKS.map(loadBundledFramework);
