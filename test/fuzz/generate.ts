/**
 * Hostile requests for every operation of the OpenAPI document (README, "Tests"), with a deterministic
 * seed. Each case is judged by an oracle that replays what the gateway and the handler factory
 * do before any use case runs (route match, path decoding, zod schemas of the route table, the access policy,
 * the body's size and type): a case whose request is invalid there, or that carries no valid token, MUST be
 * refused; a schema-valid read (GET, a preview, a dry run) may succeed but must write nothing; a schema-valid
 * write is never generated, since it may legitimately write. The generator also knows a few requests that are
 * schema-valid but can never be right (a forged cursor, a framework document that is not an object, base64
 * that is no spreadsheet): those must be refused too.
 */
import fc from 'fast-check';
import type { Actor } from '#domain/actor.ts';
import { authorizeBeforeLoad } from '#domain/policy.ts';
import { MAX_BODY_BYTES } from '#http/headers.ts';
import type { RouteDef } from '#http/routes.ts';

export type Who = 'admin' | 'leader' | 'member' | 'none' | 'forged-token';

export type Family =
  | 'path-encoding'
  | 'id-trick'
  | 'numeric'
  | 'date'
  | 'query-type'
  | 'query-encoding'
  | 'cursor'
  | 'unknown-field'
  | 'missing-field'
  | 'wrong-type'
  | 'content-type'
  | 'bad-json'
  | 'bad-utf8'
  | 'base64'
  | 'huge-body'
  | 'deep-body'
  | 'any-field'
  | 'string-edge'
  | 'auth';

export interface FuzzCase {
  op: string;
  /** Position within the operation's cases (stable for a given seed). */
  n: number;
  family: Family;
  label: string;
  method: string;
  /** Request target (path and query) sent byte for byte, never normalised by the client. */
  target: string;
  who: Who;
  contentType?: string;
  body?: Buffer;
  /** refuse: must be a 4xx with a bilingual error; harmless: a schema-valid read, any status below 500. */
  expect: 'refuse' | 'harmless';
  /** Why the oracle expects that (shown in failure messages). */
  why: string;
  /** Exact statuses the documentation promises for this case (a forged cursor is a 400). */
  status?: number[];
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
};

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  parameters: OpenApiParameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

export interface FuzzContext {
  seed: number;
  /** Valid value of each path parameter, by name (the seeded demo's ids). */
  values: Record<string, string>;
  /** Another entity's (or a missing) value of each path parameter, by name. */
  others: Record<string, string>;
  /** The actors behind the tokens, as the handler reads them. */
  actors: Record<'admin' | 'leader' | 'member', Actor>;
  /** The route table (the oracle replays its schemas and policy action). */
  routes: (RouteDef & { id: string })[];
  /** Cases per operation (at least 50). */
  perOperation: number;
}

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hashString = (s: string) => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
};

// ---------------------------------------------------------------------------------------------------------
// Values

