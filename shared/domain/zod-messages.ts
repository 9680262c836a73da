/**
 * Zod's issue messages in English and Vietnamese, word for word as its `en` and `vi` locales write them, for
 * the issues our schemas can raise. Our own table rather than the locale modules: those carry every format and
 * type zod knows and cost each function bundle ~6 KB; this is what a request path needs. Pinned against the
 * locales by test/unit/zod-messages.test.ts.
 */
import type * as z from 'zod/mini';

type Lang = 0 | 1; // 0 = en, 1 = vi
type Pair = readonly [en: string, vi: string];

const UNITS: Record<string, Pair> = {
  string: ['characters', 'ký tự'],
  file: ['bytes', 'byte'],
  array: ['items', 'phần tử'],
  set: ['items', 'phần tử'],
  map: ['entries', 'phần tử'],
};

const FORMATS: Record<string, Pair> = {
  regex: ['input', 'đầu vào'],
  email: ['email address', 'địa chỉ email'],
  url: ['URL', 'URL'],
  ulid: ['ULID', 'ULID'],
  datetime: ['ISO datetime', 'ngày giờ ISO'],
  date: ['ISO date', 'ngày ISO'],
  time: ['ISO time', 'giờ ISO'],
  duration: ['ISO duration', 'khoảng thời gian ISO'],
  template_literal: ['input', 'đầu vào'],
};

/** Type names as each locale spells them (the rest as zod names them). */
const TYPES: readonly Record<string, string>[] = [
  { nan: 'NaN' },
  { nan: 'NaN', number: 'số', array: 'mảng' },
];

/** zod's `util.parsedType`. */
function parsedType(data: unknown): string {
  const t = typeof data;
  if (t === 'number') return Number.isNaN(data) ? 'nan' : 'number';
  if (t !== 'object') return t;
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  const proto = Object.getPrototypeOf(data);
  if (proto !== Object.prototype && 'constructor' in (data as object) && (data as object).constructor)
    return (data as object).constructor.name;
  return t;
}

const primitive = (v: unknown) =>
  typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `"${v}"` : `${v}`;
const values = (vs: readonly unknown[], sep: string) => vs.map(primitive).join(sep);

function invalidType(issue: { expected: string; input?: unknown }, lang: Lang): string {
  const received = parsedType(issue.input);
  if (lang === 0) {
    const name =
      received === 'number' && typeof issue.input === 'number' && !Number.isFinite(issue.input)
        ? String(issue.input)
        : (TYPES[0]![received] ?? received);
    return `Invalid input: expected ${TYPES[0]![issue.expected] ?? issue.expected}, received ${name}`;
  }
  const name = TYPES[1]![received] ?? received;
  if (/^[A-Z]/.test(issue.expected))
    return `Đầu vào không hợp lệ: mong đợi instanceof ${issue.expected}, nhận được ${name}`;
  return `Đầu vào không hợp lệ: mong đợi ${TYPES[1]![issue.expected] ?? issue.expected}, nhận được ${name}`;
}

function size(
  issue: { code: 'too_big' | 'too_small'; origin?: string; inclusive?: boolean; exact?: boolean },
  bound: unknown,
  lang: Lang,
): string {
  const big = issue.code === 'too_big';
  const unit = UNITS[issue.origin ?? '']?.[lang];
  const adj = lang === 0 && issue.exact ? 'exactly ' : `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}`;
  // zod writes "value" / "giá trị" for a missing origin only on too_big.
  const origin = issue.origin ?? (big ? ['value', 'giá trị'][lang] : undefined);
  if (lang === 0)
    return unit
      ? `Too ${big ? 'big' : 'small'}: expected ${origin} to have ${adj}${bound} ${unit}`
      : `Too ${big ? 'big' : 'small'}: expected ${origin} to be ${adj}${bound}`;
  return `${big ? 'Quá lớn' : 'Quá nhỏ'}: mong đợi ${origin} ${unit ? `có ${adj}${bound} ${unit}` : `${adj}${bound}`}`;
}

function invalidFormat(
  issue: { format: string; prefix?: string; suffix?: string; includes?: string; pattern?: string },
  lang: Lang,
): string {
  const bad = lang === 0 ? 'Invalid string: must' : 'Chuỗi không hợp lệ: phải';
  if (issue.format === 'starts_with')
    return `${bad} ${lang === 0 ? 'start with' : 'bắt đầu bằng'} "${issue.prefix}"`;
  if (issue.format === 'ends_with')
    return `${bad} ${lang === 0 ? 'end with' : 'kết thúc bằng'} "${issue.suffix}"`;
  if (issue.format === 'includes') return `${bad} ${lang === 0 ? 'include' : 'bao gồm'} "${issue.includes}"`;
  if (issue.format === 'regex')
    return `${bad} ${lang === 0 ? 'match pattern' : 'khớp với mẫu'} ${issue.pattern}`;
  const name = FORMATS[issue.format]?.[lang] ?? issue.format;
  return lang === 0 ? `Invalid ${name}` : `${name} không hợp lệ`;
}

function message(issue: z.core.$ZodRawIssue, lang: Lang): string {
  const vi = lang === 1;
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue, lang);
    case 'invalid_value':
      if (issue.values.length === 1)
        return `${vi ? 'Đầu vào không hợp lệ: mong đợi' : 'Invalid input: expected'} ${primitive(issue.values[0])}`;
      return `${vi ? 'Tùy chọn không hợp lệ: mong đợi một trong các giá trị' : 'Invalid option: expected one of'} ${values(issue.values, '|')}`;
    case 'too_big':
      return size(issue, issue.maximum, lang);
    case 'too_small':
      return size(issue, issue.minimum, lang);
    case 'invalid_format':
      return invalidFormat(issue, lang);
    case 'not_multiple_of':
      return vi
        ? `Số không hợp lệ: phải là bội số của ${issue.divisor}`
        : `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return vi
        ? `Khóa không được nhận dạng: ${values(issue.keys, ', ')}`
        : `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${values(issue.keys, ', ')}`;
    case 'invalid_key':
      return vi ? `Khóa không hợp lệ trong ${issue.origin}` : `Invalid key in ${issue.origin}`;
    case 'invalid_element':
      return vi ? `Giá trị không hợp lệ trong ${issue.origin}` : `Invalid value in ${issue.origin}`;
    case 'invalid_union': {
      if (vi) return 'Đầu vào không hợp lệ';
      const options = (issue as { options?: unknown }).options;
      if (Array.isArray(options) && options.length > 0)
        return `Invalid discriminator value. Expected ${options.map((o) => `'${o}'`).join(' | ')}`;
      if ((issue as { inclusive?: boolean }).inclusive === false)
        return 'Invalid input: more than one option matched';
      return 'Invalid input';
    }
    default:
      return vi ? 'Đầu vào không hợp lệ' : 'Invalid input';
  }
}

/** Error maps for `safeParse(input, { error })`: zod's English and Vietnamese messages. */
export const enIssueMessage: z.core.$ZodErrorMap = (issue) => message(issue, 0);
export const viIssueMessage: z.core.$ZodErrorMap = (issue) => message(issue, 1);
