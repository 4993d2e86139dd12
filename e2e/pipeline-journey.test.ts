import { idCheckChar } from '@xinxue/domain';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanPath } from '../apps/server/src/modules/pipeline/pipeline-sample.ts';
import { apiLogin, importCsv, peopleByName } from './support/api-seed.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { logIn, screenshot } from './support/ui.ts';

/**
 * 发展党员全流程：one migrant of 冯家湾社区, a cultivation target, applies (one action on the target's
 * page) and goes through all 25 steps in the step forms of the dossier page — activist, candidate
 * with notices in both places, admission (the meeting's quorum and majority shown as typed, the six
 * refusals), confirmation and archive — every record typed in the browser, every step passing the
 * server's gate. Dates lie in the past (the server's clean path, 2022–2024).
 */
const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

const FENGJIAWAN = '420506001001';
const validId = (body: string) => body + idCheckChar(body);
const NAME = '覃小红';
const APPLIED_ON = '2022-03-01';
const policeCsv = [
  '姓名,公民身份号码,户籍地址,现住址,流入时间,工作单位,职业,联系电话',
  `${NAME},${validId('42052719850315442')},湖北省宜昌市秭归县茅坪镇,宜昌市夷陵区小溪塔街道冯家湾社区发展大道28号,2018-04-01,宜昌三峡制药有限公司,质检员,13907181234`,
].join('\r\n');

/** Notices of the candidate in both places (户籍地 and 工作地), five working days before the listing. */
const candidateNotices = [
  { place: 'origin', start: '2023-05-29', end: '2023-06-02', objections: [] },
  { place: 'workplace', start: '2023-05-29', end: '2023-06-02', objections: [] },
];

/** The whole page; with the step form open, what the clerk sees (the drawer is fixed to the viewport). */
/**
 * Types a step's record into its form, field by field, as the form names them (`step<N>_<path>`):
 * dates and numbers typed, codes chosen on their (Chinese-labelled) radio buttons, list rows added
 * with the list's own button.
 */
async function fill(page: Page, drawer: Locator, step: number, value: unknown, pathParts: (string | number)[] = []): Promise<void> {
  const id = `#step${step}_${pathParts.join('_')}`;
  if (Array.isArray(value)) {
    const list = drawer.getByTestId(String(pathParts[pathParts.length - 1]));
    const rows = () => (typeof value[0] === 'object' ? list.locator(`[data-testid^="${String(pathParts[pathParts.length - 1])}-"]`).count() : list.locator('input[type="date"]').count());
    while ((await rows()) < value.length) await list.getByRole('button', { name: /添加|登记/ }).last().click();
    for (const [i, item] of value.entries()) await fill(page, drawer, step, item, [...pathParts, i]);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) await fill(page, drawer, step, v, [...pathParts, k]);
    return;
  }
  const control = drawer.locator(id);
  // An opinion round's stage is implied where the step has only one (no field to choose it).
  if (pathParts.at(-1) === 'stage' && (await control.count()) === 0) return;
  const typed = typeof value === 'number' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value));
  if (!typed && (typeof value === 'boolean' || (await control.evaluate((el) => el.classList.contains('ant-radio-group'))))) {
    await control.locator('label', { has: page.locator(`input[value="${String(value)}"]`) }).click();
    return;
  }
  await control.fill(String(value));
}

