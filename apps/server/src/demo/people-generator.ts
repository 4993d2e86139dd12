import { idCheckChar } from '@xinxue/domain';
import { readDivisionFile } from '../modules/divisions/division-data.ts';

/**
 * Deterministic synthetic migrants for the demo, the tests and the benchmarks: valid ID numbers
 * from real county codes (GB 11643 check digits), valid mobile numbers, real Yichang townships and
 * villages, employers of realistic shapes, and outbound destinations weighted the way Yichang's
 * are (Guangdong, Zhejiang, Shanghai, Jiangsu, Wuhan…). Same seed, same people.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃向';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文杰玉兰海燕红梅晓东小红春燕国华丹丹俊杰浩然子轩欣怡宇航雨桐梓涵思远家豪佳琪';
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '158', '159', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199'];
const EMPLOYER_KINDS = ['物流有限公司', '建筑工程有限公司', '电子科技有限公司', '餐饮管理有限公司', '汽车服务有限公司', '家政服务有限公司', '化工有限公司', '食品有限公司', '商贸有限公司', '快递服务部'];
const EMPLOYER_WORDS = ['三峡', '夷陵', '宏达', '鑫源', '顺通', '华信', '长江', '恒泰', '金桥', '永盛', '新达', '瑞丰'];
const OCCUPATIONS = ['快递员', '外卖骑手', '建筑工人', '电工', '焊工', '普工', '厨师', '服务员', '销售', '司机', '保安', '家政服务员', '技术员', '会计', '个体经营'];
/** Outbound destinations, weighted roughly as Yichang's migrant workers go. */
const DESTINATIONS: [string, string, number][] = [
  ['440306', '广东省深圳市宝安区', 14], ['441900', '广东省东莞市', 12], ['440111', '广东省广州市白云区', 8], ['330110', '浙江省杭州市余杭区', 8],
  ['330212', '浙江省宁波市鄞州区', 5], ['310115', '上海市浦东新区', 9], ['310112', '上海市闵行区', 5], ['320583', '江苏省苏州市昆山市', 7],
  ['320506', '江苏省苏州市吴中区', 4], ['420106', '湖北省武汉市武昌区', 8], ['420115', '湖北省武汉市江夏区', 5], ['110105', '北京市朝阳区', 4],
  ['500112', '重庆市渝北区', 3], ['350206', '福建省厦门市湖里区', 3], ['440604', '广东省佛山市禅城区', 5],
];
/** Where Yichang's inbound people come from: nearby counties first. */
const ORIGINS: [string, string, number][] = [
  ['421022', '湖北省荆州市公安县', 10], ['421081', '湖北省荆州市石首市', 6], ['420822', '湖北省荆门市沙洋县', 6], ['422801', '湖北省恩施土家族苗族自治州恩施市', 8],
  ['422822', '湖北省恩施土家族苗族自治州建始县', 6], ['430721', '湖南省常德市安乡县', 5], ['500236', '重庆市奉节县', 6], ['500237', '重庆市巫山县', 5],
  ['411302', '河南省南阳市宛城区', 4], ['421002', '湖北省荆州市沙市区', 5], ['420683', '湖北省襄阳市枣阳市', 4],
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function weighted(rand: () => number, items: readonly [string, string, number][]): [string, string] {
  const total = items.reduce((s, i) => s + i[2], 0);
  let r = rand() * total;
  for (const [code, name, w] of items) {
    r -= w;
    if (r <= 0) return [code, name];
  }
  return [items[0]![0], items[0]![1]];
}

export interface SyntheticPerson {
  name: string;
  idNumber: string;
  gender: '男' | '女';
  birthDate: string;
  ethnicity: string;
  education: string;
  politicalStatus: string;
  direction: 'inbound' | 'outbound';
  hukouAddress: string;
  movedOn: string;
  destination: string;
  residenceAddress: string;
  employer: string;
  workAddress: string;
  occupation: string;
  phone: string;
  wechat: string;
}

export interface Generator {
  next(): SyntheticPerson;
}

export function peopleGenerator(seed: number, cityPrefix = '4205'): Generator {
  const rand = seededRandom(seed);
  const data = readDivisionFile();
  const names = new Map(data.divisions);
  const villages = data.divisions.filter(([code]) => code.startsWith(cityPrefix) && !code.endsWith('000'));
  const fullName = (code: string) => {
    const parts = [`${code.slice(0, 2)}0000000000`, `${code.slice(0, 4)}00000000`, `${code.slice(0, 6)}000000`, `${code.slice(0, 9)}000`, code];
    return [...new Set(parts)]
      .map((c) => names.get(c))
      .filter((n) => n && n !== '市辖区')
      .map((n) => n!.replace(/(村民委员会|居民委员会)$/, ''))
      .join('');
  };
  const usedIds = new Set<string>();
  return {
    next() {
      const male = rand() < 0.55;
      const name = pick(rand, [...SURNAMES]) + (rand() < 0.4 ? pick(rand, [...GIVEN]) : pick(rand, [...GIVEN]) + pick(rand, [...GIVEN]));
      const year = 1966 + Math.floor(rand() * 40);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const outbound = rand() < 0.5;
      const village = pick(rand, villages)[0];
      const [originCounty, originName] = outbound ? [village.slice(0, 6), fullName(village)] : weighted(rand, ORIGINS);
      let idNumber = '';
      do {
        const seq = Math.floor(rand() * 500) * 2 + (male ? 1 : 0);
        const body = `${originCounty}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
        idNumber = body + idCheckChar(body);
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const movedYear = Math.max(year + 18, 2010) + Math.floor(rand() * 6);
      const movedOn = `${Math.min(movedYear, 2026)}-${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const [, destinationName] = outbound ? weighted(rand, DESTINATIONS) : ['', fullName(village)];
      const employer = `${outbound ? destinationName.replace(/^(.*?省)?/, '').slice(0, 2) : pick(rand, EMPLOYER_WORDS)}${pick(rand, EMPLOYER_WORDS)}${pick(rand, EMPLOYER_KINDS)}`;
      const phone = pick(rand, MOBILE_PREFIXES) + String(Math.floor(rand() * 1e8)).padStart(8, '0');
      return {
        name,
        idNumber,
        gender: male ? '男' : '女',
        birthDate,
        ethnicity: village.startsWith('420528') || village.startsWith('420529') ? (rand() < 0.6 ? '土家族' : '汉族') : rand() < 0.95 ? '汉族' : '土家族',
        education: pick(rand, ['初中', '初中', '高中', '中专', '大专', '本科']),
        politicalStatus: rand() < 0.2 ? '共青团员' : '群众',
        direction: outbound ? 'outbound' : 'inbound',
        hukouAddress: `${originName}${1 + Math.floor(rand() * 30)}组${1 + Math.floor(rand() * 99)}号`,
        movedOn,
        destination: outbound ? destinationName : '',
        residenceAddress: outbound ? '' : `${fullName(village)}${1 + Math.floor(rand() * 200)}号`,
        employer,
        workAddress: outbound ? `${destinationName}${pick(rand, ['工业园', '科技园', '物流园', '商业街'])}${1 + Math.floor(rand() * 50)}号` : `${fullName(village.slice(0, 9) + '000')}${pick(rand, EMPLOYER_WORDS)}路${1 + Math.floor(rand() * 300)}号`,
        occupation: pick(rand, OCCUPATIONS),
        phone,
        wechat: rand() < 0.5 ? `wx_${phone.slice(-6)}${Math.floor(rand() * 100)}` : '',
      };
    },
  };
}