/** Path segments sent raw: percent-encoding a decoder must refuse (not a 500). */
export const MALFORMED_PERCENT = ['%ZZ', '%', 'abc%2', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%u0041'];

const ID_TRICKS: [string, string][] = [
  ['..', 'dot-dot'],
  ['%2E%2E', 'encoded dot-dot'],
  ['.', 'dot'],
  ['a%2Fb', 'encoded slash'],
  ['%2F', 'only an encoded slash'],
  ['..%2F..%2Fadmin', 'encoded traversal'],
  ['%5C..%5C', 'backslashes'],
  ['a'.repeat(3000), 'very long'],
  ['', 'empty'],
  ['%20', 'a space'],
  ['%00', 'NUL'],
  ['x%0Ay', 'a newline'],
  ['so-khcn-ninh-thu%D0%B0n', 'Cyrillic lookalike'],
  ['%EF%BD%93%EF%BD%8F', 'full-width letters'],
  ['Thu%E1%BA%ADn', 'Vietnamese letters'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['-leading-dash', 'leading dash'],
  ['%F0%9F%98%80', 'emoji'],
  ["'%20OR%201%3D1", 'SQL-ish'],
  ['%3Cscript%3E', 'markup'],
  ['%E2%80%AEevil', 'bidi override'],
];

const NUMERIC_TEXT: [string, string][] = [
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['-Infinity', '-Infinity'],
  ['-0', '-0'],
  ['1e309', '1e309'],
  ['99999999999999999999', 'huge int'],
  ['-1', 'negative'],
  ['0', 'zero'],
  ['1.5', 'float'],
  ['0x10', 'hex'],
  ['', 'empty'],
  ['1e2', 'exponent'],
];

/** Raw JSON number texts (some parse to values zod refuses, some to edge values). */
const NUMERIC_JSON: [string, string][] = [
  ['1e309', '1e309 (Infinity)'],
  ['-1e309', '-1e309'],
  ['-0', '-0'],
  ['-1', 'negative'],
  ['1.5', 'float'],
  ['9007199254740993', '2^53+1'],
  ['1e21', '1e21'],
  ['"NaN"', '"NaN" string'],
  ['"Infinity"', '"Infinity" string'],
  ['"12"', 'number as string'],
  ['0', 'zero'],
];

const DATES: [string, string][] = [
  ['2023-02-30', '30 February'],
  ['2023-02-29', '29 February of a common year'],
  ['2023-13-01', 'month 13'],
  ['0000-01-01', 'year 0'],
  ['2023-11-16T24:00', '24:00'],
  ['2023-11-16T24:00:00Z', 'a timestamp at 24:00'],
  ['16/11/2023', 'dd/MM/yyyy'],
  ['2023-1-5', 'no leading zeros'],
  ['+002023-11-16', 'expanded year'],
  ['20231116', 'basic format'],
  ['yesterday', 'a word'],
  ['', 'empty'],
];

const b64url = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Cursors a client could forge: well-formed base64url JSON that is no key of the listing, and garbage. */
export const FORGED_CURSORS: [string, string][] = [
  [b64url({ pk: 'x' }), 'key without sort key'],
  [b64url({ pk: 'CE#cycle-2023#so-tttt-ninh-thuan', sk: 'EV#0' }), "another entity's partition"],
  [
    b64url({ pk: 'ENTITY#so-khcn-ninh-thuan', sk: 'META', gsi1pk: 'NO-SUCH-LISTING', gsi1sk: 'x' }),
    'another listing',
  ],
  [b64url({ pk: { S: 'x' }, sk: 1 }), 'attribute values of the wrong type'],
  [b64url({ pk: 'a', sk: 'b', extra: 'c' }), 'extra attribute'],
  [b64url({}), 'empty object'],
  [b64url({ pk: '', sk: '' }), 'empty strings'],
  [b64url({ pk: 'a', sk: 'x'.repeat(1200) }), 'sort key above 1 KB'],
  [b64url('{"__proto__":{"pk":"x"},"sk":"y"}'), '__proto__'],
  [b64url([1, 2]), 'an array'],
  [b64url('"text"'), 'a string'],
  ['!!!not-base64!!!', 'not base64'],
  ['x'.repeat(2001), 'above 2000 characters'],
];

// ---------------------------------------------------------------------------------------------------------
// The oracle

interface Compiled {
  route: RouteDef & { id: string };
  regex: RegExp;
  names: string[];
}

function compile(route: RouteDef & { id: string }): Compiled {
  const names: string[] = [];
  const pattern = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      names.push(name.replace(/\+$/, ''));
      return '([^/]+)';
    });
  return { route, regex: new RegExp(`^${pattern}$`), names };
}

interface Draft {
  family: Family;
  label: string;
  target: string;
  who?: Who;
  contentType?: string;
  body?: Buffer;
  /** Schema-valid but never right: must be refused (or, for a preview, change nothing). */
  semantic?: string;
  status?: number[];
}

type Verdict = { expect: 'refuse' | 'harmless' | 'skip'; why: string; status?: number[] };

