import { chinaToday, type MicroActivityKind, type MicroOrgKind, type OrgKind } from '@xinxue/domain';
import { sql } from 'kysely';
import type { Actor } from '../modules/audit-log/audit-log.service.ts';
import { cliActor, type RequestContext } from '../lib/context.ts';
import { withinPrefix } from '../lib/scope.ts';
import type { Services } from '../services.ts';
import { seededRandom } from './people-generator.ts';

/**
 * The demo's mobile party organizations outside the city (55, as the article says) and its
 * micro-organizations. The mobile organizations follow where Yichang's outbound people go
 * (people-generator's destinations) — but not everywhere: none in 佛山, 北京, 重庆 or 厦门, and in 苏州,
 * 武汉 and 宁波 only some home counties are served, so the comparison has gaps to show. They are
 * created through the organization tree's service (with their members); home areas, the
 * micro-organizations, their activities and the people flagged there are written in one
 * transaction with one audit entry, as the rest of the demo. Deterministic for a seed and a date.
 */

const COUNTIES: Record<string, string> = {
  '420502': '西陵区', '420503': '伍家岗区', '420504': '点军区', '420505': '猇亭区', '420506': '夷陵区', '420525': '远安县', '420526': '兴山县',
  '420527': '秭归县', '420528': '长阳土家族自治县', '420529': '五峰土家族自治县', '420581': '宜都市', '420582': '当阳市', '420583': '枝江市',
};
const ALL = Object.keys(COUNTIES);

interface Destination {
  city: string;
  /** Where the organizations sit (county codes), in turn. */
  located: string[];
  /** A city-level committee serving the whole city. */
  committee: boolean;
  /** Home counties with a branch of their own there. */
  counties: string[];
}

