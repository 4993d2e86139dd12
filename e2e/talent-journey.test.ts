import { chinaToday, idCheckChar } from '@xinxue/domain';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiLogin, importCsv, peopleByName } from './support/api-seed.ts';
import { collectPageErrors } from './support/page-errors.ts';
import { browserAvailability } from './support/server.ts';
import { serverAndBrowser } from './support/suite.ts';
import { chooseOption, logIn, screenshot, waitForChart } from './support/ui.ts';

const availability = browserAvailability();
if (!availability.available) console.warn(availability.reason);

const validId = (body: string) => body + idCheckChar(body);
const FENGJIAWAN = '420506001001';
// Two people who came to 冯家湾社区 (小溪塔街道): the journey works with 陈晓燕; 刘洋 is put on
// both lists through the API so the phone has a target with a contact to show.
const policeCsv = [
  '姓名,公民身份号码,户籍地址,现住址,流入时间,工作单位,职业,联系电话',
  `陈晓燕,${validId('42050619960712442')},湖北省宜昌市秭归县茅坪镇,宜昌市夷陵区小溪塔街道冯家湾社区发展大道20号,2024-03-01,宜昌三峡制药有限公司,质检员,13907185678`,
  `刘洋,${validId('42052519980305331')},湖北省宜昌市远安县鸣凤镇,宜昌市夷陵区小溪塔街道冯家湾社区东湖路16号,2023-09-01,宜昌市夷陵区东湖超市,店长,15872019876`,
].join('\r\n');

const REASON = '在网格志愿服务中表现突出，主动协助开展流动人口清查，有入党意愿';
const NOMINATED_BY = '冯家湾社区党支部 李明';
const CONTACT_NOTE = '电话了解近况：工作稳定，愿意参加社区党员志愿服务活动';
/**
 * The server decides what "today" is in China's time (talent.service.ts `today()`, chinaToday); the
 * browser runs in China's time zone too, so that the date picker's today is the server's today at
 * any hour of the day (UTC's date is a day behind from 16:00 UTC on).
 */
const TIMEZONE = 'Asia/Shanghai';
const today = () => chinaToday();

/** Clicks an option of the antd Select inside `scope` (short lists: every option is rendered). */
const pick = (page: Page, scope: Locator, label: string) => chooseOption(page, scope, label, { search: false });