function judge(d: Draft, who: Who, ctx: FuzzContext, compiled: Compiled[], method: string): Verdict {
  if (who === 'none' || who === 'forged-token') return { expect: 'refuse', why: 'no valid token' };
  const url = new URL(d.target, 'http://localhost');
  let match: { c: Compiled; values: string[] } | undefined;
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.regex.exec(url.pathname);
    if (m) {
      match = { c, values: m.slice(1) };
      break;
    }
  }
  if (!match) return { expect: 'refuse', why: `no route for ${url.pathname}` };
  const { route } = match.c;
  const decoded: Record<string, string> = {};
  for (const [i, name] of match.c.names.entries()) {
    try {
      decoded[name] = decodeURIComponent(match.values[i]!);
    } catch {
      return { expect: 'refuse', why: `path.${name} is not valid percent-encoding` };
    }
  }
  let params: { entityId?: string } | undefined;
  if (route.params) {
    const p = route.params.safeParse(decoded);
    if (!p.success) return { expect: 'refuse', why: `path fails the ${route.id} schema` };
    params = p.data as { entityId?: string };
  }
  try {
    authorizeBeforeLoad(ctx.actors[who], route.action, params?.entityId);
  } catch {
    return { expect: 'refuse', why: `the policy refuses ${who} on ${route.action}` };
  }
  if (route.query) {
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    if (!route.query.safeParse(query).success) return { expect: 'refuse', why: 'query fails the schema' };
  }
  let parsedBody: Record<string, unknown> | undefined;
  if (route.body) {
    const raw = d.body ? d.body.toString('utf8') : '';
    let input: unknown = {};
    if (raw !== '') {
      if (Buffer.byteLength(raw) > (route.maxBodyBytes ?? MAX_BODY_BYTES))
        return { expect: 'refuse', why: 'body above the route limit' };
      if (!(d.contentType ?? '').toLowerCase().startsWith('application/json'))
        return { expect: 'refuse', why: 'body is not application/json' };
      try {
        input = JSON.parse(raw);
      } catch {
        return { expect: 'refuse', why: 'body is not JSON' };
      }
    }
    const b = route.body.safeParse(input);
    if (!b.success) return { expect: 'refuse', why: 'body fails the schema' };
    parsedBody = b.data as Record<string, unknown>;
  }
  const readOnly =
    route.method === 'GET'
      ? 'a read'
      : parsedBody?.mode === 'preview' || parsedBody?.dryRun === true
        ? 'a preview'
        : undefined;
  if (d.semantic)
    return readOnly && !d.status
      ? { expect: 'harmless', why: `${d.semantic}, in ${readOnly}` }
      : { expect: 'refuse', why: d.semantic, ...(d.status ? { status: d.status } : {}) };
  if (readOnly) return { expect: 'harmless', why: `schema-valid, ${readOnly}` };
  return { expect: 'skip', why: 'a schema-valid write' };
}

// ---------------------------------------------------------------------------------------------------------
// Bodies from the JSON Schema

function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const alt = schema.oneOf ?? schema.anyOf;
  if (alt?.length) return sample(alt[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of schema.required ?? []) out[k] = sample(schema.properties?.[k], depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 1 }, () => sample(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'date') return '2023-11-16';
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.pattern?.includes('0-9a-f]{64}')) return '0'.repeat(64);
      if (schema.pattern?.startsWith('^\\d+')) return '1.1';
      if (schema.pattern?.includes('A-Za-z0-9+/=')) return 'UEsDBA==';
      if (schema.pattern) return 'fuzz-id';
      return 'Fuzz';
    default:
      return {};
  }
}

const typeOf = (s: JsonSchema | undefined): string => {
  if (!s) return 'any';
  if (s.const !== undefined || s.enum) return 'enum';
  const alt = s.oneOf ?? s.anyOf;
  if (alt) return typeOf(alt.find((a) => a.type !== 'null') ?? alt[0]);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t === 'string' && s.format === 'date') return 'date';
  if (t === 'string' && s.pattern?.includes('A-Za-z0-9+/=')) return 'base64';
  return t ?? 'any';
};

const WRONG_TYPES: [string, unknown][] = [
  ['number', 12345],
  ['string', 'chuỗi'],
  ['boolean', true],
  ['null', null],
  ['array', ['x']],
  ['object', { x: 1 }],
];

