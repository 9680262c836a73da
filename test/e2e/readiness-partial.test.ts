/**
 * Journey 9 — readiness counts a half-filled requirement as half (docs/readiness.md, rule 2). Criterion 1.2
 * asks for four quarterly reports (one per quarter of 2023); no other journey touches it. A member of Văn phòng
 * Sở sends two reports dated in Q1 and Q2 (straight on the API: the browser upload is journey 1's), then opens
 * 1.2 in the browser: the requirement reads 2/4, "Đủ một phần (50%)", the quarters covered, and the
 * criterion's coverage 50%. "Cách tính" says it in sentences; the formulas are behind the switch.
 * Screenshots: test/artifacts/e2e/readiness-partial/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { DESKTOP, openBrowser, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenFor, until } from './journey.ts';
import { makePdf } from './pdf.ts';

const { web, api } = inject('e2e');
const MEMBER_VP = 'chuyenvien.vp@minhchung.local';
const ENTITY = 'so-khcn-ninh-thuan';
const CYCLE = 'cycle-2023';
const CODE = '1.2';
const BASE = `/v1/cycles/${CYCLE}/entities/${ENTITY}`;
type Upload = Output<'requestUpload'>;
type Readiness = Output<'getEntityReadiness'>;

let s: Session;
let page: Page;
const shot = screenshots('readiness-partial');

async function sendReport(token: string, title: string, issueDate: string): Promise<void> {
  const pdf = makePdf(title, 2048);
  const ticket = await callApi<Upload>(api, token, 'POST', `${BASE}/criteria/${CODE}/uploads`, {
    fileName: `${title}.pdf`,
    contentType: 'application/pdf',
    sizeBytes: pdf.length,
    title,
    documentType: 'bao-cao',
    issueDate,
  });
  if (ticket.upload.mode !== 'single') throw new Error('a small file is one PUT');
  const put = await fetch(ticket.upload.url, {
    method: 'PUT',
    headers: ticket.upload.headers,
    body: new Uint8Array(pdf),
  });
  expect(put.status).toBe(200);
}

beforeAll(async () => {
  const token = await tokenFor(web, MEMBER_VP);
  await sendReport(token, 'Báo cáo CCHC quý I năm 2023', '2023-03-28');
  await sendReport(token, 'Báo cáo CCHC quý II năm 2023', '2023-06-27');
  // Finalize checks the bytes; wait until both count.
  await until(
    'both reports checked and counted',
    async () => {
      const r = await callApi<Readiness>(api, token, 'GET', `${BASE}/readiness`);
      return r.criteria.find((c) => c.code === CODE)?.slots[0]?.count === 2;
    },
    30_000,
  );
  s = await openBrowser(DESKTOP);
  page = s.page;
});

afterAll(async () => {
  await s?.close();
});

describe('a half-filled requirement counts half', () => {
  test('2 of 4 quarterly reports: 2/4, partly filled (50%), quarters named, coverage 50%', async () => {
    await signIn(page, web, MEMBER_VP);
    await page.goto(`${web}/cycles/${CYCLE}/entities/${ENTITY}/criteria/${CODE}`);
    const slot = page.getByTestId('slot-bao-cao');
    await slot.waitFor();
    const text = (await slot.textContent()) ?? '';
    expect(text).toContain('2/4');
    expect(text).toContain('Đủ một phần (50%)');
    expect(text).toContain('Q1/2023, Q2/2023');
    expect(await slot.getAttribute('data-fill')).toBe('0.5');
    expect(await page.getByTestId('criterion-coverage').textContent()).toBe('50%');
    await expectClean(page, 'criterion 1.2 1366');
    await shot(page, 'criterion-half-filled');
  });

  test('"Cách tính" explains the figures in sentences; the formulas are one switch away', async () => {
    await page.goto(`${web}/?cycle=${CYCLE}&entity=${ENTITY}`);
    await page.getByText('Cách tính', { exact: true }).first().click();
    const how = page.getByTestId('how-computed');
    await how.waitFor();
    const coverageSays = (await how.getByTestId('how-evidenceCoveragePercent').textContent()) ?? '';
    expect(coverageSays).toContain('một yêu cầu cần n tài liệu mới có k tài liệu được tính k/n');
    expect(await how.locator('.mc-how-formula').count()).toBe(0);
    await how.getByText('Xem công thức', { exact: true }).click();
    await until('formulas shown', async () => (await how.locator('.mc-how-formula').count()) > 0);
    await expectClean(page, 'how computed 1366');
    await shot(page, 'how-computed');
  });
});
