import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import { enIssueMessage, viIssueMessage } from '#domain/zod-messages.ts';
import { routeList } from '#http/routes.ts';

const enLocale = en().localeError;
const viLocale = vi().localeError;

/** The messages one schema gives an input under two error maps. */
const messages = (schema: z.ZodMiniType, input: unknown, error: z.core.$ZodErrorMap) => {
  const r = schema.safeParse(input, { error });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

const sameAsLocales = (schema: z.ZodMiniType, input: unknown) => {
  expect(messages(schema, input, enIssueMessage)).toEqual(messages(schema, input, enLocale));
  expect(messages(schema, input, viIssueMessage)).toEqual(messages(schema, input, viLocale));
};

/** Every kind of issue zod raises, with and without the details each message reads. */
const kinds: [z.ZodMiniType, unknown[]][] = [
  [z.string(), [1, null, undefined, [], {}, Number.NaN, true, new Date(0)]],
  [z.number(), ['1', Number.NaN, Number.POSITIVE_INFINITY, null, [], {}]],
  [z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), ['x', '0', '101', '1.5', 'Infinity', '']],
  [z.number().check(z.gt(0), z.lt(5), z.multipleOf(2)), [0, 5, 3, -1]],
  [z.string().check(z.minLength(2), z.maxLength(3)), ['', 'a', 'abcd']],
  [z.string().check(z.length(2)), ['a', 'abc']],
  [z.array(z.string()).check(z.minLength(1), z.maxLength(2)), [[], ['a', 'b', 'c'], [1], 'x']],
  [z.enum(['a', 'b']), ['c', 1, null]],
  [z.literal('x'), ['y', 2]],
  [z.iso.datetime(), ['2020', 'x', 1]],
  [z.iso.date(), ['2020-13-01', '']],
  [z.email(), ['a@', 'x']],
  [z.url(), ['nope', 'http//x']],
  [z.string().check(z.regex(/^a$/), z.startsWith('p'), z.endsWith('s'), z.includes('i')), ['b']],
  [z.strictObject({ a: z.string() }), [{ a: 'x', b: 1 }, { a: 'x', b: 1, c: 2 }, { a: 1 }, [], 'x']],
  [
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('one') }),
      z.object({ kind: z.literal('two'), n: z.number() }),
    ]),
    [{ kind: 'three' }, { kind: 'two' }, {}, 1],
  ],
  [z.union([z.string(), z.number()]), [true, null]],
  [z.record(z.enum(['a', 'b']), z.number()), [{ a: 1 }, { a: 1, b: 'x' }, { c: 1 }]],
  [z.record(z.string().check(z.minLength(2)), z.number()), [{ x: 1 }]],
  [z.set(z.string()).check(z.minSize(1), z.maxSize(1)), [new Set(), new Set(['a', 'b'])]],
  [z.map(z.string(), z.number()), [new Map([['a', 'x']])]],
  [z.date(), ['x', new Date(Number.NaN)]],
  [z.bigint().check(z.gte(1n)), [0n]],
  [z.array(z.number()).check(z.length(2)), [[1]]],
];

describe('our issue messages are zod’s en and vi locales word for word', () => {
  it('for every kind of issue', () => {
    for (const [schema, inputs] of kinds) for (const input of inputs) sameAsLocales(schema, input);
  });

  it('for every route’s params, query and body, on arbitrary input', () => {
    const schemas = routeList.flatMap((r) => [r.params, r.query, r.body].filter((s) => s !== undefined));
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.anything({ withNullPrototype: false }), (schema, input) => {
        sameAsLocales(schema, input);
      }),
      { numRuns: 2000 },
    );
  });

  it('for every route body, on inputs shaped like it with wrong values', () => {
    for (const r of routeList) {
      if (!r.body) continue;
      const shape = (r.body as { shape?: Record<string, unknown> }).shape ?? {};
      const keys = Object.keys(shape);
      for (const bad of [1, -1, 1.5, '', 'x'.repeat(3000), [], {}, null, true, ['x'], [{}]]) {
        sameAsLocales(r.body, Object.fromEntries(keys.map((k) => [k, bad])));
        sameAsLocales(r.body, { ...Object.fromEntries(keys.map((k) => [k, bad])), unexpected: 1 });
      }
    }
  });
});
