/**
 * Checks a file against the cycle's upload limits before anything is sent, with the same kind table the
 * server uses (`shared/domain/file-types.ts`, pure, no zod). The server checks again; this only saves a
 * round trip on a slow line and says what is wrong in the user's language.
 */
import {
  extensionOf,
  type FileKind,
  KIND_BY_EXTENSION,
  kindOfExtension,
  kindOfMime,
  MIME_BY_KIND,
} from '#domain/file-types.ts';
import type { Cycle } from '../api/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

export type UploadLimits = Cycle['uploadLimits'];

export type CheckResult =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; key: MessageKey; vars: Record<string, string | number> };

/** `accept` for the file input: extensions and MIME types of the allowed kinds. */
export function acceptAttribute(limits: UploadLimits): string {
  const exts = Object.entries(KIND_BY_EXTENSION)
    .filter(([, k]) => limits.allowedKinds.includes(k))
    .map(([e]) => `.${e}`);
  const mimes = limits.allowedKinds.flatMap((k) => MIME_BY_KIND[k]);
  return [...exts, ...mimes].join(',');
}

export function allowedKindsText(limits: UploadLimits): string {
  return limits.allowedKinds.map((k) => k.toUpperCase()).join(', ');
}

export function checkFile(
  file: { name: string; size: number; type: string },
  limits: UploadLimits,
  formatBytes: (n: number) => string,
): CheckResult {
  const ext = extensionOf(file.name);
  const kind = kindOfExtension(file.name);
  if (!kind || !limits.allowedKinds.includes(kind))
    return {
      ok: false,
      key: 'upload.check.type',
      vars: { ext: ext || '?', kinds: allowedKindsText(limits) },
    };
  if (file.size === 0) return { ok: false, key: 'upload.check.empty', vars: {} };
  if (file.size > limits.maxFileBytes)
    return {
      ok: false,
      key: 'upload.check.size',
      vars: { size: formatBytes(file.size), max: formatBytes(limits.maxFileBytes) },
    };
  // Browsers often leave the type empty or generic (octet-stream): the extension decides then.
  const contentType = kindOfMime(file.type) === kind ? file.type : MIME_BY_KIND[kind][0]!;
  return { ok: true, kind, contentType };
}
