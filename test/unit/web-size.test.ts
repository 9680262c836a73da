/**
 * Size rules of docs/web.md ("Size"): in web/src no component or module file over 250 lines and no function
 * over 80. The message catalogues (`web/src/i18n/messages.ts`, `web/src/i18n/messages/*.ts`) are data — one
 * key per string — so they are exempt from the file rule, not from the function rule. No exceptions
 * otherwise: a component that grows is split along its parts (docs/web.md, "Size").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionsOver, lineCount, sourceFiles } from '#test/lib/code-size.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 250;
const CATALOGUE = /^web\/src\/i18n\/messages(\.ts|\/[^/]+\.ts)$/;

function fileOffenders(files: readonly string[]) {
  return files
    .filter((f) => !CATALOGUE.test(f))
    .filter((f) => lineCount(readFileSync(path.join(ROOT, f), 'utf8')) > MAX_FILE_LINES);
}

function functionOffenders(files: readonly string[]) {
  return files.flatMap((f) =>
    functionsOver(f, readFileSync(path.join(ROOT, f), 'utf8'), MAX_FUNCTION_LINES).map(
      (fn) => `${f} ${fn.name}`,
    ),
  );
}

describe('size rules in web/src', () => {
  const files = sourceFiles(ROOT, 'web/src');

  it('no file is over 250 lines (message catalogues exempt)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(fileOffenders(files)).toEqual([]);
  });

  it('no function is over 80 lines', () => {
    expect(functionOffenders(files)).toEqual([]);
  });

  it('the checks catch a long component, a long file, and exempt only the catalogues', () => {
    const body = Array.from({ length: 81 }, (_, i) => `      <li>{${i}}</li>`).join('\n');
    const component = `export function Big() {\n  return (\n    <ul>\n${body}\n    </ul>\n  );\n}\n`;
    expect(functionsOver('Big.tsx', component, MAX_FUNCTION_LINES)).toHaveLength(1);
    expect(functionsOver('Small.tsx', 'export const S = () => <p />;\n', MAX_FUNCTION_LINES)).toEqual([]);
    expect(lineCount('a;\n'.repeat(251))).toBeGreaterThan(MAX_FILE_LINES);
    expect(CATALOGUE.test('web/src/i18n/messages.ts')).toBe(true);
    expect(CATALOGUE.test('web/src/i18n/messages/evidence.ts')).toBe(true);
    expect(CATALOGUE.test('web/src/i18n/i18n.tsx')).toBe(false);
    expect(CATALOGUE.test('web/src/common/messages.ts')).toBe(false);
  });
});
