/**
 * Journey — "Việc của tôi". The member (chuyên viên, phòng QLCN) sees "Việc cần làm": what the unit still owes,
 * the API's own per-criterion figures deciding which criteria and which next step, sorted by due date with
 * the overdue ones first in red ("Quá hạn N ngày làm việc"), one task due in the future that the journey
 * assigns itself; one click opens the criterion. The criteria tree opens and closes its areas, a search
 * without diacritics opens the areas it finds something in, the area filter keeps one area with its roll-up
 * from the API. English relabels; 1366×768 and 390×844 stay clean. The leader filters the list by unit.
 * The browsers' clock is set to 15/11/2023. Screenshots: test/artifacts/e2e/member-home/.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Output } from '#web/api/types.ts';
import { fold } from '#web/i18n/format.ts';
import { DESKTOP, openBrowser, PHONE, type Session, screenshots } from './browser.ts';
import { callApi, expectClean, signIn, tokenFor, tokenOf, until } from './journey.ts';

const { web, api } = inject('e2e');
const CYCLE = 'cycle-2023';
const ENTITY = 'so-khcn-ninh-thuan';
const MEMBER_UNIT = 'phong-qlcn';
const LEADER_UNIT = 'van-phong-so';
const shot = screenshots('member-home');
const sessions: Session[] = [];

type Readiness = Output<'getEntityReadiness'>;
type Criterion = Readiness['criteria'][number];

/** The next step the page must offer, written out again from the API's fields (not imported from the app). */
function expectedAction(c: Criterion): string | undefined {
  if (c.appraised) return undefined;
  if (c.state === 'changes_requested') return 'fix';
  if (c.state && c.state !== 'draft') return undefined;
  if (c.coverage < 1 && !c.explanationGiven) return 'upload';
  if (c.selfScore === undefined) return 'score';
  return undefined;
}
const ACTION_VI: Record<string, string> = {
  upload: 'Tải minh chứng',
  score: 'Tự chấm điểm',
  fix: 'Sửa theo góp ý',
};

const readinessOf = async (page: Page) =>
  callApi<Readiness>(api, await tokenOf(page), 'GET', `/v1/cycles/${CYCLE}/entities/${ENTITY}/readiness`);
const owedCodes = (r: Readiness, unitId?: string) =>
  [...r.criteria, ...r.adjustments]
    .filter((c) => expectedAction(c) && c.unitIds.length > 0 && (!unitId || c.unitIds.includes(unitId)))
    .map((c) => c.code)
    .sort();

/**
 * The browsers live on 15/11/2023 (the seed plan's year; a task's due date must fall in the cycle's year), so
 * some of the plan's tasks are overdue and some are not yet.
 */
const TODAY = '2023-11-15';
const NOW = new Date(`${TODAY}T09:00:00+07:00`);
/** The date of the task the journey adds, still ahead on TODAY. */
const FUTURE_DUE = '2023-12-20';
/** The date of the overdue task the journey adds. */
const PAST_DUE = '2023-10-10';

async function openAt(viewport = DESKTOP): Promise<Session> {
  const s = await openBrowser(viewport);
  sessions.push(s);
  await s.page.clock.install({ time: NOW });
  return s;
}
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

interface TaskRowData {
  code: string;
  action: string;
  due: string;
  overdue: boolean;
  text: string;
}
async function taskRows(page: Page): Promise<TaskRowData[]> {
  const more = page.getByRole('button', { name: /^Xem tất cả \d+ việc$/ });
  if (await more.count()) await more.click();
  const rows = page.getByTestId('task-row');
  const out: TaskRowData[] = [];
  for (const row of await rows.all())
    out.push({
      code: (await row.getAttribute('data-code')) ?? '',
      action: (await row.getAttribute('data-action')) ?? '',
      due: (await row.getAttribute('data-due')) ?? '',
      overdue: (await row.getAttribute('data-overdue')) === 'true',
      text: (await row.textContent()) ?? '',
    });
  return out;
}

