import { idCheckChar } from '@xinxue/domain/idnumber/idnumber';
import type { LedgerRecord } from '@xinxue/domain';
import type { RequestContext } from '../lib/context.ts';
import { cleanPath, OPENED_ON } from '../modules/pipeline/pipeline-sample.ts';
import type { Services } from '../services.ts';
import { loadDemoPapers } from '../modules/pipeline-papers/demo-papers.ts';

/**
 * Development dossiers for the demo: migrants of 小溪塔街道 at every stage of the 25 steps, recorded
 * through the workflow's own gate (so every record is what the rules let through), with defects to
 * show: a late talk let through with a written justification, a candidate listing refused by
 * R-DEV-1Y (kept in the history as a refused attempt), a send-back, a withdrawal.
 */
const VILLAGE = '420506001001';
const surnames = ['向', '覃', '田', '王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴'];
const given = ['文华', '春梅', '志强', '丽娟', '建国', '小燕', '海波', '金凤', '德明', '秀英', '国庆', '红霞'];

async function demoPerson(services: Services, i: number, options: { direction?: 'inbound' | 'outbound'; employer?: string | null } = {}): Promise<number> {
  const birth = `${1975 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`;
  const body = `420506${birth.replaceAll('-', '')}${String(700 + i).padStart(3, '0')}`;
  const direction = options.direction ?? 'inbound';
  const record: LedgerRecord = {
    name: surnames[i % surnames.length]! + given[(i * 5) % given.length]!, idNumber: body + idCheckChar(body), gender: Number(body[16]) % 2 === 1 ? '1' : '2', birthDate: birth,
    ethnicity: null, education: null, politicalStatus: '13', hukouAddress: null, direction, movedOn: '2018-04-01', destination: null, residenceAddress: null, community: null, grid: null,
    employer: options.employer === undefined ? ['宜昌物流有限公司', '夷陵建筑工程公司', '小溪塔食品厂'][i % 3]! : options.employer, workAddress: null, occupation: null, occupationGroup: null, phones: [], wechat: null, qq: null,
  };
  const placement = direction === 'inbound'
    ? { divisionCode: VILLAGE, gridId: null, originCode: '510525', destinationCode: VILLAGE, hukouCode: '510525', workCode: VILLAGE, residenceCode: VILLAGE }
    : { divisionCode: VILLAGE, gridId: null, originCode: VILLAGE, destinationCode: '440300', hukouCode: VILLAGE, workCode: null, residenceCode: null };
  return (await services.database.db.transaction().execute((tx) => services.personWriter.apply(tx, record, placement, { source: 'police', importId: null, userId: null, now: new Date().toISOString() }))).personId;
}

export interface DemoDossierSummary {
  dossiers: number;
  byStage: Record<number, number>;
  refused: number;
  justified: number;
}

export async function loadDemoDossiers(services: Services, options: { username?: string } = {}): Promise<DemoDossierSummary> {
  const user = await services.database.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', options.username ?? 'city_org').executeTakeFirst();
  if (!user) throw new Error('演示发展党员档案需要演示账号 city_org（先载入演示数据）');
  const ctx: RequestContext = { user: { id: user.id, username: user.username, displayName: user.display_name, role: 'cityOrgDept', scope: { divisionPrefix: '4205', orgId: null } }, ip: 'local' };
  const org = await services.pipeline.service.handlingOrgFor(services.database.db, VILLAGE);
  if (!org) throw new Error(`演示数据中没有 ${VILLAGE} 的党组织`);
  const p = services.pipeline.service;
  let refused = 0;
  let justified = 0;

  // Each record is entered on the evening of its latest date, as a clerk keeping up would: the demo
  // shows the defects it means to show, not a wall of R-LATE-ENTRY from loading the past today.
  const entered = (fields: unknown) => `${(JSON.stringify(fields).match(/\d{4}-\d{2}-\d{2}/g) ?? [OPENED_ON]).sort().at(-1)}T17:30:00+08:00`;

  /** Opens a dossier and records the clean path up to `last`; returns its id and version. */
  const dossier = async (i: number, last: number, person?: number) => {
    const id = await p.open(ctx, { personId: person ?? (await demoPerson(services, i)), orgId: org.id, datedOn: OPENED_ON, enteredAt: entered(OPENED_ON) });
    let version = 0;
    for (let step = 2; step <= last; step++) for (const fields of cleanPath[step]!) version = (await p.recordStep(ctx, id, step, { version, fields, enteredAt: entered(fields) })).version;
    return { id, version };
  };

  // Every stage: the last step recorded in each.
  const lasts = [1, 2, 4, 6, 8, 11, 13, 15, 17, 20, 21, 23, 25];
  for (const [i, last] of lasts.entries()) await dossier(i, last);

  // A late talk, let through with a written justification (R-TALK-1M, WARN).
  const late = await dossier(20, 1);
  const talk = await p.recordStep(ctx, late.id, 2, { version: late.version, fields: { on: '2022-05-10', by: '支部书记' }, enteredAt: entered('2022-05-10'), justification: '申请人春节后才返回务工地，支部书记在其返回后当周谈话' });
  justified += talk.justifiedWarnings.length;

  // A candidate listing less than a year after the activist: refused by R-DEV-1Y, the attempt kept.
  const early = await dossier(21, 6);
  try {
    await p.recordStep(ctx, early.id, 7, { version: early.version, fields: { ...cleanPath[7]![0], committeeProposalOn: '2022-12-01', on: '2022-12-10' } });
  } catch {
    refused += 1;
  }

  // Away all year (outbound) and deferred: justified at step 3 (三个暂不发展).
  const away = await dossier(22, 2, await demoPerson(services, 22, { direction: 'outbound', employer: null }));
  const deferred = await p.recordStep(ctx, away.id, 3, { version: away.version, fields: cleanPath[3]![0]!, enteredAt: entered(cleanPath[3]![0]), justification: '本人已确定年内返乡创业，村党支部研究同意继续培养考察' });
  justified += deferred.justifiedWarnings.length;

  // Sent back to redo the recommendation, and one withdrawn.
  const back = await dossier(23, 5);
  await p.sendBack(ctx, back.id, { version: back.version, toStep: 3, reason: '推荐记录缺少党员推荐表原件，退回重新办理' });
  const gone = await dossier(24, 4);
  await p.close(ctx, gone.id, 'withdrawn', { version: gone.version, reason: '本人因工作调动申请暂缓', on: '2022-07-01' });

  // 公示 and 征求意见函 beside the steps (pipeline-papers): an objection resolved, a notice running now, a letter answered, one overdue.
  await loadDemoPapers(services, ctx);

  const rows = await services.database.db.selectFrom('dossiers').select('current_step').execute();
  const byStage: Record<number, number> = {};
  const stageOf = (n: number) => (n <= 2 ? 1 : n <= 6 ? 2 : n <= 11 ? 3 : n <= 18 ? 4 : 5);
  for (const r of rows) byStage[stageOf(r.current_step)] = (byStage[stageOf(r.current_step)] ?? 0) + 1;
  return { dossiers: rows.length, byStage, refused, justified };
}