/** Opens 办理第N步 (or 再次办理), types the record, sees the live check pass, submits, and waits for the page to show the dossier as it now stands. */
async function recordStep(page: Page, dossierId: number, step: number, fields: Record<string, unknown>, options: { before?: (drawer: Locator) => Promise<void>; button?: RegExp } = {}): Promise<void> {
  await page.getByRole('button', { name: options.button ?? new RegExp(`办理第${step}步`) }).first().click();
  const drawer = page.getByTestId('step-form-drawer');
  await drawer.getByText(`办理第${step}步`).first().waitFor();
  await fill(page, drawer, step, fields);
  await options.before?.(drawer);
  const verdict = drawer.getByTestId('live-verdict');
  // The browser's own judgement of the clean record agrees with the server's (which then records it).
  await expect.poll(async () => (await verdict.textContent()) ?? '', { timeout: 10_000 }).toBe('规则检查：未发现问题');
  const response = page.waitForResponse((r) => r.url().includes(`/steps/${step}`) && r.request().method() === 'POST');
  // The only read of the dossier while the drawer is open is the refetch after the record.
  const refetched = page.waitForResponse((r) => r.url().endsWith(`/api/dossiers/${dossierId}`) && r.request().method() === 'GET');
  await drawer.getByTestId('step-submit').click();
  const res = await response;
  expect(res.status(), `第${step}步：${await res.text()}`).toBe(200);
  await drawer.waitFor({ state: 'hidden' });
  expect((await refetched).status()).toBe(200);
}

