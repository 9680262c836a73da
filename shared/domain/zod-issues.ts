import type * as z from 'zod/mini';
import { viOfCheck } from './common.ts';
import type { FieldIssue } from './errors.ts';
import { enIssueMessage, viIssueMessage } from './zod-messages.ts';

/**
 * Parses `input` with `schema`; on failure returns one issue per field with the message in Vietnamese and
 * English. The second parse happens only on failure, so valid requests pay nothing for the translation.
 */
export function parseWithIssues<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
  prefix: string,
): { ok: true; data: z.output<T> } | { ok: false; issues: FieldIssue[] } {
  const first = schema.safeParse(input, { error: enIssueMessage });
  if (first.success) return { ok: true, data: first.data };
  const second = schema.safeParse(input, { error: viIssueMessage });
  const viIssues = second.success ? [] : second.error.issues;
  return {
    ok: false,
    issues: first.error.issues.map((issue, i) => {
      const path = [prefix, ...issue.path.map(String)].join('.');
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      const viText =
        (issue.code === 'custom' && (issue.params?.vi as string)) ||
        viOfCheck(issue.message) ||
        viIssues[i]?.message ||
        issue.message;
      return { field: path, message: { vi: `${viText}${keys}`, en: `${issue.message}${keys}` } };
    }),
  };
}