/** Percent-encodes every byte (of a string's UTF-8, or raw bytes that need not be UTF-8). */
const pct = (v: string | Uint8Array) =>
  [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** JSON text of `base` with `field` set to the raw JSON text `value` (numbers such as 1e309 survive). */
function withRaw(base: Record<string, unknown>, field: string, value: string): string {
  const marker = `__RAW_${hashString(field)}__`;
  return JSON.stringify({ ...base, [field]: marker }).replace(JSON.stringify(marker), value);
}

// ---------------------------------------------------------------------------------------------------------
// Drafts per operation

function drafts(path: string, op: OpenApiOperation, ctx: FuzzContext): Draft[] {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content['application/json'].schema;
  const out: Draft[] = [];

  const buildPath = (override: Record<string, string> = {}) =>
    path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      name in override ? override[name]! : encodeURIComponent(ctx.values[name] ?? 'fuzz-id'),
    );
  const validPath = buildPath();
  const first = bodySchema?.oneOf?.[0] ?? bodySchema?.anyOf?.[0] ?? bodySchema;
  const skeleton = (first ? sample(first) : undefined) as Record<string, unknown> | undefined;
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  const withBody = (
    d: Omit<Draft, 'body' | 'contentType'>,
    body?: Buffer,
    type = 'application/json',
  ): Draft => (body === undefined ? d : { ...d, body, contentType: type });
  // Refused requests with a body keep the body valid-looking, so the body is not why they are refused.
  const validBody = skeleton ? json(skeleton) : undefined;

  // Path parameters: malformed percent-encoding, id tricks, numeric edges, other entity's ids.
  for (const p of pathParams) {
    for (const raw of MALFORMED_PERCENT)
      out.push(
        withBody(
          { family: 'path-encoding', label: `path.${p.name}=${raw}`, target: buildPath({ [p.name]: raw }) },
          validBody,
        ),
      );
    for (const [raw, what] of ID_TRICKS)
      out.push(
        withBody(
          { family: 'id-trick', label: `path.${p.name}: ${what}`, target: buildPath({ [p.name]: raw }) },
          validBody,
        ),
      );
    const other = ctx.others[p.name];
    if (other)
      out.push(
        withBody(
          {
            family: 'id-trick',
            label: `path.${p.name}: another entity's (${other})`,
            target: buildPath({ [p.name]: encodeURIComponent(other) }),
          },
          validBody,
        ),
      );
    if (typeOf(p.schema) === 'integer')
      for (const [raw, what] of NUMERIC_TEXT)
        out.push(
          withBody(
            {
              family: 'numeric',
              label: `path.${p.name}: ${what}`,
              target: buildPath({ [p.name]: encodeURIComponent(raw) || '%20' }),
            },
            validBody,
          ),
        );
  }

  // Query parameters.
  const q = (pairs: string) => `${validPath}?${pairs}`;
  const queryDrafts: Draft[] = [];
  for (const p of queryParams) {
    const t = typeOf(p.schema);
    if (p.name === 'cursor') {
      for (const [c, what] of FORGED_CURSORS)
        queryDrafts.push({
          family: 'cursor',
          label: `query.cursor: ${what}`,
          target: q(`cursor=${encodeURIComponent(c)}`),
          semantic: 'a forged cursor',
          status: [400],
        });
      continue;
    }
    if (t === 'integer' || t === 'number')
      for (const [raw, what] of NUMERIC_TEXT)
        queryDrafts.push({
          family: 'numeric',
          label: `query.${p.name}: ${what}`,
          target: q(`${p.name}=${encodeURIComponent(raw)}`),
        });
    else if (t === 'date')
      for (const [raw, what] of DATES)
        queryDrafts.push({
          family: 'date',
          label: `query.${p.name}: ${what}`,
          target: q(`${p.name}=${encodeURIComponent(raw)}`),
        });
    else
      for (const [raw, what] of [
        ...ID_TRICKS.slice(0, 12),
        ['x'.repeat(300), '300 characters'],
        ['ASC', 'upper case'],
      ] as [string, string][])
        queryDrafts.push({
          family: 'query-type',
          label: `query.${p.name}: ${what}`,
          target: q(`${p.name}=${raw.includes('%') ? raw : encodeURIComponent(raw)}`),
        });
    queryDrafts.push({
      family: 'query-encoding',
      label: `query.${p.name}=%ZZ`,
      target: q(`${p.name}=%ZZ`),
    });
    queryDrafts.push({
      family: 'query-encoding',
      label: `query.${p.name}: invalid UTF-8`,
      target: q(`${p.name}=%C3%28`),
    });
    queryDrafts.push({
      family: 'query-type',
      label: `query.${p.name} twice`,
      target: q(`${p.name}=1&${p.name}=2`),
    });
  }
  queryDrafts.push({ family: 'query-encoding', label: 'query name %ZZ', target: q('%ZZ=1') });
  queryDrafts.push({ family: 'unknown-field', label: 'unknown query parameter', target: q('zzUnknown=1') });
  queryDrafts.push({
    family: 'unknown-field',
    label: 'query __proto__',
    target: q('__proto__%5Badmin%5D=1'),
  });

  for (const d of queryDrafts) out.push(withBody(d, validBody));

  // Bodies (every operation gets them: a route without a body must ignore one, not fail on it).
  const target = validPath;
  const bodyCase = (
    family: Family,
    label: string,
    body: Buffer | string,
    type = 'application/json',
  ): Draft => ({
    family,
    label,
    target,
    body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    contentType: type,
  });
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json-patch+jsonx',
    '',
  ])
    out.push(bodyCase('content-type', `content-type "${type}"`, validBody ?? '{}', type));
  for (const [text, what] of [
    ['{', 'truncated'],
    ['{"a":}', 'missing value'],
    ["{'a':1}", 'single quotes'],
    ['NaN', 'NaN'],
    ['{"a":1,}', 'trailing comma'],
    ['\uFEFF{}', 'byte order mark'],
    ['{"a":1}{"b":2}', 'two documents'],
  ] as [string, string][])
    out.push(bodyCase('bad-json', `JSON ${what}`, text));
  out.push(
    bodyCase(
      'bad-utf8',
      'invalid UTF-8 bytes',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]),
    ),
  );
  for (const [v, what] of [
    [[], 'an array'],
    ['chuỗi', 'a string'],
    [42, 'a number'],
    [null, 'null'],
    [true, 'true'],
  ] as [unknown, string][])
    out.push(bodyCase('wrong-type', `body is ${what}`, JSON.stringify(v)));
  out.push(bodyCase('missing-field', 'body {}', '{}'));
  out.push(bodyCase('deep-body', 'body nested 10,000 deep', nested(10_000)));
  out.push(
    bodyCase('deep-body', 'body of 100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  );
  const limit = ctx.routes.find((r) => r.id === op.operationId)?.maxBodyBytes ?? MAX_BODY_BYTES;
  out.push(bodyCase('huge-body', `body of ${limit + 1} bytes`, `{"a":"${'x'.repeat(limit - 7)}"}`));
  out.push(
    bodyCase(
      'unknown-field',
      'body __proto__',
      '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    ),
  );

  // Field by field, in each alternative of the body (a discriminated union has one per format).
  for (const branch of bodySchema ? (bodySchema.oneOf ?? bodySchema.anyOf ?? [bodySchema]) : []) {
    const skeleton = sample(branch) as Record<string, unknown>;
    const props = branch.properties ?? {};
    const modes = (props.mode?.enum as string[] | undefined) ?? [undefined];
    for (const k of branch.required ?? []) {
      const { [k]: _drop, ...rest } = skeleton;
      out.push(bodyCase('missing-field', `body without ${k}`, JSON.stringify(rest)));
    }
    out.push(
      bodyCase('unknown-field', 'body with an unknown field', JSON.stringify({ ...skeleton, zzUnknown: 1 })),
    );
    for (const [k, s] of Object.entries(props)) {
      const t = typeOf(s);
      for (const [name, v] of WRONG_TYPES) {
        if (name === t || (t === 'integer' && name === 'number') || (t === 'date' && name === 'string'))
          continue;
        if (t === 'enum' || t === 'base64' || t === 'any') if (name === 'string') continue;
        if (t === 'any') continue;
        out.push(bodyCase('wrong-type', `body.${k} as ${name}`, JSON.stringify({ ...skeleton, [k]: v })));
      }
      if (t === 'integer' || t === 'number')
        for (const [raw, what] of NUMERIC_JSON)
          out.push(bodyCase('numeric', `body.${k}: ${what}`, withRaw(skeleton, k, raw)));
      if (t === 'date')
        for (const [raw, what] of DATES)
          out.push(bodyCase('date', `body.${k}: ${what}`, JSON.stringify({ ...skeleton, [k]: raw })));
      if (t === 'base64')
        for (const [raw, what] of [
          ['not base64!!', 'not base64'],
          ['====', 'only padding'],
          ['QQ', 'unpadded'],
          ['QUJD', 'base64 of "ABC" (no spreadsheet)'],
          ['UEsDBBQAAAAIAA==', 'a truncated zip'],
          ['', 'empty'],
        ] as [string, string][])
          for (const mode of modes)
            out.push({
              ...bodyCase(
                'base64',
                `body.${k}: ${what}${mode ? ` (${mode})` : ''}`,
                JSON.stringify({ ...skeleton, ...(mode ? { mode } : {}), [k]: raw }),
              ),
              semantic: 'base64 that is no spreadsheet',
            });
      if (t === 'any')
        for (const mode of modes)
          for (const [v, what] of [
            ['a string', 'a string'],
            [42, 'a number'],
            [true, 'a boolean'],
            [false, 'false'],
            [null, 'null'],
            [[], 'an array'],
          ] as [unknown, string][])
            out.push({
              ...bodyCase(
                'any-field',
                `body.${k} is ${what}${mode ? ` (${mode})` : ''}`,
                JSON.stringify({ ...skeleton, ...(mode ? { mode } : {}), [k]: v }),
              ),
              semantic: `body.${k} must be an object`,
            });
      if (t === 'object' || t === 'any')
        out.push(bodyCase('deep-body', `body.${k} nested 10,000 deep`, withRaw(skeleton, k, nested(10_000))));
      if (t === 'string' || t === 'any')
        for (const [v, what] of [
          ['x'.repeat(200_000), '200,000 characters'],
          ['\u0000\u0007\u001b[31m', 'control characters'],
          ['\u202Eexe.pdf', 'bidi override'],
          ['\uD800', 'a lone surrogate'],
        ] as [string, string][])
          out.push({
            ...bodyCase('string-edge', `body.${k}: ${what}`, JSON.stringify({ ...skeleton, [k]: v })),
            ...(t === 'any' ? { semantic: `body.${k} must be an object` } : {}),
          });
    }
  }

  // Seeded random junk (fast-check): JSON bodies, query strings, path segments of arbitrary bytes.
  const seed = ctx.seed ^ hashString(op.operationId);
  // A body with no fields (an empty, strict object) has no field-by-field cases: more random bodies instead.
  const fieldless =
    !!bodySchema &&
    !bodySchema.oneOf &&
    !bodySchema.anyOf &&
    !Object.keys(bodySchema.properties ?? {}).length;
  fc.sample(fc.jsonValue({ maxDepth: 4 }), { seed, numRuns: fieldless ? 48 : 16 }).forEach((v, i) => {
    out.push(bodyCase('wrong-type', `random JSON body #${i + 1}`, JSON.stringify(v)));
  });
  fc.sample(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }), {
    seed,
    numRuns: 10,
  }).forEach((v, i) => {
    const pairs = Object.entries(v).map(([k, x]) => `${pct(k)}=${pct(x)}`);
    out.push({ family: 'query-type', label: `random query #${i + 1}`, target: q(pairs.join('&') || 'x') });
  });
  for (const p of pathParams)
    fc.sample(fc.uint8Array({ minLength: 1, maxLength: 12 }), { seed: seed + 1, numRuns: 3 }).forEach(
      (bytes, i) => {
        out.push(
          withBody(
            {
              family: 'path-encoding',
              label: `path.${p.name}: random bytes #${i + 1}`,
              target: buildPath({ [p.name]: pct(bytes) }),
            },
            validBody,
          ),
        );
      },
    );

  // Tokens: none, malformed, forged.
  out.push(withBody({ family: 'auth', label: 'no token', target: validPath, who: 'none' }, validBody));
  out.push(
    withBody({ family: 'auth', label: 'forged token', target: validPath, who: 'forged-token' }, validBody),
  );
  out.push(
    withBody(
      { family: 'auth', label: 'no token, malformed path', target: buildPath(), who: 'none' },
      Buffer.from('{'),
    ),
  );
  return out;
}

