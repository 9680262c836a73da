/**
 * Size rules of docs/architecture.md ("Size"): in shared/, no function over 80 lines and no file over 400.
 * A rule engine that grows past them is split into named steps, not into a longer file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionsOver, lineCount, sourceFiles } from '#test/lib/code-size.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAX_FUNCTION_LINES = 80;
const MAX_FILE_LINES = 400;

describe('size rules in shared/', () => {
  const files = sourceFiles(ROOT, 'shared');

  it('no function is over 80 lines', () => {
    expect(files.length).toBeGreaterThan(50);
    const long = files.flatMap((f) =>
      functionsOver(f, readFileSync(path.join(ROOT, f), 'utf8'), MAX_FUNCTION_LINES).map(
        (fn) => `${fn.file}:${fn.line} ${fn.name} (${fn.lines} lines)`,
      ),
    );
    expect(long).toEqual([]);
  });

  it('no file is over 400 lines', () => {
    const long = files
      .map((f) => ({ f, n: lineCount(readFileSync(path.join(ROOT, f), 'utf8')) }))
      .filter(({ n }) => n > MAX_FILE_LINES)
      .map(({ f, n }) => `${f} (${n} lines)`);
    expect(long).toEqual([]);
  });

  it('the checks see a long function, a long arrow, a long method and a long file', () => {
    const body = Array.from({ length: 81 }, (_, i) => `  x += ${i};`).join('\n');
    const sources = [
      `export function f() {\n  let x = 0;\n${body}\n  return x;\n}\n`,
      `export const g = () => {\n  let x = 0;\n${body}\n  return x;\n};\n`,
      `export class C {\n  m() {\n    let x = 0;\n${body}\n    return x;\n  }\n}\n`,
    ];
    for (const s of sources) expect(functionsOver('x.ts', s, MAX_FUNCTION_LINES)).toHaveLength(1);
    expect(functionsOver('x.ts', 'export const h = () => 1;\n', MAX_FUNCTION_LINES)).toEqual([]);
    expect(lineCount(`${'a;\n'.repeat(401)}`)).toBe(401);
  });
});
