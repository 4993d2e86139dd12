import { chinaToday, type Formation, type IndustryCode, type NewOrgKind, withUsccCheck } from '@xinxue/domain';
import { cliActor } from '../lib/context.ts';
import { withinPrefix } from '../lib/scope.ts';
import { fingerprintOf, type NewOrgRecord } from '../modules/new-orgs/new-org-row.ts';
import type { Services } from '../services.ts';
import { seededRandom } from './people-generator.ts';

/**
 * The demo's registry of new organizations (两新组织) for Yichang and the party organizations that
 * cover them, sized to the article: 1,194 non-public enterprises and 482 social organizations have
 * an organization, formed standalone, jointly or attached; a few hundred blank spots remain (some
 * with enough party members to form their own branch, some in clusters worth a joint one). The
 * organizations were set up over the years, a good share of them in the last two years, so the
 * coverage trend rises. Deterministic for a seed and a load date; organizations are created
 * through the organization tree's service, which writes the coverage rows.
 */
export const DEMO_COVERED = { enterprise: 1194, socialOrg: 482 } as const;
const REGISTERED = { enterprise: 1560, socialOrg: 636 } as const;
const DEREGISTERED = 48;

/** Counties by weight: where the city's enterprises and social organizations are. */
const COUNTY_WEIGHTS: [string, number][] = [
  ['420502', 14], ['420503', 12], ['420504', 4], ['420505', 6], ['420506', 14], ['420525', 5], ['420526', 4],
  ['420527', 5], ['420528', 5], ['420529', 3], ['420581', 10], ['420582', 8], ['420583', 10],
];
const ENTERPRISE_INDUSTRIES: [IndustryCode, number][] = [['C', 34], ['F', 17], ['E', 10], ['G', 8], ['H', 7], ['L', 5], ['I', 4], ['K', 4], ['M', 3], ['O', 3], ['A', 3], ['D', 2]];
const SOCIAL_INDUSTRIES: [IndustryCode, number][] = [['S', 30], ['P', 20], ['Q', 18], ['R', 14], ['L', 12], ['M', 6]];
const ENTERPRISE_SUFFIX: Partial<Record<IndustryCode, string[]>> = {
  C: ['化工有限公司', '机械制造有限公司', '食品有限公司', '新材料有限公司', '电子科技有限公司', '纺织有限公司', '建材有限公司', '磷化有限公司'],
  F: ['商贸有限公司', '超市有限公司', '医药连锁有限公司', '建材经营部', '农资有限公司'],
  E: ['建筑工程有限公司', '建设集团有限公司', '装饰工程有限公司', '路桥工程有限公司'],
  G: ['物流有限公司', '运输有限公司', '快递服务有限公司', '港务有限公司'],
  H: ['餐饮管理有限公司', '酒店有限公司', '农家乐', '旅游度假村有限公司'],
  L: ['商务咨询有限公司', '人力资源有限公司', '旅行社有限公司', '广告有限公司'],
  I: ['网络科技有限公司', '软件有限公司', '信息技术有限公司'],
  K: ['房地产开发有限公司', '物业服务有限公司'],
  M: ['检测技术有限公司', '工程设计有限公司', '农业科技有限公司'],
  O: ['家政服务有限公司', '汽车维修有限公司', '家电维修部'],
  A: ['柑橘专业合作社', '茶业有限公司', '生态农业有限公司'],
  D: ['水务有限公司', '新能源有限公司'],
};
const SOCIAL_SUFFIX: Partial<Record<IndustryCode, string[]>> = {
  S: ['个体劳动者协会', '商会', '志愿者协会', '老年人协会', '慈善会'],
  P: ['幼儿园', '职业培训学校', '艺术培训中心', '民办学校'],
  Q: ['社会工作服务中心', '养老服务中心', '康复中心', '颐养院'],
  R: ['体育协会', '书法家协会', '摄影协会', '文化艺术团'],
  L: ['物流行业协会', '餐饮行业协会', '建筑业协会', '律师协会', '家政服务行业协会'],
  M: ['科技工作者协会', '农业技术推广协会'],
};
const WORDS = ['三峡', '夷陵', '宏达', '鑫源', '顺通', '华信', '长江', '恒泰', '金桥', '永盛', '新达', '瑞丰', '清江', '昭君', '屈乡', '兴发', '安琪', '稻花', '楚天', '峡州', '龙盘', '玉泉', '紫阳', '东山', '临江', '桔颂', '嘉禾', '博远', '汇通', '中润', '江城', '丰禾'];
const JOINT_NAMES: Partial<Record<IndustryCode, string>> = { C: '制造企业', F: '商贸企业', E: '建筑企业', G: '物流企业', H: '餐饮住宿企业', L: '商务服务企业', I: '科技企业', S: '社会团体', P: '民办教育机构', Q: '社会服务机构', R: '文体社会组织' };
const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

