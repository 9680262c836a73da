/**
 * A streaming ZIP writer that can stop between entries and continue in another process (docs/dossier.md,
 * "the evidence package"). No maintained library resumes an archive across processes, so this is ours: it
 * only encodes bytes (no I/O). Entries are STORED (evidence is PDF, DOCX, images: already compressed), with the
 * UTF-8 name flag (bit 11) and a data descriptor (bit 3) since the CRC is known only once the bytes went by.
 * ZIP64 is used exactly where needed: an entry of 4 GiB or more (ZIP64 local extra and 8-byte descriptor),
 * an entry starting past 4 GiB (ZIP64 offset in the central directory), and the end records when the
 * directory is past 4 GiB or there are more than 65,535 entries (PKWARE APPNOTE 4.3.9, 4.4, 4.5.3).
 *
 * `checkpoint()` is everything needed to continue: the bytes written so far and, per written entry, its
 * name, offset, sizes, CRC and time. A writer made from a checkpoint produces exactly the bytes an
 * uninterrupted one would have produced from that point.
 */
import { crc32 } from 'node:zlib';

const U32 = 0xffffffff;
const U16 = 0xffff;
const FLAGS = 0x0008 | 0x0800; // data descriptor follows; names are UTF-8
const MADE_BY_UNIX = 3 << 8;

export interface ZipEntryRecord {
  name: string;
  offset: number;
  size: number;
  crc: number;
  /** MS-DOS time and date (local time of the reading). */
  time: number;
  date: number;
  zip64: boolean;
}

export interface ZipCheckpoint {
  /** Bytes of the archive written so far (entries complete). */
  offset: number;
  entries: ZipEntryRecord[];
}

/** MS-DOS date and time from calendar fields (seconds are stored in 2-second steps). */
export function dosDateTime(t: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}) {
  return {
    time: (t.hour << 11) | (t.minute << 5) | Math.floor(t.second / 2),
    date: ((Math.max(1980, t.year) - 1980) << 9) | (t.month << 5) | t.day,
  };
}

class Bytes {
  private readonly buf: Buffer;
  private at = 0;
  constructor(size: number) {
    this.buf = Buffer.alloc(size);
  }
  u16(v: number) {
    this.at = this.buf.writeUInt16LE(v, this.at);
    return this;
  }
  u32(v: number) {
    this.at = this.buf.writeUInt32LE(v >>> 0, this.at);
    return this;
  }
  u64(v: number) {
    this.at = this.buf.writeBigUInt64LE(BigInt(v), this.at);
    return this;
  }
  raw(b: Uint8Array) {
    this.buf.set(b, this.at);
    this.at += b.length;
    return this;
  }
  done(): Uint8Array {
    return this.buf;
  }
}

export class ZipWriter {
  private offset: number;
  private readonly entries: ZipEntryRecord[];
  private current?: { record: ZipEntryRecord; expected: number; crc: number; size: number };

  constructor(from?: ZipCheckpoint) {
    this.offset = from?.offset ?? 0;
    this.entries = from ? from.entries.map((e) => ({ ...e })) : [];
  }

  get entryCount(): number {
    return this.entries.length;
  }

  /** Bytes written so far (also the next entry's offset). */
  get position(): number {
    return this.offset;
  }

  checkpoint(): ZipCheckpoint {
    if (this.current) throw new Error('zip: a checkpoint is taken between entries');
    return { offset: this.offset, entries: this.entries.map((e) => ({ ...e })) };
  }

  /** The local header of the next entry. `size` is the number of bytes that will follow (checked at the end). */
  begin(name: string, size: number, when: { time: number; date: number }): Uint8Array {
    if (this.current) throw new Error('zip: the previous entry is not finished');
    const nameBytes = Buffer.from(name.normalize('NFC'), 'utf8');
    if (nameBytes.length > U16) throw new Error('zip: name too long');
    const zip64 = size >= U32;
    const record: ZipEntryRecord = {
      name: name.normalize('NFC'),
      offset: this.offset,
      size: 0,
      crc: 0,
      ...when,
      zip64,
    };
    const extra = zip64 ? 20 : 0;
    const out = new Bytes(30 + nameBytes.length + extra)
      .u32(0x04034b50)
      .u16(zip64 ? 45 : 20)
      .u16(FLAGS)
      .u16(0) // stored
      .u16(when.time)
      .u16(when.date)
      .u32(0) // CRC, sizes: in the data descriptor
      .u32(zip64 ? U32 : 0)
      .u32(zip64 ? U32 : 0)
      .u16(nameBytes.length)
      .u16(extra)
      .raw(nameBytes);
    if (zip64) out.u16(0x0001).u16(16).u64(0).u64(0);
    const bytes = out.done();
    this.offset += bytes.length;
    this.current = { record, expected: size, crc: 0, size: 0 };
    return bytes;
  }