/**
 * Every operation's cases: drafts judged by the oracle, schema-valid writes dropped, then picked round-robin
 * across families (so each kind of hostility is represented) up to `perOperation`.
 */
export function generateCases(
  doc: { paths: Record<string, Record<string, OpenApiOperation>> },
  ctx: FuzzContext,
): { op: string; method: string; path: string; cases: FuzzCase[]; skipped: number }[] {
  const compiled = ctx.routes.map(compile);
  const out: { op: string; method: string; path: string; cases: FuzzCase[]; skipped: number }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const rand = prng(ctx.seed ^ hashString(op.operationId));
      const route = ctx.routes.find((r) => r.id === op.operationId);
      const reaching = (['admin', 'leader', 'member'] as const).filter((w) => {
        try {
          authorizeBeforeLoad(ctx.actors[w], route!.action, ctx.values.entityId);
          return true;
        } catch {
          return false;
        }
      });
      const byFamily = new Map<Family, FuzzCase[]>();
      let skipped = 0;
      for (const d of drafts(path, op, ctx)) {
        // Mostly a caller the policy lets through (validation is reached), sometimes anyone.
        const who: Who =
          d.who ??
          (rand() < 0.75 && reaching.length
            ? reaching[Math.floor(rand() * reaching.length)]!
            : (['admin', 'leader', 'member'] as const)[Math.floor(rand() * 3)]!);
        const v = judge(d, who, ctx, compiled, method);
        if (v.expect === 'skip') {
          skipped++;
          continue;
        }
        const c: FuzzCase = {
          op: op.operationId,
          n: 0,
          family: d.family,
          label: d.label,
          method,
          target: d.target,
          who,
          ...(d.contentType !== undefined ? { contentType: d.contentType } : {}),
          ...(d.body ? { body: d.body } : {}),
          expect: v.expect,
          why: v.why,
          ...(v.status ? { status: v.status } : {}),
        };
        byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), c]);
      }
      // Shuffle within each family (seeded), then take round-robin.
      for (const list of byFamily.values())
        for (let i = list.length - 1; i > 0; i--) {
          const j = Math.floor(rand() * (i + 1));
          [list[i], list[j]] = [list[j]!, list[i]!];
        }
      const picked: FuzzCase[] = [];
      const queues = [...byFamily.values()];
      // Known 500 classes are always kept whole: the suite must show each of them.
      for (const fam of ['path-encoding', 'cursor', 'any-field'] as Family[]) {
        const list = byFamily.get(fam) ?? [];
        const keep = fam === 'path-encoding' ? list.slice(0, MALFORMED_PERCENT.length) : list;
        picked.push(...keep);
        byFamily.set(fam, list.slice(keep.length));
      }
      while (picked.length < ctx.perOperation && queues.some((q) => q.length)) {
        for (const fam of byFamily.keys()) {
          const list = byFamily.get(fam)!;
          if (list.length && picked.length < ctx.perOperation) picked.push(list.shift()!);
        }
        queues.splice(0, queues.length, ...byFamily.values());
      }
      picked.forEach((c, i) => {
        c.n = i + 1;
      });
      out.push({ op: op.operationId, method, path, cases: picked, skipped });
    }
  }
  return out;
}