interface DemoUnit extends NewOrgRecord {
  id: number;
  township: string;
  village: string | null;
}

export interface DemoNewOrgsSummary {
  registered: { enterprise: number; socialOrg: number };
  covered: { enterprise: number; socialOrg: number };
  blankSpots: number;
  orgs: { standalone: number; joint: number; attached: number };
}

function weighted<T>(rand: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r <= 0) return value;
  }
  return items[0]![0];
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const between = (rand: () => number, from: string, to: string) => isoDay(dayMs(from) + Math.floor(rand() * (Math.max(0, dayMs(to) - dayMs(from)) / 86_400_000 + 1)) * 86_400_000);

/** Employees and party members of a unit, by size class (most are small). */
function staff(rand: () => number, kind: NewOrgKind): { employees: number; partyMembers: number } {
  const band = weighted(rand, kind === 'enterprise'
    ? [[[3, 9], 30], [[10, 49], 36], [[50, 99], 15], [[100, 299], 13], [[300, 1800], 6]] as [[number, number], number][]
    : [[[2, 9], 42], [[10, 49], 44], [[50, 99], 10], [[100, 260], 4]] as [[number, number], number][]);
  const employees = band[0] + Math.floor(rand() ** 1.6 * (band[1] - band[0] + 1));
  // Party members are some 2–9 % of staff, with small units often having one or two, or none.
  const share = 0.02 + rand() * 0.07;
  let partyMembers = Math.round(employees * share + (rand() < 0.55 ? rand() * 2.2 : 0));
  if (employees < 10 && rand() < 0.35) partyMembers = 0;
  return { employees, partyMembers: Math.min(partyMembers, employees) };
}