/** Sorted by due date, overdue (red, "Quá hạn N ngày làm việc") before the rest, dates dd/MM/yyyy. */
function expectSortedWithOverdueFirst(rows: TaskRowData[], today: string) {
  const dues = rows.map((r) => r.due);
  expect(dues).toEqual([...dues].sort());
  const firstFuture = rows.findIndex((r) => !r.overdue);
  if (firstFuture >= 0) expect(rows.slice(firstFuture).every((r) => !r.overdue)).toBe(true);
  for (const r of rows) {
    expect(r.overdue).toBe(r.due < today);
    expect(r.text).toContain(`Hạn ${ddmmyyyy(r.due)}`);
    if (r.overdue) expect(r.text).toMatch(/Quá hạn \d+ ngày làm việc/);
    expect(r.text).toContain(ACTION_VI[r.action]);
  }
}

const criterionRows = (page: Page) => page.getByTestId('criteria-table').locator('tbody tr.mc-clickable');
const shownCodes = async (page: Page) =>
  (await criterionRows(page).locator('.mc-code-link').allTextContents()).map((s) => s.trim());

afterAll(async () => {
  for (const s of sessions) await s.close();
});

describe('Việc của tôi', () => {
  let member: Session;
  let page: Page;
  /** The criterion the journey assigns to the member's unit, due after TODAY. */
  let future: { code: string; due: string };
  /** One the journey assigns overdue on TODAY. */
  let late: { code: string; due: string };

  test('the member sees what the unit owes, by due date, overdue first, with the right next action', async () => {
    // Other journeys change the plan's criteria (the review loop submits 8.3): the admin gives the unit two
    // tasks of its own, one overdue on TODAY and one due after it, each on a criterion that still lacks
    // evidence and is not the unit's yet.
    const admin = await tokenFor(web, 'admin@minhchung.local');
    const cycle = await callApi<{ frameworkId: string }>(api, admin, 'GET', `/v1/cycles/${CYCLE}`);
    const before = await callApi<Readiness>(
      api,
      admin,
      'GET',
      `/v1/cycles/${CYCLE}/entities/${ENTITY}/readiness`,
    );
    const candidates = [...before.criteria]
      .reverse()
      .filter((c) => expectedAction(c) === 'upload' && !c.unitIds.includes(MEMBER_UNIT));
    expect(candidates.length, 'two criteria still lacking evidence').toBeGreaterThanOrEqual(2);
    future = { code: candidates[0]!.code, due: FUTURE_DUE };
    late = { code: candidates[1]!.code, due: PAST_DUE };
    for (const [t, title] of [
      [future, 'Kiểm thử: nhiệm vụ còn hạn của phòng'],
      [late, 'Kiểm thử: nhiệm vụ quá hạn của phòng'],
    ] as const)
      await callApi(api, admin, 'POST', `/v1/cycles/${CYCLE}/entities/${ENTITY}/assignments`, {
        unitId: MEMBER_UNIT,
        criteria: [{ frameworkId: cycle.frameworkId, code: t.code }],
        title,
        dueDate: t.due,
      });

    member = await openAt(DESKTOP);
    page = member.page;
    await signIn(page, web, 'chuyenvien@minhchung.local');
    await page.getByRole('heading', { name: 'Việc của tôi', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Việc cần làm', level: 2 }).waitFor();
    await page.getByTestId('task-row').first().waitFor();

    const r = await readinessOf(page);
    const rows = await taskRows(page);
    // Exactly the unit's owed criteria, each with the action its figures call for.
    expect(rows.map((x) => x.code).sort()).toEqual(owedCodes(r, MEMBER_UNIT));
    for (const row of rows)
      expect(row.action).toBe(
        expectedAction([...r.criteria, ...r.adjustments].find((c) => c.code === row.code)!),
      );
    expectSortedWithOverdueFirst(rows, TODAY);
    const overdueRow = rows.find((x) => x.code === late.code)!;
    expect(overdueRow.overdue).toBe(true);
    expect(overdueRow.text).toContain('Hạn 10/10/2023');
    expect(overdueRow.text).toMatch(/Quá hạn 2\d ngày làm việc/);
    const mine = rows.find((x) => x.code === future.code)!;
    expect(mine.overdue).toBe(false);
    expect(mine.due).toBe(future.due);
    expect(mine.text).toMatch(/Còn \d+ ngày làm việc/);
    expect(mine.text).toContain('Kiểm thử: nhiệm vụ còn hạn của phòng');
    expect(rows.indexOf(mine)).toBe(rows.length - 1);
    // Overdue dates in red.
    const overdueDate = page.locator('[data-overdue="true"] .mc-task-date').first();
    expect(await overdueDate.evaluate((el) => (globalThis as any).getComputedStyle(el).color)).toBe(
      'rgb(207, 19, 34)',
    );
    expect(await page.getByTestId('tasks-count').textContent()).toMatch(
      new RegExp(`^${rows.length} việc, ${rows.filter((x) => x.overdue).length} quá hạn$`),
    );
    // The cycle's framework is the demo's sample one: its name and the plain notice, the note on demand.
    const notice = page.getByTestId('cycle-card').getByTestId('framework-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-provenance')).toBe('sample');
    expect(await notice.getByTestId('framework-name').textContent()).toBe(
      'Bộ Chỉ số cải cách hành chính cấp sở (mẫu)',
    );
    expect(await notice.getByTestId('framework-sample-notice').textContent()).toBe(
      'Điểm mẫu, chưa xác nhận theo văn bản chính thức',
    );
    await notice.getByText('Ghi chú nguồn gốc số liệu').click();
    await notice.getByText(/^Mẫu minh họa\. 8 lĩnh vực/).waitFor();
    await expectClean(page, 'home tasks 1366');
    await shot(page, 'member-tasks');
  });

  test('one click on the next action opens the criterion at the uploader', async () => {
    const row = page.locator(`[data-testid="task-row"][data-code="${future.code}"]`);
    const link = row.getByRole('link', { name: `Tải minh chứng: tiêu chí ${future.code}` });
    expect(await link.getAttribute('href')).toBe(
      `/cycles/${CYCLE}/entities/${ENTITY}/criteria/${future.code}#upload`,
    );
    await link.click();
    await page.waitForURL(`**/cycles/${CYCLE}/entities/${ENTITY}/criteria/${future.code}#upload`);
    await page.getByTestId('uploader').waitFor();
    // The uploader's section is scrolled to and holds the keyboard focus.
    await until('focus on the upload section', () =>
      page.evaluate(() => (globalThis as any).document.activeElement?.id === 'upload'),
    );
    // Panels above it may finish loading later; the page keeps the section in view meanwhile.
    await until('the upload section at the top of the window', async () => {
      const top = await page.locator('#upload').evaluate((el) => el.getBoundingClientRect().top);
      return top >= 0 && top < 200;
    });
    // Beside the score panel too.
    expect(await page.locator('#score').getByTestId('framework-sample-notice').textContent()).toBe(
      'Điểm mẫu, chưa xác nhận theo văn bản chính thức',
    );
    await shot(page, 'criterion-from-task');
    await page.goBack();
    await page.getByTestId('task-row').first().waitFor();
  });

  test('the criteria tree: areas open and close, search without diacritics opens areas, area filter', async () => {
    const table = page.getByTestId('criteria-table');
    await table.waitFor();
    const wholeEntity = page.getByText(/^Cả đơn vị \(\d+\)$/);
    if (await wholeEntity.count()) await wholeEntity.click();
    const r = await readinessOf(page);
    await until(
      'every criterion listed',
      async () => (await criterionRows(page).count()) === r.criteria.length,
    );

    // Area 1 closes and opens again with its own labelled button.
    const toggle1 = table.getByRole('button', { name: 'Thu gọn lĩnh vực 1' });
    expect(await toggle1.getAttribute('aria-expanded')).toBe('true');
    await toggle1.click();
    await until('area 1 closed', async () => (await shownCodes(page)).every((c) => !c.startsWith('1.')));
    expect(await table.getByRole('button', { name: 'Mở lĩnh vực 1' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect((await shownCodes(page)).some((c) => c.startsWith('2.'))).toBe(true);
    await shot(page, 'tree-area-1-closed');
    await table.getByRole('button', { name: 'Mở lĩnh vực 1' }).click();
    await page.getByRole('link', { name: 'Mở tiêu chí 1.1', exact: true }).waitFor();

    // Everything closed, then a search without diacritics: the areas with a match open by themselves.
    await page.getByRole('button', { name: 'Thu gọn tất cả' }).click();
    await until('all areas closed', async () => (await criterionRows(page).count()) === 0);
    expect(await table.getByTestId('area-row').count()).toBeGreaterThan(1);
    await page.getByLabel('Tìm tiêu chí').fill('ke hoach');
    await page.getByRole('link', { name: 'Mở tiêu chí 1.1', exact: true }).waitFor();
    const found = await criterionRows(page).allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const t of found) expect(fold(t)).toContain('ke hoach');
    await shot(page, 'tree-search');
    await page.getByLabel('Tìm tiêu chí').fill('');

    // The area filter keeps area 2, its roll-up the API's.
    await page.getByLabel('Lĩnh vực', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^2\. / }).click();
    await until('only area 2', async () => {
      const codes = await shownCodes(page);
      return codes.length > 0 && codes.every((c) => c.startsWith('2.'));
    });
    expect(await table.getByTestId('area-row').count()).toBe(1);
    const node = r.byNode.find((n) => n.code === '2')!;
    expect(await table.getByTestId('area-rollup').first().textContent()).toContain(
      `${node.completeCount}/${node.criteriaCount} tiêu chí hoàn thành`,
    );
    expect((await shownCodes(page)).length).toBe(r.criteria.filter((c) => c.code.startsWith('2.')).length);
    await expectClean(page, 'home tree 1366');
    await shot(page, 'tree-area-filter');
    await page.getByLabel('Lĩnh vực', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Tất cả lĩnh vực' }).click();
  });

  test('English relabels the list and the tree', async () => {
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'To do', level: 2 }).waitFor();
    await page.getByRole('link', { name: `Upload evidence: criterion ${future.code}` }).waitFor();
    expect(await page.locator(`[data-testid="task-row"][data-code="${late.code}"]`).textContent()).toMatch(
      /\d+ working days overdue/,
    );
    await page.getByRole('button', { name: 'Collapse area 1' }).waitFor();
    expect(await page.getByTestId('framework-sample-notice').first().textContent()).toBe(
      'Sample scores, not confirmed against the official text',
    );
    await expectClean(page, 'home english 1366');
    await shot(page, 'home-english');
    await page.getByText('VI', { exact: true }).click();
    await page.getByRole('heading', { name: 'Việc cần làm', level: 2 }).waitFor();
  });

  test('a 390 px phone: no sideways scroll, every control labelled', async () => {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await expectClean(page, 'home 390');
    await shot(page, 'phone-home');
    await page.getByTestId('task-list').scrollIntoViewIfNeeded();
    await shot(page, 'phone-tasks', { fullPage: false });
    await page.getByTestId('criteria-table').scrollIntoViewIfNeeded();
    await shot(page, 'phone-tree', { fullPage: false });
    await page.setViewportSize(DESKTOP);
  });

  test('the leader sees every unit’s work and filters by unit', async () => {
    const leader = await openAt(DESKTOP);
    const p = leader.page;
    await signIn(p, web, 'lanhdao@minhchung.local');
    await p.getByRole('heading', { name: 'Việc cần làm', level: 2 }).waitFor();
    await p.getByTestId('task-row').first().waitFor();
    const r = await readinessOf(p);
    const all = await taskRows(p);
    expect(all.map((x) => x.code).sort()).toEqual(owedCodes(r));
    expectSortedWithOverdueFirst(all, TODAY);
    const entity = await callApi<{ units: { unitId: string; name: { vi: string } }[] }>(
      api,
      await tokenOf(p),
      'GET',
      `/v1/entities/${ENTITY}`,
    );
    const nameOf = (unitId: string) => entity.units.find((u) => u.unitId === unitId)!.name.vi;
    // Each row says which unit owes it.
    expect(all.find((x) => x.code === future.code)?.text).toContain(nameOf(MEMBER_UNIT));
    await shot(p, 'leader-tasks-all');

    const unitName = nameOf(LEADER_UNIT);
    await p.getByLabel('Phòng', { exact: true }).click();
    await p.locator('.ant-select-item-option').filter({ hasText: unitName }).click();
    await until('only the unit’s rows', async () => {
      const rows = await taskRows(p);
      return JSON.stringify(rows.map((x) => x.code).sort()) === JSON.stringify(owedCodes(r, LEADER_UNIT));
    });
    const unitRows = await taskRows(p);
    expectSortedWithOverdueFirst(unitRows, TODAY);
    for (const row of unitRows) expect(row.text).toContain(unitName);
    await expectClean(p, 'leader tasks 1366');
    await shot(p, 'leader-tasks-unit');
    await p.setViewportSize(PHONE);
    await p.waitForTimeout(300);
    await expectClean(p, 'leader home 390');
    await shot(p, 'leader-phone');
    expect(leader.problems).toEqual([]);
  });

  test('no console errors', () => {
    expect(member.problems).toEqual([]);
  });
});