describe('发展党员：一名流动人员从重点培养对象到转正归档，全部在步骤表单中办理', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;
  let personId = 0;
  let targetId = 0;

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
    const headers = await apiLogin(api, 'xiaoxita');
    expect(await importCsv(api, headers, 'police', policeCsv)).toMatchObject({ status: 'done', created: 1 });
    personId = (await peopleByName(api, FENGJIAWAN))[NAME]!;
    expect(personId).toBeGreaterThan(0);
    // A cultivation target (talent pages' own journey covers listing one through the UI).
    expect((await api.post(`/api/people/${personId}/talent`, { headers, data: { reason: '质检岗位骨干，积极参加社区志愿服务', nominatedBy: '冯家湾社区党支部', foundVia: 'service' } })).status()).toBe(200);
    const target = await api.post(`/api/people/${personId}/target`, { headers, data: { cadenceDays: 30, reserveCadre: false } });
    expect(target.status(), await target.text()).toBe(200);
    targetId = ((await target.json()) as { id: number }).id;
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test.skipIf(!availability.available)('递交入党申请 → 积极分子 → 发展对象（两地公示）→ 预备党员 → 转正 → 归档', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'xiaoxita');

    // Stage 1: the target applies — one action; the dossier is opened with step 1 at the handling branch.
    await page.goto(`${env.server.url}/targets/${targetId}`);
    await page.getByRole('button', { name: '递交入党申请' }).click();
    const applyDialog = page.getByRole('dialog').filter({ hasText: `递交入党申请：${NAME}` });
    const dateInput = applyDialog.locator('input[aria-label="递交日期"], .ant-picker input').first();
    await dateInput.click();
    await dateInput.fill(APPLIED_ON);
    // Leaving the picker keeps the typed date (Enter would also submit the dialog's form).
    await applyDialog.getByText('本人已向党组织递交书面入党申请').click();
    const applied = page.waitForResponse((r) => r.url().endsWith(`/api/targets/${targetId}/apply`) && r.request().method() === 'POST');
    await applyDialog.getByRole('button', { name: /^确\s*认$/ }).click();
    expect((await applied).status()).toBe(200);
    expect((await applied).request().postDataJSON()).toEqual({ appliedOn: APPLIED_ON });

    const list = (await (await api!.get(`/api/dossiers?personId=${personId}`)).json()) as { items: { id: number; currentStep: number }[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.currentStep).toBe(2);
    const dossierId = list.items[0]!.id;
    await page.goto(`${env.server.url}/dossiers/${dossierId}`);
    await page.getByText(NAME).first().waitFor();

    // Stage 1 → 2: the talk, then the activist (recommendation, two-place opinions), filing, mentors, assessments.
    await recordStep(page, dossierId, 2, cleanPath[2]![0]!);
    await screenshot(page, 'pipeline-1-applicant.png');
    await recordStep(page, dossierId, 3, cleanPath[3]![0]!, {
      before: async (drawer) => {
        // The codes read as Chinese labels.
        await drawer.getByTestId('recommendations-0').getByText('党员推荐').waitFor();
        await drawer.getByTestId('opinions-0').getByText('函询').waitFor();
      },
    });
    await recordStep(page, dossierId, 4, cleanPath[4]![0]!);
    await recordStep(page, dossierId, 5, cleanPath[5]![0]!);
    await recordStep(page, dossierId, 6, cleanPath[6]![0]!);
    // The second six-monthly assessment: step 6 again (repeatable while the dossier is at step 7).
    await recordStep(page, dossierId, 6, cleanPath[6]![1]!, { button: /再次办理第6步/ });
    await screenshot(page, 'pipeline-2-activist.png');

    // Stage 3: the candidate, with notices in both places (户籍地, 工作地) and opinions of both.
    await recordStep(page, dossierId, 7, { ...cleanPath[7]![0]!, notices: candidateNotices }, {
      before: async (drawer) => {
        await drawer.getByTestId('notices-0').getByText('户籍地').waitFor();
        await drawer.getByTestId('notices-1').getByText('工作地').waitFor();
        await screenshot(page, 'pipeline-3-candidate-form.png', false);
      },
    });
    for (const n of [8, 9, 10, 11]) await recordStep(page, dossierId, n, cleanPath[n]![0]!);
    await screenshot(page, 'pipeline-3-candidate.png');

    // Stage 4: admission. The meeting's quorum and majority show as the tally is typed (R-MTG-*).
    for (const n of [12, 13, 14]) await recordStep(page, dossierId, n, cleanPath[n]![0]!);
    await recordStep(page, dossierId, 15, cleanPath[15]![0]!, {
      before: async (drawer) => {
        await drawer.getByTestId('meeting').getByText('秘密投票').waitFor();
        await expect.poll(() => drawer.getByTestId('tally-R-MTG-QUORUM').getAttribute('data-ok')).toBe('true');
        expect(await drawer.getByTestId('tally-R-MTG-MAJORITY').getAttribute('data-ok')).toBe('true');
        expect(await drawer.getByTestId('tally-R-MTG-MAJORITY').textContent()).toContain('超过应到 20 人的半数');
        const refusals = drawer.getByTestId('six-refusals').getByTestId('refusal-item');
        await expect.poll(() => refusals.count()).toBe(6);
        expect(await drawer.getByTestId('six-refusals').locator('[data-status="failed"]').count()).toBe(0);
        await screenshot(page, 'pipeline-4-meeting-form.png', false);
      },
    });
    for (const n of [16, 17, 18]) await recordStep(page, dossierId, n, cleanPath[n]![0]!);
    await screenshot(page, 'pipeline-4-probationer.png');

    // Stage 5: probation, confirmation and archive.
    for (const n of [19, 20]) await recordStep(page, dossierId, n, cleanPath[n]![0]!);
    await recordStep(page, dossierId, 21, cleanPath[21]![0]!);
    for (const fields of cleanPath[21]!.slice(1)) await recordStep(page, dossierId, 21, fields, { button: /再次办理第21步/ });
    for (const n of [22, 23, 24]) await recordStep(page, dossierId, n, cleanPath[n]![0]!);
    await recordStep(page, dossierId, 25, cleanPath[25]![0]!);

    const detail = (await (await api!.get(`/api/dossiers/${dossierId}`)).json()) as { status: string; currentStep: number; document: { archivedOn?: string; notices?: { place: string }[]; confirmation?: { outcome: string } }; findings: { severity: string; rule: string }[] };
    expect(detail).toMatchObject({ status: 'member', currentStep: 26, document: { archivedOn: '2024-11-01', confirmation: { outcome: 'confirm' } } });
    expect(detail.document.notices?.map((n) => n.place).sort()).toEqual(['origin', 'workplace']);
    expect(detail.findings.filter((f) => f.severity === 'BLOCK')).toEqual([]);
    await page.reload();
    await page.getByText(NAME).first().waitFor();
    await screenshot(page, 'pipeline-5-member.png');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