/** 55 organizations; the four destinations of outbound people not listed here have none. */
const DESTINATIONS: Destination[] = [
  { city: '深圳', located: ['440306', '440307', '440305'], committee: true, counties: ['420506', '420527', '420528', '420581', '420582', '420583'] },
  { city: '东莞', located: ['441900'], committee: true, counties: ['420506', '420525', '420526', '420582', '420583', '420529'] },
  { city: '上海', located: ['310115', '310112'], committee: true, counties: ['420502', '420503', '420506', '420581', '420527'] },
  { city: '广州', located: ['440111'], committee: false, counties: ['420502', '420506', '420525', '420526', '420527', '420528', '420529', '420581', '420582', '420583'] },
  { city: '杭州', located: ['330110'], committee: true, counties: ['420506', '420582', '420528'] },
  { city: '宁波', located: ['330212'], committee: false, counties: ['420527', '420526', '420581'] },
  { city: '苏州', located: ['320583', '320506'], committee: false, counties: ['420506', '420583'] },
  { city: '武汉', located: ['420106', '420115'], committee: false, counties: ['420502', '420503', '420504', '420505'] },
  { city: '温州', located: ['330302'], committee: false, counties: ['420528', '420529', '420527'] },
  { city: '南京', located: ['320106'], committee: false, counties: ['420506', '420581', '420582'] },
  { city: '长沙', located: ['430102'], committee: false, counties: ['420525', '420582', '420583'] },
  { city: '成都', located: ['510107'], committee: false, counties: ['420526', '420527', '420506'] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘覃向';
const GIVEN = ['建军', '红梅', '国强', '志勇', '晓燕', '海波', '丽华', '春生', '明亮', '秀芳', '德胜', '玉兰', '文斌', '小军', '慧敏', '永红'];

interface MicroPlan {
  name: string;
  kind: MicroOrgKind;
  /** A 12-digit code, or a county code whose first township is used. */
  division: string;
  titles: [MicroActivityKind, string][];
  dissolvedMonthsAgo?: number;
}

const MICRO_ORGS: MicroPlan[] = [
  { name: '快递小哥之家', kind: 'trade', division: '420506001001', titles: [['service', '电动车免费检修'], ['study', '交通安全学习'], ['mutualAid', '困难骑手帮扶'], ['service', '夏季送清凉']] },
  { name: '冯家湾邻里互助组', kind: 'proximity', division: '420506001001', titles: [['mutualAid', '留守老人上门探访'], ['visit', '租住户走访'], ['service', '便民理发']] },
  { name: '小溪塔家政服务队', kind: 'trade', division: '420506001000', titles: [['study', '家政技能培训'], ['service', '社区保洁志愿服务'], ['mutualAid', '就业信息对接']] },
  { name: '兴安广场舞队', kind: 'interest', division: '420506001002', titles: [['culture', '广场舞展演'], ['culture', '新市民联谊会'], ['study', '政策宣讲进广场']] },
  { name: '三峡书画学习社', kind: 'interest', division: '420506001000', titles: [['culture', '书画交流'], ['study', '党史学习'], ['culture', '送春联']] },
  { name: '外卖骑手党员先锋队', kind: 'trade', division: '420502', titles: [['service', '骑手驿站开放日'], ['mutualAid', '骑手权益咨询'], ['study', '文明骑行宣传']] },
  { name: '建筑工友之家', kind: 'trade', division: '420503', titles: [['service', '工地义诊'], ['mutualAid', '讨薪法律援助'], ['study', '安全生产培训']] },
  { name: '宜都车友服务队', kind: 'interest', division: '420581', titles: [['service', '春运返乡接送'], ['culture', '自驾联谊']] },
  { name: '枝江返乡创业联盟', kind: 'trade', division: '420583', titles: [['study', '创业政策解读'], ['mutualAid', '农产品销路对接'], ['visit', '返乡人员走访']] },
  { name: '点军茶农互助组', kind: 'proximity', division: '420504', titles: [['mutualAid', '采茶季换工互助'], ['study', '茶叶种植技术交流']] },
  { name: '秭归脐橙产业服务队', kind: 'trade', division: '420527', titles: [['service', '脐橙电商培训'], ['mutualAid', '果农销售帮扶']] },
  { name: '猇亭园区工友之家', kind: 'trade', division: '420505', titles: [['service', '园区招聘会'], ['culture', '工友篮球赛']], dissolvedMonthsAgo: 2 },
];

export interface MobileMicroSummary {
  mobileOrgs: number;
  members: number;
  homeAreas: number;
  microOrgs: number;
  backbones: number;
  reach: number;
  activities: number;
  talentFlagged: number;
  /** The comparison's first destinations (city view): the gaps. */
  gaps: { name: string; people: number; coverage: string }[];
}

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoMobileAndMicro(services: Services, seed = 2026, actor: Actor = cliActor()): Promise<MobileMicroSummary> {
  const { db } = services.database;
  const city = services.config.cityCode;
  const rand = seededRandom(seed * 7 + 55);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const personName = () => pick([...SURNAMES]) + pick(GIVEN);
  const today = chinaToday();
  const existing = await db.selectFrom('party_orgs').select('id').where('host_kind', '=', 'mobileOrg').executeTakeFirst();
  if (existing) throw new Error('演示数据中已有市外流动党组织');

  // The home-side committees the organizations report to: the city's, and each county's.
  const homeOrgs = await db.selectFrom('party_orgs').select(['id', 'division_code']).where('division_code', 'in', [`${city}00000000`, ...ALL.map((c) => `${c}000000`)]).where('status', '=', 'active').orderBy('id').execute();
  const homeOrgOf = (code: string) => homeOrgs.find((o) => o.division_code === code)?.id ?? null;
  const cityName = (await services.divisions.name(`${city}00000000`)).replace(/市$/, '');

  // 1. Mobile organizations through the org tree's service, with a secretary and members each.
  const created: { id: number; homeAreas: string[] }[] = [];
  let members = 0;
  const createOrg = async (input: { name: string; kind: OrgKind; divisionCode: string; located: string; homeAreas: string[]; mayDevelop: boolean | null }) => {
    const establishedOn = `${2012 + Math.floor(rand() * 12)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const org = await services.orgs.create(
      null,
      {
        name: input.name, kind: input.kind, parentId: homeOrgOf(input.divisionCode), divisionCode: input.divisionCode, hostKind: 'mobileOrg', locatedDivisionCode: `${input.located}000000`, establishedOn,
        mayDevelop: input.mayDevelop === null ? null : { value: input.mayDevelop, decidedBy: '中共宜昌市委组织部', decidedOn: [establishedOn, daysBefore(today, 200 + Math.floor(rand() * 900))].sort()[1]! },
      },
      actor,
    );
    const count = input.kind === 'committee' ? 7 + Math.floor(rand() * 8) : 3 + Math.floor(rand() * 6);
    for (let i = 0; i < count; i++) {
      const { version } = await db.selectFrom('party_orgs').select('version').where('id', '=', org.id).executeTakeFirstOrThrow();
      const probationary = i > 0 && rand() < 0.15;
      const joinedOn = daysBefore(today, Math.floor(rand() * 1500));
      await services.orgs.addMember(null, org.id, { version, name: personName(), membership: probationary ? 'probationary' : 'full', role: i === 0 ? 'secretary' : 'member', joinedOn: joinedOn < establishedOn ? establishedOn : joinedOn }, actor);
      members += 1;
    }
    created.push({ id: org.id, homeAreas: input.homeAreas });
  };
  for (const d of DESTINATIONS) {
    let turn = 0;
    if (d.committee) {
      await createOrg({ name: `中共${cityName}市驻${d.city}流动党员委员会`, kind: 'committee', divisionCode: `${city}00000000`, located: d.located[0]!, homeAreas: [`${city}00000000`], mayDevelop: true });
    }
    for (const county of d.counties) {
      const located = d.located[turn++ % d.located.length]!;
      const big = !d.committee && turn === 1;
      await createOrg({
        name: `中共${COUNTIES[county]}驻${d.city}流动党员${big ? '总支部委员会' : '支部委员会'}`, kind: big ? 'generalBranch' : 'branch', divisionCode: `${county}000000`, located,
        homeAreas: [`${county}000000`], mayDevelop: big ? true : rand() < 0.3 ? false : null,
      });
    }
  }

  // 2. Micro-organizations over the last year, with people of the ledger where there are any.
  // Resolved before the transaction: SQLite has one connection, which the transaction holds.
  const divisionOf = async (code: string) => {
    if (code.length === 12) return code;
    const first = await withinPrefix(db.selectFrom('divisions').select('code').where('level', '=', 'township'), 'code', code).orderBy('code').executeTakeFirst();
    return first?.code ?? `${code}000000`;
  };
  const now = new Date().toISOString();
  const counts = { microOrgs: 0, backbones: 0, reach: 0, activities: 0, talentFlagged: 0, homeAreas: 0 };
  const divisions = new Map<string, string>();
  for (const plan of MICRO_ORGS) divisions.set(plan.division, await divisionOf(plan.division));
  await db.transaction().execute(async (tx) => {
    for (const org of created) {
      await tx.insertInto('mobile_org_home_areas').values(org.homeAreas.map((division_code) => ({ org_id: org.id, division_code }))).execute();
      counts.homeAreas += org.homeAreas.length;
    }
    const flagged = new Set((await tx.selectFrom('talent_entries').select('person_id').where('withdrawn_at', 'is', null).execute()).map((r) => r.person_id));
    for (const plan of MICRO_ORGS) {
      const division = divisions.get(plan.division)!;
      const guide = await tx.selectFrom('party_orgs').select('id').where('division_code', '=', division).where('host_kind', '!=', 'mobileOrg').orderBy('id').executeTakeFirst();
      const foundedOn = daysBefore(today, 400 + Math.floor(rand() * 800));
      const dissolvedOn = plan.dissolvedMonthsAgo ? daysBefore(today, plan.dissolvedMonthsAgo * 30) : null;
      const { id } = await tx
        .insertInto('micro_orgs')
        .values({ name: plan.name, kind: plan.kind, division_code: division, guide_org_id: guide?.id ?? null, description: '', founded_on: foundedOn, dissolved_on: dissolvedOn, created_by: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      counts.microOrgs += 1;
      // Migrants of its township, its own village's first, inbound ones first: those it serves most.
      const nearby = await withinPrefix(tx.selectFrom('people').select(['id', 'name']).where('merged_into', 'is', null), 'division_code', division.slice(0, 9))
        .orderBy(sql`case when division_code = ${division} then 0 else 1 end`)
        .orderBy(sql`case when direction = 'inbound' then 0 else 1 end`)
        .orderBy('id')
        .limit(40)
        .execute();
      const reach = nearby.filter(() => rand() < 0.6).slice(0, 5 + Math.floor(rand() * 12));
      const backbones = 2 + Math.floor(rand() * 3);
      for (let i = 0; i < backbones; i++) {
        await tx.insertInto('micro_org_backbones').values({ micro_org_id: id, name: personName(), person_id: null, duty: i === 0 ? '召集人' : pick(['联络员', '宣传员', '服务队长', '组织员']), joined_on: daysBefore(foundedOn, -Math.floor(rand() * 60)), left_on: dissolvedOn ?? (i === backbones - 1 && rand() < 0.3 ? daysBefore(today, 30) : null) }).execute();
        counts.backbones += 1;
      }
      if (reach.length) {
        await tx.insertInto('micro_org_reach').values(reach.map((p) => ({ micro_org_id: id, person_id: p.id, since: daysBefore(today, 30 + Math.floor(rand() * 300)) }))).execute();
        counts.reach += reach.length;
      }
      // One to three activities a month over the last year (until dissolution).
      for (let month = 11; month >= 0; month--) {
        const n = 1 + Math.floor(rand() * 3);
        for (let k = 0; k < n; k++) {
          const heldOn = daysBefore(today, month * 30 + Math.floor(rand() * 28));
          if (heldOn < foundedOn || (dissolvedOn && heldOn > dissolvedOn)) continue;
          const [kind, title] = pick(plan.titles);
          const participants = reach.filter(() => rand() < 0.25).slice(0, 5);
          const peopleServed = Math.max(participants.length, 5 + Math.floor(rand() * 50));
          const { id: activityId } = await tx
            .insertInto('micro_org_activities')
            .values({ micro_org_id: id, held_on: heldOn, kind, title, people_served: peopleServed, problems_solved: Math.floor(rand() * 8), note: '', recorded_by: null, recorded_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          counts.activities += 1;
          if (participants.length) await tx.insertInto('micro_org_activity_people').values(participants.map((p) => ({ activity_id: activityId, person_id: p.id }))).execute();
          // Now and then someone stands out and goes into the outstanding-people database.
          const standout = participants.find((p) => !flagged.has(p.id));
          if (standout && rand() < 0.12) {
            flagged.add(standout.id);
            await tx.insertInto('talent_entries').values({ person_id: standout.id, reason: `在微组织“${plan.name}”${heldOn}“${title}”活动中表现突出`, nominated_by: `微组织“${plan.name}”`, found_via: 'microOrg', flagged_by: null, flagged_at: `${heldOn}T10:00:00.000Z` }).execute();
            counts.talentFlagged += 1;
          }
        }
      }
    }
    await services.auditLog.append(tx, actor, { action: 'demo.mobileMicro', detail: { mobileOrgs: created.length, homeAreas: counts.homeAreas, microOrgs: counts.microOrgs, activities: counts.activities, talentFlagged: counts.talentFlagged } });
  });

  const ctx: RequestContext = { user: { id: 0, username: 'demo', displayName: '演示', role: 'cityOrgDept', scope: { divisionPrefix: city, orgId: null } }, ip: 'local' };
  const comparison = await services.mobileOrgs.comparison(ctx, { by: 'city' });
  const gaps = comparison.items.filter((r) => r.people > 0 && r.coverage !== 'served').slice(0, 6).map((r) => ({ name: r.name, people: r.people, coverage: r.coverageLabel }));
  return { mobileOrgs: created.length, members, ...counts, gaps };
}