export async function loadDemoNewOrgs(services: Services, options: { seed?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<DemoNewOrgsSummary> {
  const { db } = services.database;
  const existing = await db.selectFrom('new_orgs').select('id').limit(1).execute();
  if (existing.length) throw new Error('两新组织名录已有数据：演示名录只能载入空的名录');
  const rand = seededRandom((options.seed ?? 2026) ^ 0x5eed0);
  const today = chinaToday();
  const twoYearsAgo = isoDay(dayMs(today) - 730 * 86_400_000);
  const city = services.config.cityCode;
  const divisions = await withinPrefix(db.selectFrom('divisions').select(['code', 'name', 'level']), 'code', city).orderBy('code').execute();
  const townshipsOf = new Map<string, { code: string; name: string }[]>();
  const villagesOf = new Map<string, string[]>();
  const names = new Map(divisions.map((d) => [d.code, d.name]));
  for (const d of divisions) {
    if (d.level === 'township') townshipsOf.set(d.code.slice(0, 6), [...(townshipsOf.get(d.code.slice(0, 6)) ?? []), { code: d.code, name: d.name }]);
    if (d.level === 'village') villagesOf.set(d.code.slice(0, 9), [...(villagesOf.get(d.code.slice(0, 9)) ?? []), d.code]);
  }
  // The organization skeleton of the base demo: township (or county) committees and village/community organizations.
  const orgRows = await withinPrefix(db.selectFrom('party_orgs').select(['id', 'division_code', 'kind', 'host_kind']), 'division_code', city).where('status', '=', 'active').orderBy('id').execute();
  const orgByDivision = new Map<string, number>();
  for (const o of orgRows) if (!orgByDivision.has(o.division_code)) orgByDivision.set(o.division_code, o.id);

  // 1. The registry.
  const usccs = new Set<string>();
  const units: DemoUnit[] = [];
  const twoWords = () => {
    const a = pick(rand, WORDS);
    let b = pick(rand, WORDS);
    while (b === a) b = pick(rand, WORDS);
    return a + b;
  };
  const makeUnit = (kind: NewOrgKind): Omit<DemoUnit, 'id'> => {
    const county = weighted(rand, COUNTY_WEIGHTS);
    const towns = townshipsOf.get(county) ?? [];
    const township = towns.length ? weighted(rand, towns.map((t, i) => [t, i < 4 ? 4 : 1] as [{ code: string; name: string }, number])) : { code: `${county}000000`, name: names.get(`${county}000000`) ?? '' };
    const villages = villagesOf.get(township.code.slice(0, 9)) ?? [];
    const village = villages.length && rand() < 0.55 ? pick(rand, villages) : null;
    const industry = weighted(rand, kind === 'enterprise' ? ENTERPRISE_INDUSTRIES : SOCIAL_INDUSTRIES);
    const place = (names.get(`${county}000000`) ?? '宜昌').replace(/(土家族自治县|市|县|区)$/, '');
    const name = kind === 'enterprise'
      ? `${rand() < 0.6 ? '宜昌' : place}${twoWords()}${pick(rand, ENTERPRISE_SUFFIX[industry] ?? ['有限公司'])}`
      : `${rand() < 0.5 ? place : township.name.replace(/(街道|镇|乡)$/, '')}${rand() < 0.5 ? pick(rand, WORDS) : ''}${pick(rand, SOCIAL_SUFFIX[industry] ?? ['协会'])}`;
    let uscc = '';
    do {
      let body = '';
      for (let i = 0; i < 9; i++) body += BODY_ALPHABET[Math.floor(rand() * 31)];
      uscc = withUsccCheck(`${kind === 'enterprise' ? '91' : pick(rand, ['51', '52', '52', '53'])}${county}${body}`);
    } while (usccs.has(uscc));
    usccs.add(uscc);
    const { employees, partyMembers } = staff(rand, kind);
    // One in ten was registered in the last two years: the registry grows while coverage catches up.
    const registeredOn = rand() < 0.1 ? between(rand, twoYearsAgo, today) : between(rand, kind === 'enterprise' ? '1998-01-01' : '2003-01-01', twoYearsAgo);
    const divisionCode = village ?? township.code;
    return {
      kind, name, uscc, industry, divisionCode, township: township.code, village,
      address: `湖北省宜昌市${names.get(`${county}000000`) ?? ''}${township.name}${village ? (names.get(village) ?? '').replace(/(居民委员会|村民委员会)$/, '') : ''}${pick(rand, WORDS)}路${1 + Math.floor(rand() * 188)}号`,
      employees, partyMembers, registeredOn, deregisteredOn: null,
    };
  };
  const drafts: Omit<DemoUnit, 'id'>[] = [];
  for (const kind of ['enterprise', 'socialOrg'] as const) for (let i = 0; i < REGISTERED[kind]; i++) drafts.push(makeUnit(kind));
  for (let i = 0; i < DEREGISTERED; i++) {
    const unit = makeUnit(rand() < 0.75 ? 'enterprise' : 'socialOrg');
    drafts.push({ ...unit, deregisteredOn: between(rand, unit.registeredOn! > twoYearsAgo ? unit.registeredOn! : twoYearsAgo, today) });
  }
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < drafts.length; i += 200) {
      const rows = await tx
        .insertInto('new_orgs')
        .values(drafts.slice(i, i + 200).map((d) => ({
          kind: d.kind, name: d.name, uscc: d.uscc, industry: d.industry, division_code: d.divisionCode, address: d.address, employees: d.employees, party_members: d.partyMembers,
          source: d.kind === 'enterprise' ? 'marketRegulation' : 'civilAffairs', registered_on: d.registeredOn, deregistered_on: d.deregisteredOn, fingerprint: fingerprintOf(d), import_id: null, created_at: now, updated_at: now,
        })))
        .returning('id')
        .execute();
      rows.forEach((r, j) => units.push({ ...drafts[i + j]!, id: r.id }));
    }
    await services.auditLog.append(tx, cliActor(), { action: 'demo.newOrgs', detail: { units: drafts.length } });
  });

  // 2. Which units have an organization: the ones with more party members first, with chance.
  type Plan = { formation: Formation; units: DemoUnit[] };
  const plans: Plan[] = [];
  for (const kind of ['enterprise', 'socialOrg'] as const) {
    const candidates = units
      .filter((u) => u.kind === kind && !u.deregisteredOn)
      .map((u) => ({ u, score: Math.min(u.partyMembers, 8) * 0.5 + (u.registeredOn! < twoYearsAgo ? 1 : 0) + rand() * 3.2 }))
      .sort((a, b) => b.score - a.score || a.u.id - b.u.id)
      .slice(0, DEMO_COVERED[kind])
      .map((c) => c.u);
    const small: DemoUnit[] = [];
    for (const u of candidates) {
      // Three members may form their own branch; many units of a few members still join a joint one.
      if (u.partyMembers >= 3 && rand() < (u.partyMembers >= 8 ? 0.95 : 0.6)) plans.push({ formation: 'standalone', units: [u] });
      else small.push(u);
    }
    // The others: joint organizations of 2–6 units of one township (same trade where possible), the rest attached.
    const byTownship = new Map<string, DemoUnit[]>();
    for (const u of small.sort((a, b) => a.industry.localeCompare(b.industry) || a.id - b.id)) byTownship.set(u.township, [...(byTownship.get(u.township) ?? []), u]);
    for (const list of byTownship.values()) {
      while (list.length >= 2 && rand() < 0.8) {
        const size = Math.min(list.length, 2 + Math.floor(rand() * 5));
        plans.push({ formation: 'joint', units: list.splice(0, size) });
      }
      for (const u of list) plans.push({ formation: 'attached', units: [u] });
    }
  }

  // 3. Create the organizations through the organization tree, dated over the years.
  const actor = cliActor();
  const ordinal = new Map<string, number>();
  const summary: DemoNewOrgsSummary = { registered: { enterprise: 0, socialOrg: 0 }, covered: { enterprise: 0, socialOrg: 0 }, blankSpots: 0, orgs: { standalone: 0, joint: 0, attached: 0 } };
  let done = 0;
  for (const plan of plans) {
    const first = plan.units[0]!;
    const latestRegistration = plan.units.map((u) => u.registeredOn!).sort().at(-1)!;
    const earliest = latestRegistration > '2012-07-01' ? latestRegistration : '2012-07-01';
    // Some 42 % of the organizations were set up in the last two years (all of those whose units are that new).
    const establishedOn = latestRegistration >= twoYearsAgo || rand() < 0.42 ? between(rand, earliest > twoYearsAgo ? earliest : twoYearsAgo, today) : between(rand, earliest, twoYearsAgo);
    const county = first.divisionCode.slice(0, 6).padEnd(12, '0');
    const parentId = orgByDivision.get(first.township) ?? orgByDivision.get(county) ?? null;
    const hostKind = first.kind;
    let name: string;
    let divisionCode = first.divisionCode;
    let attachedToId: number | null = null;
    if (plan.formation === 'joint') {
      const townshipName = (names.get(first.township) ?? '').replace(/街道$/, '');
      const key = `${first.township}|${first.industry}`;
      const n = (ordinal.get(key) ?? 0) + 1;
      ordinal.set(key, n);
      const sameTrade = plan.units.every((u) => u.industry === first.industry);
      name = `中共${townshipName}${sameTrade ? (JOINT_NAMES[first.industry] ?? '') : first.kind === 'enterprise' ? '非公企业' : '社会组织'}联合支部委员会${n > 1 ? `（${'一二三四五六七八九十'[Math.min(n, 10) - 1]}）` : ''}`;
      divisionCode = first.township;
    } else {
      const big = first.partyMembers >= 50;
      name = `中共${first.name}${big ? '委员会' : '支部委员会'}`;
      if (plan.formation === 'attached') attachedToId = (first.village && orgByDivision.get(first.village)) || parentId;
    }
    await services.orgs.create(null, {
      name: name.slice(0, 80), kind: plan.formation === 'standalone' && first.partyMembers >= 50 ? 'committee' : 'branch', parentId, divisionCode, hostKind, formation: plan.formation,
      attachedToId, coveredNewOrgIds: plan.units.map((u) => u.id), establishedOn,
    }, actor);
    summary.orgs[plan.formation] += 1;
    for (const u of plan.units) summary.covered[u.kind] += 1;
    done += 1;
    if (done % 50 === 0) options.onProgress?.(done, plans.length);
  }
  options.onProgress?.(plans.length, plans.length);
  for (const u of units) if (!u.deregisteredOn) summary.registered[u.kind] += 1;
  summary.blankSpots = summary.registered.enterprise + summary.registered.socialOrg - summary.covered.enterprise - summary.covered.socialOrg;
  return summary;
}
