/**
 * Journey — the first download on a slow office line (docs/web.md, "First load"): the sign-in page loads only
 * the JavaScript `index.html` names (no page chunk), within a byte budget that may not grow; after sign-in the
 * next page a member opens (the criterion page) is fetched in the background, and opening it works.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser, type Session } from './browser.ts';
import { signIn, until } from './journey.ts';

const { web } = inject('e2e');

/**
 * Bytes (uncompressed) of the JavaScript the sign-in page loads: 1,628,407 in December 2026, after the pages
 * other than sign-in and "Việc của tôi" became lazy (it was 1,704,435). Raise it only with a reason.
 */
const SIGN_IN_JS_BUDGET = 1_640_000;

let s: Session;
let page: Page;
const scripts = new Map<string, number>();

beforeAll(async () => {
  s = await openBrowser();
  page = s.page;
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.set(path, (await r.body().catch(() => Buffer.alloc(0))).length);
  });
});

afterAll(async () => {
  await s?.close();
});

describe('the first load', () => {
  test('the sign-in page loads only what index.html names, within the budget', async () => {
    await page.goto(`${web}/sign-in`);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const html = await (await fetch(`${web}/`)).text();
    const named = new Set([...html.matchAll(/\/assets\/[^"]+\.js/g)].map((m) => m[0]));
    expect([...scripts.keys()].filter((p) => !named.has(p))).toEqual([]);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(100_000);
    expect(total).toBeLessThanOrEqual(SIGN_IN_JS_BUDGET);
    expect([...scripts.keys()].some((p) => /CriterionPage|DashboardPage|echarts/.test(p))).toBe(false);
  });

  test('after sign-in the criterion page is fetched in the background, and opens', async () => {
    await signIn(page, web, 'chuyenvien@minhchung.local');
    await until('the criterion page chunk is prefetched', async () =>
      [...scripts.keys()].some((p) => /\/CriterionPage-[^/]+\.js$/.test(p)),
    );
    const link = page.locator('a[href*="/criteria/"]').first();
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.url()).toMatch(/\/criteria\//);
    expect(s.problems).toEqual([]);
  });
});
