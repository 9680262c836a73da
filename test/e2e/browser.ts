/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), one fresh profile per run, and
 * the checks every journey repeats: screenshots per step, no sideways scroll.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { REPO_ROOT } from '#infra/local/stack.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(REPO_ROOT, 'test/artifacts/e2e');

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (a journey ends with none). */
  problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = DESKTOP): Promise<Session> {
  // playwright gives each launch a new, empty user-data-dir of its own and deletes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** Saves `test/artifacts/e2e/<journey>/<nn>-<step>.png`, numbered in the order taken. */
export function screenshots(journey: string) {
  const dir = join(ARTIFACTS, journey);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (page: Page, step: string, opts: { fullPage?: boolean } = {}) => {
    n += 1;
    const path = join(dir, `${String(n).padStart(2, '0')}-${step}.png`);
    await page.screenshot({ path, fullPage: opts.fullPage ?? true, animations: 'disabled' });
    return path;
  };
}

/** Just the DOM this file touches inside the page (the project's type-check has no DOM library). */
interface PageDom {
  document: {
    documentElement: { clientWidth: number; scrollWidth: number };
    querySelectorAll(
      sel: string,
    ): Iterable<{ tagName: string; className: unknown; getBoundingClientRect(): { right: number } }>;
  };
}

/** Width the page would scroll sideways by, and the widest elements that cause it (for the failure message). */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageDom;
    const vw = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - vw;
    const culprits: string[] = [];
    if (overflow > 0) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && culprits.length < 5)
          culprits.push(
            `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)}`,
          );
      }
    }
    return { overflow, culprits };
  });
}

/**
 * Form controls and buttons without an accessible name (no label, aria-label(ledby), title or text).
 * Hidden inputs, and the file input behind its visible button, are skipped.
 */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: any };
    const out: string[] = [];
    for (const el of document.querySelectorAll(
      'input, select, textarea, button, [role="combobox"], a[href]',
    )) {
      if (el.type === 'hidden' || el.hidden || el.closest('[aria-hidden="true"]')) continue;
      const named =
        (el.labels && el.labels.length > 0) ||
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        el.getAttribute('title') ||
        (el.textContent ?? '').trim() ||
        el.querySelector('[aria-label], img[alt]:not([alt=""])');
      if (!named) out.push(`${el.tagName.toLowerCase()}#${el.id}.${String(el.className).slice(0, 50)}`);
    }
    return out;
  });
}
