/**
 * File kinds we accept as evidence, with the MIME types a browser may declare for them and how to recognise
 * their first bytes. The sniffed kind, not the declared one, decides.
 */

export const FILE_KINDS = ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png', 'zip'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MIME_BY_KIND: Record<FileKind, readonly string[]> = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  doc: ['application/msword'],
  xls: ['application/vnd.ms-excel'],
  jpg: ['image/jpeg'],
  png: ['image/png'],
  zip: ['application/zip', 'application/x-zip-compressed'],
};

export function kindOfMime(mime: string): FileKind | undefined {
  const m = mime.toLowerCase().split(';')[0]!.trim();
  return FILE_KINDS.find((k) => MIME_BY_KIND[k].includes(m));
}

/** Container formats: the bytes only tell "zip" or "OLE compound file"; the declared type narrows it. */
export type SniffedFamily = 'pdf' | 'zip' | 'ole' | 'jpg' | 'png' | 'exe' | 'unknown';

export function sniff(head: Uint8Array): SniffedFamily {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x4d, 0x5a)) return 'exe'; // MZ
  return 'unknown';
}

const FAMILY_OF_KIND: Record<FileKind, SniffedFamily> = {
  pdf: 'pdf',
  docx: 'zip',
  xlsx: 'zip',
  zip: 'zip',
  doc: 'ole',
  xls: 'ole',
  jpg: 'jpg',
  png: 'png',
};

/** Do the first bytes agree with the declared kind? */
export function bytesMatchKind(family: SniffedFamily, kind: FileKind): boolean {
  return FAMILY_OF_KIND[kind] === family;
}
