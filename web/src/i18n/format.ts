/**
 * Dates are shown dd/MM/yyyy in both languages (what Vietnamese offices write); instants in the cycle's time
 * zone. Numbers follow the language: 1.234,5 in Vietnamese, 1,234.5 in English.
 */
import type { Lang } from './lang.ts';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** `YYYY-MM-DD` (a calendar date, no time zone) → `dd/MM/yyyy`. */
export function formatIsoDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(instant: string | Date): Record<string, string> | undefined {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return undefined;
  return Object.fromEntries(partsFormatter.formatToParts(d).map((p) => [p.type, p.value]));
}

/** An instant → `dd/MM/yyyy` in Asia/Ho_Chi_Minh. */
export function formatDate(instant: string | Date): string {
  const p = parts(instant);
  return p ? `${p.day}/${p.month}/${p.year}` : String(instant);
}

/** An instant → `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTime(instant: string | Date): string {
  const p = parts(instant);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : String(instant);
}

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** 0–100 → "25,5%" / "25.5%". */
export function formatPercent(n: number, lang: Lang): string {
  return `${formatNumber(n, lang, 1)}%`;
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
  return `${formatNumber(bytes / 1024 / 1024 / 1024, lang, 2)} GB`;
}

/** Lower case, no diacritics, đ → d: "Kế hoạch" and "ke hoach" match each other. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}
