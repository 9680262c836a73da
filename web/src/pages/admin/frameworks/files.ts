/**
 * Files to and from the API for the framework screens. The template and export routes answer with the file's
 * bytes (not JSON, not a presigned URL): `api.file` fetches them with the same token handling as `api.call`,
 * and they are saved here under a name we choose (the API's Content-Disposition is not readable across
 * origins). Names are NFC.
 */

/** Hands a Blob to the browser's download, under an NFC file name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.normalize('NFC');
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A File's bytes as base64 (the import route takes an .xlsx as base64 in JSON). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A CSV that Excel opens with Vietnamese intact (UTF-8 with BOM, CRLF). */
export function csvBlob(rows: (string | number | undefined)[][]): Blob {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n');
  return new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** The largest file the import route takes (5 MB of JSON, base64 adds a third). */
export const MAX_IMPORT_FILE_BYTES = Math.floor((5 * 1024 * 1024 * 3) / 4) - 4096;
