/**
 * File kinds we accept as evidence: the MIME types a browser may declare for them, the extensions their names
 * may carry, and how to recognise their bytes. Name, declared type and bytes must all agree
 * (docs/evidence.md, "Integrity"); programs of every common format are recognised by their bytes whatever
 * they are called. Pure: no zod (the web app imports this file).
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

/** The allow-list of extensions: a name ending in anything else (.exe, .html, .js, .bat…) is refused. */
export const KIND_BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  doc: 'doc',
  xls: 'xls',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  zip: 'zip',
};

export function kindOfMime(mime: string): FileKind | undefined {
  const m = mime.toLowerCase().split(';')[0]!.trim();
  return FILE_KINDS.find((k) => MIME_BY_KIND[k].includes(m));
}

/** `"Báo cáo.PDF"` → `"pdf"`; `""` when the name has no extension. */
export const extensionOf = (name: string): string => /\.([^.\s]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export const kindOfExtension = (name: string): FileKind | undefined =>
  Object.hasOwn(KIND_BY_EXTENSION, extensionOf(name)) ? KIND_BY_EXTENSION[extensionOf(name)] : undefined;

export const extensionsOf = (kinds: readonly FileKind[]): string[] =>
  Object.keys(KIND_BY_EXTENSION).filter((e) => kinds.includes(KIND_BY_EXTENSION[e]!));

// ——— What the bytes are ———

/** Executable formats: never evidence, whatever the name says. */
export const PROGRAM_TYPES = [
  'exe', // Windows PE / DOS MZ
  'elf', // Linux, Android native
  'mach-o', // macOS, iOS, thin or universal (fat)
  'script', // #! interpreter line
  'java-class',
  'wasm',
  'lnk', // Windows shortcut (runs its target)
  'msi', // Windows Installer package or patch (an OLE file whose root is the installer's CLSID)
  'jar', // ZIP with META-INF/MANIFEST.MF
  'apk', // ZIP with classes.dex or AndroidManifest.xml
  'appx', // ZIP with AppxManifest.xml (MSIX/AppX)
  'ipa', // ZIP with Payload/<name>.app/
] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

/** What finalize recognised. `ole` is a legacy .doc/.xls (both are compound files); `zip` any other ZIP. */
export type SniffedType = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'jpg' | 'png' | ProgramType | 'unknown';

export const isProgram = (t: string): t is ProgramType => (PROGRAM_TYPES as readonly string[]).includes(t);

/** Bytes read before deciding what a file is (the longest magic number, a .lnk header, is 20 bytes). */
export const HEAD_BYTES = 64;

const LNK_HEADER = [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
/** Java class files start with 0xCAFEBABE too; their version (minor·65536 + major) is ≥ 45, Mach-O fat's arch count small. */
const FIRST_JAVA_MAJOR = 45;

/** What the first bytes say. Containers (ZIP, OLE) are refined by `contentSniffer` from their entries. */
export function sniffHead(head: Uint8Array): SniffedType {
  const starts = (...bytes: number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf'; // %PDF-
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x4d, 0x5a)) return 'exe'; // MZ
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return 'elf';
  if (
    starts(0xfe, 0xed, 0xfa, 0xce) ||
    starts(0xfe, 0xed, 0xfa, 0xcf) ||
    starts(0xce, 0xfa, 0xed, 0xfe) ||
    starts(0xcf, 0xfa, 0xed, 0xfe) ||
    starts(0xca, 0xfe, 0xba, 0xbf)
  )
    return 'mach-o';
  if (starts(0xca, 0xfe, 0xba, 0xbe)) {
    if (head.length < 8) return 'mach-o';
    const n = ((head[4]! << 24) | (head[5]! << 16) | (head[6]! << 8) | head[7]!) >>> 0;
    return n >= FIRST_JAVA_MAJOR ? 'java-class' : 'mach-o';
  }
  if (starts(0x23, 0x21)) return 'script'; // #!
  if (starts(0x00, 0x61, 0x73, 0x6d)) return 'wasm'; // \0asm
  if (starts(...LNK_HEADER)) return 'lnk';
  return 'unknown';
}

export interface StreamingSniff {
  update(chunk: Uint8Array): void;
  result(): SniffedType;
}

/**
 * Recognises a file from a stream in bounded memory: the first bytes, then for a ZIP the names of its entries
 * (local and central directory headers: an APK/JAR/AppX/IPA is a program, a DOCX has `word/`, an XLSX `xl/`),
 * for an OLE compound file the CLSID of its root entry (Windows Installer packages are OLE files too).
 */
export function contentSniffer(): StreamingSniff {
  const head = new Uint8Array(HEAD_BYTES);
  let headLen = 0;
  const early: Uint8Array[] = [];
  let family: SniffedType | undefined;
  let inner: ((chunk: Uint8Array) => void) | undefined;
  let refine: (() => SniffedType) | undefined;

  const decide = () => {
    family = sniffHead(head.subarray(0, headLen));
    if (family === 'zip') {
      const zip = zipEntryScan();
      inner = zip.update;
      refine = zip.result;
    } else if (family === 'ole') {
      const ole = oleRootClsid(head.subarray(0, headLen));
      inner = ole.update;
      refine = () => (ole.isInstaller() ? 'msi' : 'ole');
    }
    for (const c of early.splice(0)) inner?.(c);
  };

  return {
    update(chunk) {
      if (family) return inner?.(chunk);
      const take = chunk.subarray(0, HEAD_BYTES - headLen);
      head.set(take, headLen);
      headLen += take.length;
      // Copied (the stream may reuse a chunk's memory) and kept only until the first bytes are in.
      early.push(Uint8Array.from(chunk));
      if (headLen === HEAD_BYTES) decide();
    },
    result() {
      if (!family) decide();
      return refine?.() ?? family!;
    },
  };
}

/** Every type we recognise for a whole file in memory (tests, small files). */
export function sniffBytes(bytes: Uint8Array): SniffedType {
  const s = contentSniffer();
  s.update(bytes);
  return s.result();
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const utf8 = new TextDecoder();

/**
 * Entry names of a ZIP, read from its local headers (`PK\3\4`, name at +30) and central directory
 * (`PK\1\2`, name at +46) as the bytes stream past. Only a few flags are kept, so memory stays bounded; a
 * header cut by a chunk boundary is carried into the next chunk (at most one header and its name).
 */
function zipEntryScan() {
  const seen = { contentTypes: false, jar: false, apk: false, appx: false, ipa: false };
  // The first main-part folder decides: a document's own entries come before any file stored inside it
  // (an embedded workbook lives under word/embeddings/).
  let office: 'docx' | 'xlsx' | undefined;
  const note = (name: string) => {
    if (name === '[Content_Types].xml') seen.contentTypes = true;
    else if (name.startsWith('word/')) office ??= 'docx';
    else if (name.startsWith('xl/')) office ??= 'xlsx';
    else if (name === 'META-INF/MANIFEST.MF') seen.jar = true;
    else if (name === 'classes.dex' || name === 'AndroidManifest.xml') seen.apk = true;
    else if (name === 'AppxManifest.xml') seen.appx = true;
    else if (/^Payload\/[^/]+\.app\//.test(name)) seen.ipa = true;
  };
  let carry = new Uint8Array(0);
  return {
    update(chunk: Uint8Array) {
      let buf = chunk;
      if (carry.length) {
        buf = new Uint8Array(carry.length + chunk.length);
        buf.set(carry);
        buf.set(chunk, carry.length);
      }
      carry = new Uint8Array(0);
      const is = (at: number, sig: readonly number[]) => sig.every((b, k) => buf[at + k] === b);
      const u16 = (at: number) => buf[at]! | (buf[at + 1]! << 8);
      let i = 0;
      for (;;) {
        const at = buf.indexOf(0x50, i); // 'P'
        if (at === -1) return;
        if (at + 4 > buf.length) {
          // Copied: the stream may reuse the chunk's memory once we return.
          carry = buf.slice(at);
          return;
        }
        const fixed = is(at, ZIP_LOCAL) ? 30 : is(at, ZIP_CENTRAL) ? 46 : 0;
        if (!fixed) {
          i = at + 1;
          continue;
        }
        const nameLength = at + fixed <= buf.length ? u16(at + (fixed === 30 ? 26 : 28)) : -1;
        if (nameLength < 0 || at + fixed + nameLength > buf.length) {
          carry = buf.slice(at);
          return;
        }
        note(utf8.decode(buf.subarray(at + fixed, at + fixed + nameLength)));
        i = at + fixed + nameLength;
      }
    },
    result(): SniffedType {
      if (seen.apk) return 'apk';
      if (seen.ipa) return 'ipa';
      if (seen.appx) return 'appx';
      if (seen.jar) return 'jar';
      return (seen.contentTypes && office) || 'zip';
    },
  };
}

/**
 * Windows Installer packages (.msi) and patches (.msp) are OLE compound files like a .doc, told apart by the
 * CLSID of the root directory entry: {000C1084-…} and {000C1086-…}, stored little-endian at byte 80 of the
 * entry, which sits in the first directory sector (header: sector shift at 30, first directory sector at 48).
 */
function oleRootClsid(head: Uint8Array) {
  const at = (i: number) => head[i] ?? 0;
  const shift = at(30) | (at(31) << 8);
  const dirSector = (at(48) | (at(49) << 8) | (at(50) << 16) | (at(51) << 24)) >>> 0;
  const start = shift === 9 || shift === 12 ? (dirSector + 1) * 2 ** shift + 80 : -1;
  const clsid = new Uint8Array(16);
  let got = 0;
  let pos = 0;
  return {
    update(chunk: Uint8Array) {
      const next = start + got; // absolute offset of the next CLSID byte wanted
      if (start >= 0 && got < 16 && next >= pos && next < pos + chunk.length) {
        const part = chunk.subarray(next - pos, Math.min(chunk.length, start + 16 - pos));
        clsid.set(part, got);
        got += part.length;
      }
      pos += chunk.length;
    },
    isInstaller() {
      const tail = [0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
      return (
        got === 16 && (clsid[0] === 0x84 || clsid[0] === 0x86) && tail.every((b, i) => clsid[i + 1] === b)
      );
    },
  };
}

/** The kind the bytes must be for a name/type of `kind`: a .zip may hold anything but a program. */
export function bytesMatchKind(sniffed: SniffedType, kind: FileKind): boolean {
  switch (kind) {
    case 'doc':
    case 'xls':
      return sniffed === 'ole';
    case 'zip':
      return sniffed === 'zip' || sniffed === 'docx' || sniffed === 'xlsx';
    default:
      return sniffed === kind;
  }
}