describe('优秀分子与重点培养对象：列入、联系跟踪、递交入党申请', () => {
  const env = serverAndBrowser();
  let api: APIRequestContext | undefined;
  let people: Record<string, number> = {};

  beforeAll(async () => {
    if (!availability.available) return;
    api = await request.newContext({ baseURL: env.server.url });
    const headers = await apiLogin(api, 'xiaoxita');
    expect(await importCsv(api, headers, 'police', policeCsv)).toMatchObject({ status: 'done', created: 2 });
    people = await peopleByName(api, FENGJIAWAN);
    // The demo's dossiers have people of their own in 冯家湾社区 too.
    expect(Object.keys(people)).toEqual(expect.arrayContaining(['刘洋', '陈晓燕']));
    // 刘洋: outstanding (grid), a reserve-cadre target with one contact, through the API.
    const liu = people['刘洋']!;
    expect((await api.post(`/api/people/${liu}/talent`, { headers, data: { reason: '网格中发现的青年骨干，带领超市员工参加志愿服务', nominatedBy: '网格员 赵磊', foundVia: 'grid' } })).status()).toBe(200);
    const target = await api.post(`/api/people/${liu}/target`, { headers, data: { cadenceDays: 30, reserveCadre: true } });
    expect(target.status(), await target.text()).toBe(200);
    const { id } = (await target.json()) as { id: number };
    const contact = await api.post(`/api/targets/${id}/contacts`, { headers, data: { channel: 'visit', contactedOn: today(), note: '上门走访，了解其参加村（社区）工作的意愿' } });
    expect(contact.status(), await contact.text()).toBe(200);
  });

  afterAll(async () => {
    await api?.dispose();
  });

  test('桌面：人员页列为优秀分子和重点培养对象，记录联系后在时间线上看到，递交入党申请后状态改变', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', timezoneId: TIMEZONE });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'xiaoxita');
    // Both pages are in the menu of a township committee.
    await page.getByRole('menuitem', { name: /优秀分子/ }).waitFor();
    await page.getByRole('menuitem', { name: /重点培养对象/ }).waitFor();

    const personId = people['陈晓燕']!;
    await page.goto(`${env.server.url}/people/${personId}`);
    const card = page.getByTestId('person-talent');
    await card.getByText('优秀分子：').waitFor();
    const talentStatus = card.getByTestId('person-talent-status');
    const targetStatus = card.getByTestId('person-target-status');
    await talentStatus.getByText('未列入').waitFor();
    await targetStatus.getByText('未列入').waitFor();

    // 1. 列为优秀分子.
    await card.getByRole('button', { name: '列为优秀分子' }).click();
    const talentDialog = page.getByRole('dialog').filter({ hasText: '列为优秀分子：陈晓燕' });
    await talentDialog.waitFor();
    await talentDialog.getByPlaceholder(/在网格服务中表现突出/).fill(REASON);
    await talentDialog.getByPlaceholder('姓名或单位').fill(NOMINATED_BY);
    await pick(page, talentDialog, '在服务中发现');
    const flagged = page.waitForResponse((r) => r.url().endsWith(`/api/people/${personId}/talent`) && r.request().method() === 'POST');
    await talentDialog.getByRole('button', { name: /^列\s*入$/ }).click();
    expect((await flagged).status()).toBe(200);
    expect((await flagged).request().postDataJSON()).toEqual({ reason: REASON, nominatedBy: NOMINATED_BY, foundVia: 'service' });
    await talentDialog.waitFor({ state: 'hidden' });
    await talentStatus.getByText('已列入').waitFor();
    expect(await talentStatus.textContent()).toContain('在服务中发现');
    expect(await card.getByRole('button', { name: '列为优秀分子' }).count()).toBe(0);

    // 2. 列为重点培养对象: every 14 days, a village reserve cadre; the owner is the signed-in user.
    await card.getByRole('button', { name: '列为重点培养对象' }).click();
    const targetDialog = page.getByRole('dialog').filter({ hasText: '列为重点培养对象：陈晓燕' });
    await targetDialog.waitFor();
    await targetDialog.getByText('王芳（本人）').waitFor();
    await targetDialog.getByRole('spinbutton').fill('14');
    await targetDialog.getByRole('switch').click();
    const added = page.waitForResponse((r) => r.url().endsWith(`/api/people/${personId}/target`) && r.request().method() === 'POST');
    await targetDialog.getByRole('button', { name: /^列\s*入$/ }).click();
    const addedResponse = await added;
    expect(addedResponse.status()).toBe(200);
    expect(addedResponse.request().postDataJSON()).toEqual({ cadenceDays: 14, reserveCadre: true });
    const targetId = ((await addedResponse.json()) as { id: number }).id;
    await targetDialog.waitFor({ state: 'hidden' });
    await targetStatus.getByText('跟踪中').waitFor();
    expect(await targetStatus.textContent()).toContain('村级后备干部');
    expect(await targetStatus.textContent()).toContain('王芳 每 14 天联系一次');
    await screenshot(page, 'talent-person.png');

    // 3. The 优秀分子 page lists both people, counts them by how they were found, and filters.
    await page.getByRole('menuitem', { name: /优秀分子/ }).click();
    await page.waitForURL(/\/talent$/);
    const talentList = page.getByTestId('talent-list');
    const chen = talentList.getByTestId('talent-item').filter({ hasText: '陈晓燕' });
    await chen.waitFor();
    expect(await chen.textContent()).toContain(REASON);
    expect(await chen.textContent()).toContain(`推荐人：${NOMINATED_BY}`);
    expect(await chen.getByRole('link', { name: '陈晓燕' }).getAttribute('href')).toBe(`/people/${personId}`);
    expect(await talentList.getByTestId('talent-item').count()).toBe(2);
    await page.getByText('按发现途径统计（共 2 人）').waitFor();
    await waitForChart(page, page.getByTestId('talent-chart'));
    const filtered = page.waitForResponse((r) => r.url().includes('/api/talent?foundVia=grid') && r.status() === 200);
    await pick(page, page.getByTestId('talent-filter').locator('..'), '城乡网格中发现');
    await filtered;
    await chen.waitFor({ state: 'detached' });
    expect(await talentList.getByTestId('talent-item').count()).toBe(1);
    await talentList.getByText('刘洋').waitFor();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await screenshot(page, 'talent-database.png');

    // 移出 with a reason: the entry leaves the list and the count.
    const liu = talentList.getByTestId('talent-item').filter({ hasText: '刘洋' });
    await liu.getByRole('button', { name: /^移\s*出$/ }).click();
    const withdrawDialog = page.getByRole('dialog').filter({ hasText: '移出优秀分子数据库：刘洋' });
    await withdrawDialog.waitFor();
    await withdrawDialog.getByPlaceholder(/已迁出本市/).fill('本人表示近期暂无入党意愿');
    const withdrawn = page.waitForResponse((r) => /\/api\/talent\/\d+\/withdraw$/.test(r.url()) && r.request().method() === 'POST');
    await withdrawDialog.getByRole('button', { name: /^移\s*出$/ }).click();
    expect((await withdrawn).status()).toBe(200);
    expect((await withdrawn).request().postDataJSON()).toEqual({ reason: '本人表示近期暂无入党意愿' });
    await liu.waitFor({ state: 'detached' });
    await page.getByText('按发现途径统计（共 1 人）').waitFor();
    await page.getByText('没有经此途径发现的优秀分子').waitFor();

    // 4. The target's page: log a contact, see it on the timeline.
    await page.goto(`${env.server.url}/targets/${targetId}`);
    await page.getByTestId('target-status').getByText('跟踪中').waitFor();
    const timeline = page.getByTestId('contact-timeline');
    await timeline.getByText('还没有联系记录').waitFor();
    const form = page.getByTestId('contact-form');
    await pick(page, form.locator('.ant-form-item').filter({ hasText: '联系方式' }), '微信');
    expect(await form.locator('input[aria-label="联系日期"]').inputValue()).toBe(today());
    await form.getByPlaceholder(/谈了什么/).fill(CONTACT_NOTE);
    const logged = page.waitForResponse((r) => r.url().endsWith(`/api/targets/${targetId}/contacts`) && r.request().method() === 'POST');
    await form.getByRole('button', { name: '记录联系' }).click();
    expect((await logged).status()).toBe(200);
    expect((await logged).request().postDataJSON()).toEqual({ channel: 'wechat', contactedOn: today(), note: CONTACT_NOTE });
    const entry = timeline.getByTestId('contact-entry').filter({ hasText: CONTACT_NOTE });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('微信');
    expect(await entry.textContent()).toContain('王芳 记录');
    await timeline.getByText('联系记录（1 次）').waitFor();
    expect(await timeline.textContent()).toContain(today());
    await screenshot(page, 'talent-targets.png');

    // 5. 递交入党申请: the status changes, the follow-up ends.
    await page.getByRole('button', { name: '递交入党申请' }).click();
    const applyDialog = page.getByRole('dialog').filter({ hasText: '递交入党申请：陈晓燕' });
    await applyDialog.waitFor();
    const applied = page.waitForResponse((r) => r.url().endsWith(`/api/targets/${targetId}/apply`) && r.request().method() === 'POST');
    await applyDialog.getByRole('button', { name: /^确\s*认$/ }).click();
    const appliedResponse = await applied;
    expect(appliedResponse.status()).toBe(200);
    expect(((await appliedResponse.json()) as { status: string }).status).toBe('applied');
    await applyDialog.waitFor({ state: 'hidden' });
    await page.getByTestId('target-status').getByText('已递交入党申请').waitFor();
    await page.getByText(`${today()} 已递交入党申请，培养跟踪结束，转入发展党员流程。`).waitFor();
    expect(await page.getByTestId('contact-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: '递交入党申请' }).count()).toBe(0);
    await timeline.getByText('递交入党申请，转入发展党员流程').waitFor();

    // The list of targets no longer holds her; 刘洋 is still followed up.
    await page.getByRole('menuitem', { name: /重点培养对象/ }).click();
    await page.waitForURL(/\/targets$/);
    const targets = page.getByTestId('targets-list');
    await targets.getByText('刘洋').waitFor();
    expect(await targets.getByText('陈晓燕').count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  test('手机 390×844：培养对象名单为卡片，详情页时间线不横向溢出', async (ctx) => {
    if (!availability.available) return ctx.skip(availability.reason);
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: TIMEZONE });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(env.server.url);
    await logIn(page, 'xiaoxita');

    await page.goto(`${env.server.url}/targets`);
    const item = page.getByTestId('target-item').filter({ hasText: '刘洋' });
    await item.waitFor();
    expect(await item.textContent()).toContain('村级后备干部');
    expect(await item.textContent()).toContain('每 30 天联系');
    expect(await page.locator('.ant-table').count()).toBe(0);

    // 逾期: nobody is overdue on the day they were listed.
    const overdue = page.waitForResponse((r) => r.url().includes('/api/targets?overdue=true') && r.status() === 200);
    await page.getByTestId('targets-overdue').getByText('逾期未联系').click();
    await overdue;
    await page.getByText('没有逾期未联系的培养对象').waitFor();
    await page.getByTestId('targets-overdue').getByText('全部').click();

    await page.getByTestId('target-item').filter({ hasText: '刘洋' }).getByRole('link', { name: '刘洋' }).click();
    await page.waitForURL(/\/targets\/\d+$/);
    await page.getByTestId('contact-timeline').getByText('上门走访，了解其参加村（社区）工作的意愿').waitFor();
    await page.getByRole('heading', { name: '刘洋' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'talent-targets-phone.png');

    expect(errors).toEqual([]);
    await context.close();
  });
});