  /** Passes an entry's bytes through (stored), counting them and updating the CRC. */
  data(chunk: Uint8Array): Uint8Array {
    const c = this.current;
    if (!c) throw new Error('zip: no entry begun');
    c.crc = crc32(chunk, c.crc);
    c.size += chunk.length;
    this.offset += chunk.length;
    return chunk;
  }

  /** The data descriptor; fails if the entry's length differs from the size announced (a changed object). */
  end(): Uint8Array {
    const c = this.current;
    if (!c) throw new Error('zip: no entry begun');
    if (c.size !== c.expected)
      throw new Error(`zip: ${c.record.name} has ${c.size} bytes, ${c.expected} were announced`);
    const record = { ...c.record, size: c.size, crc: c.crc };
    const out = c.record.zip64
      ? new Bytes(24).u32(0x08074b50).u32(c.crc).u64(c.size).u64(c.size)
      : new Bytes(16).u32(0x08074b50).u32(c.crc).u32(c.size).u32(c.size);
    const bytes = out.done();
    this.offset += bytes.length;
    this.entries.push(record);
    this.current = undefined;
    return bytes;
  }

  /** The central directory and the end records: the archive's last bytes. */
  finish(): Uint8Array {
    if (this.current) throw new Error('zip: the last entry is not finished');
    const parts: Uint8Array[] = [];
    const cdStart = this.offset;
    for (const e of this.entries) {
      const name = Buffer.from(e.name, 'utf8');
      const bigSize = e.size >= U32;
      const bigOffset = e.offset >= U32;
      const extraLen = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
      const out = new Bytes(46 + name.length + (extraLen ? 4 + extraLen : 0))
        .u32(0x02014b50)
        .u16(MADE_BY_UNIX | (e.zip64 || bigOffset ? 45 : 20))
        .u16(e.zip64 || bigOffset ? 45 : 20)
        .u16(FLAGS)
        .u16(0)
        .u16(e.time)
        .u16(e.date)
        .u32(e.crc)
        .u32(bigSize ? U32 : e.size)
        .u32(bigSize ? U32 : e.size)
        .u16(name.length)
        .u16(extraLen ? 4 + extraLen : 0)
        .u16(0) // comment
        .u16(0) // disk
        .u16(0) // internal attributes
        .u32((0o100644 << 16) >>> 0) // a regular file, rw-r--r--
        .u32(bigOffset ? U32 : e.offset)
        .raw(name);
      if (extraLen) {
        out.u16(0x0001).u16(extraLen);
        if (bigSize) out.u64(e.size).u64(e.size);
        if (bigOffset) out.u64(e.offset);
      }
      parts.push(out.done());
    }
    const cdSize = parts.reduce((s, p) => s + p.length, 0);
    const count = this.entries.length;
    const zip64End =
      count > U16 || cdStart >= U32 || cdSize >= U32 || this.entries.some((e) => e.zip64 || e.offset >= U32);
    if (zip64End) {
      const recordAt = cdStart + cdSize;
      parts.push(
        new Bytes(56)
          .u32(0x06064b50)
          .u64(44)
          .u16(MADE_BY_UNIX | 45)
          .u16(45)
          .u32(0)
          .u32(0)
          .u64(count)
          .u64(count)
          .u64(cdSize)
          .u64(cdStart)
          .done(),
        new Bytes(20).u32(0x07064b50).u32(0).u64(recordAt).u32(1).done(),
      );
    }
    parts.push(
      new Bytes(22)
        .u32(0x06054b50)
        .u16(0)
        .u16(0)
        .u16(Math.min(count, U16))
        .u16(Math.min(count, U16))
        .u32(Math.min(cdSize, U32))
        .u32(Math.min(cdStart, U32))
        .u16(0)
        .done(),
    );
    const bytes = Buffer.concat(parts);
    this.offset += bytes.length;
    return bytes;
  }
}

/**
 * Names inside one archive made unique, stably: the first keeps its name, later ones get " (2)", " (3)"…
 * before the extension. Case-insensitive (Windows), NFC.
 */
export function uniqueNames(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((p) => {
    const path = p.normalize('NFC');
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const file = path.slice(slash + 1);
    const dot = file.lastIndexOf('.');
    const stem = dot > 0 ? file.slice(0, dot) : file;
    const ext = dot > 0 ? file.slice(dot) : '';
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${dir}${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
