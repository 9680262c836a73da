/**
 * The resumable ZIP writer (shared/domain/zip-writer.ts), checked by the tools people and councils use:
 * Info-ZIP's `unzip -t` and Python's `zipfile` read what it writes — Vietnamese names with the UTF-8 flag,
 * stored entries with data descriptors, ZIP64 past 4 GiB — and a build interrupted after any entry and
 * continued from its checkpoint is byte-for-byte the uninterrupted one.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dosDateTime, uniqueNames, type ZipCheckpoint, ZipWriter } from '#domain/zip-writer.ts';

const WHEN = dosDateTime({ year: 2026, month: 12, day: 3, hour: 19, minute: 5, second: 42 });
const dir = mkdtempSync(join(tmpdir(), 'minhchung-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  name: string;
  bytes: Uint8Array;
}

/** Writes entries [from, to) and optionally the end; returns the bytes. */
function write(w: ZipWriter, entries: readonly Entry[], from: number, to: number, finish: boolean) {
  const out: Uint8Array[] = [];
  for (const e of entries.slice(from, to)) {
    out.push(w.begin(e.name, e.bytes.length, WHEN));
    // Fed in pieces, as an S3 stream would.
    for (let i = 0; i < e.bytes.length; i += 7) out.push(w.data(e.bytes.subarray(i, i + 7)));
    out.push(w.end());
  }
  if (finish) out.push(w.finish());
  return Buffer.concat(out);
}

const py = (script: string, file: string) =>
  JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as unknown;

const ENTRIES: Entry[] = [
  {
    name: '1 Công tác chỉ đạo/1.1 Kế hoạch CCHC/1803-KH-SKHCN Kế hoạch cải cách hành chính.pdf',
    bytes: Buffer.from('%PDF-1.4 kế hoạch'),
  },
  { name: '1 Công tác chỉ đạo/1.2 Báo cáo quý/Báo cáo quý I.pdf', bytes: Buffer.from('%PDF-1.4 quý I') },
  { name: 'manifest.csv', bytes: Buffer.from('path,bytes\n') },
  { name: 'rỗng.txt', bytes: new Uint8Array(0) },
];

describe('zip writer', () => {
  it('writes an archive unzip -t and Python read, with UTF-8 names (flag bit 11) and the bytes intact', () => {
    const file = join(dir, 'a.zip');
    writeFileSync(file, write(new ZipWriter(), ENTRIES, 0, ENTRIES.length, true));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    const info = py(
      'import sys,json,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad":z.testzip(),"entries":[[i.filename,i.flag_bits,i.file_size,z.read(i).decode("utf8")] for i in z.infolist()]}))',
      file,
    ) as { bad: null; entries: [string, number, number, string][] };
    expect(info.bad).toBeNull();
    expect(info.entries.map((e) => e[0])).toEqual(ENTRIES.map((e) => e.name));
    for (const [i, e] of info.entries.entries()) {
      expect(e[1] & 0x800).toBe(0x800);
      expect(e[3]).toBe(Buffer.from(ENTRIES[i]!.bytes).toString('utf8'));
    }
  });

  it('continued from a checkpoint after any entry, the archive is byte-for-byte the uninterrupted one', () => {
    const whole = write(new ZipWriter(), ENTRIES, 0, ENTRIES.length, true);
    for (let k = 0; k <= ENTRIES.length; k++) {
      const first = new ZipWriter();
      const head = write(first, ENTRIES, 0, k, false);
      // The checkpoint travels as JSON (it is stored between runs).
      const saved = JSON.parse(JSON.stringify(first.checkpoint())) as ZipCheckpoint;
      expect(saved.offset).toBe(head.length);
      const tail = write(new ZipWriter(saved), ENTRIES, k, ENTRIES.length, true);
      expect(Buffer.concat([head, tail]).equals(whole), `stopped after ${k}`).toBe(true);
    }
  });

  it('refuses an entry whose length differs from the size announced (an object that changed)', () => {
    const w = new ZipWriter();
    w.begin('a.pdf', 10, WHEN);
    w.data(new Uint8Array(9));
    expect(() => w.end()).toThrow(/9 bytes, 10 were announced/);
  });

  it('names colliding in one folder (case-insensitively, as on Windows) are numbered stably', () => {
    expect(uniqueNames(['a/Báo cáo.pdf', 'a/báo cáo.pdf', 'b/Báo cáo.pdf', 'a/Báo cáo.pdf', 'a/x'])).toEqual([
      'a/Báo cáo.pdf',
      'a/báo cáo (2).pdf',
      'b/Báo cáo.pdf',
      'a/Báo cáo (3).pdf',
      'a/x',
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a/x.pdf', 'a/X.pdf', 'a/x (2).pdf', 'b/x.pdf', 'a/y'), { maxLength: 12 }),
        (paths) => {
          const out = uniqueNames(paths);
          expect(new Set(out.map((p) => p.toLowerCase())).size).toBe(out.length);
          expect(uniqueNames(paths)).toEqual(out);
        },
      ),
    );
  });

  it('uses ZIP64 for an entry of 4 GiB or more, and unzip and Python read it (sparse file, no 4 GiB in memory)', () => {
    const size = 2 ** 32 + 5;
    const w = new ZipWriter();
    const file = join(dir, 'big.zip');
    const fd = openSync(file, 'w');
    try {
      let at = 0;
      const put = (b: Uint8Array) => {
        writeSync(fd, b, 0, b.length, at);
        at += b.length;
      };
      put(w.begin('tệp lớn.bin', size, WHEN));
      // The entry's bytes are zeros: count them through the writer without writing them (the file stays sparse).
      const zeros = new Uint8Array(64 * 1024 * 1024);
      let left = size;
      while (left > 0) {
        const n = Math.min(left, zeros.length);
        w.data(zeros.subarray(0, n));
        left -= n;
      }
      at += size;
      put(w.end());
      put(w.begin('sau.txt', 3, WHEN));
      put(w.data(Buffer.from('abc')));
      put(w.end());
      put(w.finish());
    } finally {
      closeSync(fd);
    }
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8', maxBuffer: 1 << 20 })).toContain(
      'No errors detected',
    );
    const info = py(
      'import sys,json,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([[i.filename,i.file_size,i.header_offset] for i in z.infolist()]+[z.read("sau.txt").decode()]))',
      file,
    ) as unknown[];
    expect(info[0]).toEqual(['tệp lớn.bin', size, 0]);
    expect((info[1] as [string, number, number])[0]).toBe('sau.txt');
    expect((info[1] as [string, number, number])[2]).toBeGreaterThan(2 ** 32);
    expect(info[2]).toBe('abc');
  }, 120_000);
});
