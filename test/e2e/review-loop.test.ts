/**
 * Journey 2 — the review loop on criterion 8.3 (assigned to Phòng Quản lý Công nghệ). The 2023 demo cycle's
 * self-assessment deadline has passed, so the reviewer first reopens the unit with a reason and a new
 * deadline. Then the member self-scores with an explanation (the evidence is missing), the unit's leader
 * submits, the reviewer requests changes with a comment, the member sees it and fixes the score and
 * explanation, the leader resubmits, the reviewer accepts, and the entity's projected points count the
 * appraisal. Then the evidence itself: the reviewer rejects the plan (a reason is required), the member sees
 * why and uploads a new revision (the verdict is dropped), the reviewer's stale accept is a 409 and the
 * retry accepts it. Three people, three browser contexts, one browser. Screenshots: test/artifacts/e2e/review-loop/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { expectClean, signIn, until } from './journey.ts';
import { makePdf } from './pdf.ts';

const { web } = inject('e2e');
const MEMBER = 'chuyenvien@minhchung.local';
const LEADER = 'truongphong.qlcn@minhchung.local';
const REVIEWER = 'thamdinh@minhchung.local';
const ENTITY = 'so-khcn-ninh-thuan';
const CODE = '8.3';
const CRITERION_PATH = `/cycles/cycle-2023/entities/${ENTITY}/criteria/${CODE}`;
const REVIEW_PATH = `/review/cycle-2023/${ENTITY}/${CODE}`;
const PLAN_FILE = 'Chương trình hỗ trợ doanh nghiệp 2023.pdf';
const PLAN_TITLE = 'Chương trình hỗ trợ doanh nghiệp 2023';
const REJECT_REASON = 'Văn bản chưa có chữ ký và đóng dấu; đề nghị tải lên bản đã ký.';

let s: Session;
let browser: Browser;
const pages: Record<'member' | 'leader' | 'reviewer', Page> = {} as never;
const shot = screenshots('review-loop');
let projectedBefore = 0;

/** "12,5/68 điểm" in the projected-index card → 12.5. */
async function projectedPoints(page: Page): Promise<number> {
  const text = (await page.getByTestId('readiness-projected').textContent()) ?? '';
  const m = /([\d.,]+)\/[\d.,]+ điểm/.exec(text);
  if (!m) throw new Error(`no projected points in "${text}"`);
  return Number(m[1]!.replace(/\./g, '').replace(',', '.'));
}

const state = (page: Page) => page.getByTestId('review-state').first().getAttribute('data-state');

beforeAll(async () => {
  s = await openBrowser(DESKTOP);
  browser = s.context.browser()!;
  pages.reviewer = s.page;
  for (const who of ['member', 'leader'] as const) {
    const ctx = await browser.newContext({
      viewport: DESKTOP,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    pages[who] = await ctx.newPage();
    pages[who].on('pageerror', (e) => s.problems.push(`${who} pageerror: ${e.message}`));
  }
  await Promise.all([
    signIn(pages.reviewer, web, REVIEWER),
    signIn(pages.member, web, MEMBER),
    signIn(pages.leader, web, LEADER),
  ]);
});

afterAll(async () => {
  await s?.close();
});

describe('review loop: self-score, submit, request changes, fix, resubmit, accept', () => {
  test('the reviewer lands on the review queue and reopens the unit for the criterion', async () => {
    const page = pages.reviewer;
    await page.waitForURL(/\/review$/);
    await page.getByRole('heading', { name: 'Danh sách chờ thẩm định', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Việc của tôi' }).count()).toBe(0);
    await shot(page, 'reviewer-queue-start');
    await page.goto(web + REVIEW_PATH);
    const reopen = page.getByTestId('reopen');
    await reopen.waitFor();
    await reopen.getByLabel('Lý do mở lại').fill('Gia hạn để phòng hoàn thiện tự đánh giá tiêu chí 8.3');
    const [y, m, d] = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10).split('-');
    await reopen.getByLabel('Hạn mới (dd/mm/yyyy)').fill(`${d}/${m}/${y}`);
    await reopen.getByRole('button', { name: 'Mở lại' }).click();
    await page.getByText('Đã mở lại đến', { exact: false }).waitFor();
    await expectClean(page, 'review page 1366');
    await shot(page, 'reviewer-reopened');
  });

  test('the member self-scores 8.3: the explanation is required while evidence is missing', async () => {
    const page = pages.member;
    await page.getByTestId('readiness-projected').waitFor();
    projectedBefore = await projectedPoints(page);
    await page.goto(web + CRITERION_PATH);
    const panel = page.getByTestId('score-panel');
    await panel.getByLabel(/Điểm tự chấm/).waitFor();
    expect(await state(page)).toBe('draft');
    // The leader has the same criterion open, before the member's first save (for the conflict below).
    await pages.leader.goto(web + CRITERION_PATH);
    await pages.leader
      .getByTestId('score-panel')
      .getByLabel(/Điểm tự chấm/)
      .waitFor();
    expect(await panel.getByTestId('explanation-rule').textContent()).toContain('Bắt buộc giải trình');
    await panel.getByLabel(/Điểm tự chấm/).fill('3');
    await panel.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await panel.getByText('Vui lòng nhập giải trình vì minh chứng chưa đủ.').waitFor();
    await panel
      .getByLabel('Giải trình')
      .fill('Chương trình hỗ trợ doanh nghiệp đã trình UBND tỉnh, đang chờ phê duyệt; báo cáo sẽ bổ sung.');
    await panel.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await page.getByText('Đã lưu tự đánh giá.').waitFor();
    await until(
      'self score shown',
      async () => (await panel.getByTestId('self-score').textContent()) === '3/3',
    );
    await page.getByTestId('audit-entry').filter({ hasText: 'Tự chấm điểm / giải trình' }).first().waitFor();
    expect(await page.getByTestId('audit-entry').first().textContent()).toMatch(
      /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    await expectClean(page, 'criterion 1366');
    await shot(page, 'member-self-scored');

    // The leader saves from a stale page: 409, the current value is shown, and a retry goes through.
    const leader = pages.leader;
    const leaderPanel = leader.getByTestId('score-panel');
    await leaderPanel.getByLabel(/Điểm tự chấm/).fill('2');
    await leaderPanel.getByLabel('Giải trình').fill('Lãnh đạo phòng chấm 2 điểm.');
    await leaderPanel.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await leaderPanel.getByText('Tiêu chí vừa được người khác thay đổi', { exact: false }).waitFor();
    await until(
      'current value shown',
      async () => (await leaderPanel.getByTestId('self-score').textContent()) === '3/3',
    );
    expect(await leaderPanel.getByLabel('Giải trình').inputValue()).toContain('đang chờ phê duyệt');
    await shot(leader, 'leader-conflict');
    await leaderPanel.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await leader.getByText('Đã lưu tự đánh giá.').waitFor();
  });

  test('the leader sees what will be submitted and submits it', async () => {
    const page = pages.leader;
    await page.goto(web);
    const card = page.getByTestId('submit-card');
    await card.getByRole('checkbox', { name: `Tiêu chí ${CODE}` }).waitFor();
    expect(await card.getByRole('checkbox', { name: `Tiêu chí ${CODE}` }).isChecked()).toBe(true);
    await expectClean(page, 'leader home 1366');
    await shot(page, 'leader-before-submit');
    await card.getByRole('button', { name: 'Nộp tự đánh giá' }).click();
    await page.getByText(/Đã nộp \d+ tiêu chí\./).waitFor();
    await page.locator('[data-testid="row-review-state"]:visible', { hasText: 'Đã nộp' }).waitFor();
    await page.goto(web + CRITERION_PATH);
    await until('submitted', async () => (await state(page)) === 'submitted');
    await page.getByTestId('score-readonly').waitFor();
  });

  test('the reviewer takes it from the queue and requests changes with a comment', async () => {
    const page = pages.reviewer;
    await page.goto(`${web}/review`);
    const link = page.getByRole('link', { name: `Thẩm định tiêu chí ${CODE} của ${ENTITY}` });
    await link.waitFor();
    await shot(page, 'reviewer-queue');
    await link.click();
    await page.waitForURL(`**${REVIEW_PATH}`);
    await page.getByTestId('review-explanation').getByText('đang chờ phê duyệt', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nhận thẩm định' }).click();
    await until('in review', async () => (await state(page)) === 'in_review');
    const form = page.getByTestId('appraisal');
    await form.getByLabel(/Điểm thẩm định/).fill('1');
    await form.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await form.getByText('Vui lòng nhập nhận xét.').waitFor();
    await form
      .getByLabel('Nhận xét (gửi cho đơn vị)')
      .fill('Chưa có kế hoạch được phê duyệt; đề nghị bổ sung quyết định phê duyệt hoặc giảm điểm tự chấm.');
    await form.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await until('changes requested', async () => (await state(page)) === 'changes_requested');
    await expectClean(page, 'review page 1366');
    await shot(page, 'reviewer-requested-changes');
  });

  test('the member sees the request and fixes the score and explanation; the leader resubmits', async () => {
    const page = pages.member;
    await page.reload();
    await until('changes requested', async () => (await state(page)) === 'changes_requested');
    await page.getByTestId('reviewer-comment').getByText('đề nghị bổ sung', { exact: false }).waitFor();
    await page.getByTestId('comment').filter({ hasText: 'Yêu cầu bổ sung' }).waitFor();
    await shot(page, 'member-sees-request');
    const panel = page.getByTestId('score-panel');
    await panel.getByLabel(/Điểm tự chấm/).fill('1,5');
    await panel
      .getByLabel('Giải trình')
      .fill('Kế hoạch chưa được phê duyệt trong năm; phòng tự chấm lại 1,5 điểm theo kết quả thực hiện.');
    await panel.getByRole('button', { name: 'Lưu tự đánh giá' }).click();
    await until(
      'new self score',
      async () => (await panel.getByTestId('self-score').textContent()) === '1,5/3',
    );
    // And the plan itself, as evidence: one of the two slots filled.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Chọn tệp từ máy' }).click(),
    ]);
    await chooser.setFiles({
      name: 'Chương trình hỗ trợ doanh nghiệp 2023.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('Chuong trinh ho tro doanh nghiep 2023'),
    });
    await until(
      'evidence available',
      async () => (await page.getByTestId('upload-item').first().getAttribute('data-status')) === 'done',
      30_000,
    );
    await until(
      'coverage 50 %',
      async () => (await page.getByTestId('criterion-coverage').textContent()) === '50%',
    );
    const thread = page.getByTestId('comments');
    await thread.getByLabel('Nội dung trao đổi').fill('Phòng đã điều chỉnh điểm và giải trình theo góp ý.');
    await thread.getByRole('button', { name: 'Gửi trao đổi' }).click();
    await thread.getByTestId('comment').filter({ hasText: 'Phòng đã điều chỉnh điểm' }).waitFor();

    const leader = pages.leader;
    await leader.goto(web);
    const card = leader.getByTestId('submit-card');
    await card.getByRole('checkbox', { name: `Tiêu chí ${CODE}` }).waitFor();
    await card.getByRole('button', { name: 'Nộp tự đánh giá' }).click();
    await leader.getByText(/Đã nộp \d+ tiêu chí\./).waitFor();
    await page.reload();
    await until('resubmitted', async () => (await state(page)) === 'resubmitted');
  });

  test('the reviewer accepts; the criterion is accepted and the projected points count the appraisal', async () => {
    const page = pages.reviewer;
    await page.goto(`${web}/review`);
    await page.getByRole('link', { name: `Thẩm định tiêu chí ${CODE} của ${ENTITY}` }).click();
    await until('resubmitted', async () => (await state(page)) === 'resubmitted');
    // The evidence the member added can be downloaded (a short-lived link, saved under its own name).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Tải về ${PLAN_FILE}` }).click(),
    ]);
    expect(download.suggestedFilename()).toContain('.pdf');
    await shot(page, 'reviewer-before-accept');
    const form = page.getByTestId('appraisal');
    await form.getByLabel(/Điểm thẩm định/).fill('1,5');
    await form.getByLabel('Nhận xét (gửi cho đơn vị)').fill('Đồng ý với điểm tự chấm đã điều chỉnh.');
    await form.getByRole('button', { name: 'Chấp nhận' }).click();
    await until('accepted', async () => (await state(page)) === 'accepted');
    await page.getByTestId('review-appraised').getByText('1,5/3').waitFor();
    await shot(page, 'reviewer-accepted');

    const member = pages.member;
    await member.reload();
    await until('accepted for the member', async () => (await state(member)) === 'accepted');
    await member.getByTestId('appraised-score').getByText('1,5/3').waitFor();
    await member.getByTestId('audit-entry').filter({ hasText: 'Thẩm định: Đã chấp nhận' }).first().waitFor();
    await shot(member, 'member-accepted');
    await member.goto(web);
    await member.getByTestId('readiness-projected').waitFor();
    // 8.3 had no evidence: self × coverage counted 0 before; the accepted appraisal counts 1.5.
    await until(
      'projected points rose by the appraisal',
      async () => (await projectedPoints(member)) >= projectedBefore + 1.5,
    );
    await shot(member, 'member-home-after');
  });

  test('the reviewer rejects the evidence with a reason; the member sees why and uploads a new revision; a stale accept is a 409; the reviewer accepts', async () => {
    const page = pages.reviewer;
    await page.goto(web + REVIEW_PATH);
    const item = page.getByTestId('review-evidence').filter({ hasText: PLAN_TITLE });
    await item.getByRole('button', { name: `Tải về ${PLAN_FILE}` }).waitFor();
    expect(await item.getAttribute('data-state')).toBe('available');
    // Rejecting needs a reason: the form says so on its (labelled) field, and nothing is sent.
    await item.getByRole('button', { name: /^Không chấp nhận tài liệu/ }).click();
    const form = item.getByTestId('evidence-reject-form');
    await form.getByRole('button', { name: 'Gửi không chấp nhận' }).click();
    await form.getByText('Vui lòng ghi lý do không chấp nhận', { exact: false }).waitFor();
    expect(await form.getByLabel('Lý do không chấp nhận (gửi cho đơn vị)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await item.getAttribute('data-state')).toBe('available');
    await expectClean(page, 'review page, reject form 1366');
    await shot(page, 'reviewer-evidence-reason-required');
    await form.getByLabel('Lý do không chấp nhận (gửi cho đơn vị)').fill(REJECT_REASON);
    await form.getByRole('button', { name: 'Gửi không chấp nhận' }).click();
    await until('evidence rejected', async () => (await item.getAttribute('data-state')) === 'rejected');
    const verdict = item.getByTestId('evidence-verdict');
    await verdict.getByText(REJECT_REASON, { exact: false }).waitFor();
    expect(await verdict.textContent()).toMatch(/Không chấp nhận bởi .+ lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    // A rejected evidence can still be accepted; rejecting again is not offered.
    expect(await item.getByRole('button', { name: /^Không chấp nhận tài liệu/ }).count()).toBe(0);
    await expectClean(page, 'review page, evidence rejected 1366');
    await shot(page, 'reviewer-evidence-rejected');

    // The member sees the rejection, the reason, who, and how to resubmit, on the criterion page.
    const member = pages.member;
    await member.setViewportSize(DESKTOP);
    await member.goto(web + CRITERION_PATH);
    const row = member.getByTestId('evidence-row').filter({ hasText: PLAN_TITLE });
    await row.getByTestId('evidence-state').and(member.locator('[data-state="rejected"]')).waitFor();
    expect(await row.getByTestId('evidence-state').textContent()).toBe('Không được chấp nhận');
    const seen = row.getByTestId('evidence-verdict');
    await seen.getByText(REJECT_REASON, { exact: false }).waitFor();
    expect(await seen.textContent()).toMatch(/Không chấp nhận bởi .+\(Thẩm định\)/);
    expect(await seen.getByTestId('evidence-verdict-hint').textContent()).toContain(
      'tải lên phiên bản mới để gửi thẩm định lại',
    );
    await expectClean(member, 'criterion, evidence rejected 1366');
    await shot(member, 'member-sees-rejection');

    // The drawer says the same and takes the new revision; once checked, the verdict is dropped.
    await row.getByRole('button', { name: /^Thông tin, tệp và liên kết của/ }).click();
    const drawer = member.getByTestId('evidence-drawer');
    await drawer.getByTestId('ev-verdict').getByText(REJECT_REASON, { exact: false }).waitFor();
    await shot(member, 'member-drawer-rejected', { fullPage: false });
    await drawer
      .getByTestId('ev-file')
      .first()
      .getByTestId('revision-file-input')
      .setInputFiles({
        name: 'Chương trình hỗ trợ doanh nghiệp 2023 (đã ký).pdf',
        mimeType: 'application/pdf',
        buffer: makePdf('Chuong trinh ho tro doanh nghiep 2023 - ban da ky dong dau'),
      });
    await drawer.getByTestId('revision-sent').waitFor();
    await until(
      'revision 2 checked and in use',
      async () => {
        const first = drawer.getByTestId('ev-revision').first();
        return (
          (await first.getAttribute('data-state')) === 'available' &&
          ((await first.textContent()) ?? '').includes('Đang dùng')
        );
      },
      30_000,
    );
    await until('verdict dropped', async () => (await drawer.getByTestId('ev-verdict').count()) === 0);
    await member.keyboard.press('Escape');
    await until(
      'the list shows the evidence available again',
      async () => (await row.getByTestId('evidence-state').getAttribute('data-state')) === 'available',
    );
    expect(await row.getByTestId('evidence-verdict').count()).toBe(0);
    await shot(member, 'member-new-revision');

    // The reviewer's page still holds the old version: accepting it now is a 409; the list reloads.
    await item.getByRole('button', { name: /^Chấp nhận tài liệu/ }).click();
    await item.getByTestId('evidence-review-conflict').waitFor();
    await until('reloaded to available', async () => (await item.getAttribute('data-state')) === 'available');
    await shot(page, 'reviewer-evidence-conflict');
    await item.getByRole('button', { name: /^Chấp nhận tài liệu/ }).click();
    await until('evidence accepted', async () => (await item.getAttribute('data-state')) === 'accepted');
    expect(await item.getByTestId('evidence-verdict').textContent()).toMatch(
      /Chấp nhận bởi .+ lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    expect(await item.getByRole('button', { name: /^Chấp nhận tài liệu/ }).count()).toBe(0);
    await expectClean(page, 'review page, evidence accepted 1366');
    await shot(page, 'reviewer-evidence-accepted');

    await member.reload();
    await until(
      'accepted for the member',
      async () => (await row.getByTestId('evidence-state').getAttribute('data-state')) === 'accepted',
    );
    expect(await row.getByTestId('evidence-state').textContent()).toBe('Được chấp nhận');
    // Only reviewers and admins are offered the verdict buttons.
    expect(await member.getByRole('button', { name: /^Chấp nhận tài liệu/ }).count()).toBe(0);
    await shot(member, 'member-evidence-accepted');
  });

  test('no sideways scroll on a 390 px phone (criterion and review pages)', async () => {
    const member = pages.member;
    await member.setViewportSize(PHONE);
    await member.goto(web + CRITERION_PATH);
    await member.getByTestId('score-panel').waitFor();
    await member.getByTestId('audit-entry').first().waitFor();
    await expectClean(member, 'criterion 390');
    await shot(member, 'phone-criterion');
    const reviewer = pages.reviewer;
    await reviewer.setViewportSize(PHONE);
    await reviewer.goto(web + REVIEW_PATH);
    await reviewer.getByTestId('appraisal').waitFor();
    await expectClean(reviewer, 'review 390');
    await reviewer.getByText('EN', { exact: true }).click();
    await reviewer.getByRole('button', { name: 'Request changes' }).waitFor();
    await reviewer.getByText('Appraised: Accepted').first().waitFor();
    await expectClean(reviewer, 'review 390 English');
    await reviewer.getByText('VI', { exact: true }).click();
    await reviewer.getByRole('button', { name: 'Yêu cầu bổ sung' }).waitFor();
    await shot(reviewer, 'phone-review');
    await reviewer.goto(`${web}/review`);
    await reviewer.getByRole('heading', { name: 'Danh sách chờ thẩm định', level: 1 }).waitFor();
    await expectClean(reviewer, 'queue 390');
  });

  test('no uncaught exceptions along the way', () => {
    expect(s.problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
