/**
 * National code lists as typed constants (reference-data §4). No npm package ships them.
 * GB/T 2261.1 sex, GB/T 3304 ethnicity, GB/T 4658 education, GB/T 4762 political status, and the
 * major groups of the 2022 occupational classification (职业分类大典) plus the local values it lacks.
 */
export interface CodeEntry {
  code: string;
  name: string;
  /** Other spellings seen in departments' exports, matched on import. */
  aliases?: readonly string[];
}

export const genders = [
  { code: '1', name: '男', aliases: ['男性'] },
  { code: '2', name: '女', aliases: ['女性'] },
  { code: '0', name: '未知的性别', aliases: ['未知'] },
  { code: '9', name: '未说明的性别', aliases: ['未说明'] },
] as const satisfies readonly CodeEntry[];

const ETHNIC_NAMES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族',
  '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族', '塔吉克族', '怒族',
  '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族', '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export const ethnicities: readonly CodeEntry[] = [
  ...ETHNIC_NAMES.map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name, aliases: [name.replace(/族$/, '')] })),
  { code: '97', name: '其他', aliases: ['未识别民族'] },
  { code: '98', name: '外国血统中国籍人士' },
];

export const educations: readonly CodeEntry[] = [
  { code: '10', name: '研究生教育', aliases: ['研究生'] },
  { code: '11', name: '博士研究生毕业', aliases: ['博士'] },
  { code: '14', name: '硕士研究生毕业', aliases: ['硕士'] },
  { code: '20', name: '大学本科教育', aliases: ['本科', '大学本科', '大学'] },
  { code: '21', name: '大学本科毕业' },
  { code: '30', name: '大学专科教育', aliases: ['专科', '大专', '大学专科'] },
  { code: '31', name: '大学专科毕业' },
  { code: '40', name: '中等职业教育', aliases: ['中专', '中职', '职高', '技校', '中专/职高/技校'] },
  { code: '41', name: '中等专科毕业' },
  { code: '44', name: '职业高中毕业' },
  { code: '47', name: '技工学校毕业' },
  { code: '60', name: '普通高级中学教育', aliases: ['高中'] },
  { code: '61', name: '普通高中毕业' },
  { code: '70', name: '初级中学教育', aliases: ['初中'] },
  { code: '71', name: '初中毕业' },
  { code: '80', name: '小学教育', aliases: ['小学'] },
  { code: '81', name: '小学毕业' },
  { code: '90', name: '其他', aliases: ['文盲', '半文盲', '其它'] },
];

export const politicalStatuses = [
  { code: '01', name: '中国共产党党员', aliases: ['中共党员', '党员'] },
  { code: '02', name: '中国共产党预备党员', aliases: ['中共预备党员', '预备党员'] },
  { code: '03', name: '中国共产主义青年团团员', aliases: ['共青团员', '团员'] },
  { code: '04', name: '中国国民党革命委员会会员', aliases: ['民革会员'] },
  { code: '05', name: '中国民主同盟盟员', aliases: ['民盟盟员'] },
  { code: '06', name: '中国民主建国会会员', aliases: ['民建会员'] },
  { code: '07', name: '中国民主促进会会员', aliases: ['民进会员'] },
  { code: '08', name: '中国农工民主党党员', aliases: ['农工党党员'] },
  { code: '09', name: '中国致公党党员', aliases: ['致公党党员'] },
  { code: '10', name: '九三学社社员' },
  { code: '11', name: '台湾民主自治同盟盟员', aliases: ['台盟盟员'] },
  { code: '12', name: '无党派民主人士', aliases: ['无党派人士'] },
  { code: '13', name: '群众', aliases: ['普通居民', '无'] },
] as const satisfies readonly CodeEntry[];

export const occupationGroups = [
  { code: '1', name: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人', aliases: ['单位负责人', '负责人'] },
  { code: '2', name: '专业技术人员', aliases: ['技术人员', '专业技术'] },
  { code: '3', name: '办事人员和有关人员', aliases: ['办事人员'] },
  { code: '4', name: '社会生产服务和生活服务人员', aliases: ['服务人员', '商业服务业人员', '服务业'] },
  { code: '5', name: '农、林、牧、渔业生产及辅助人员', aliases: ['农民', '务农', '农林牧渔'] },
  { code: '6', name: '生产制造及有关人员', aliases: ['工人', '生产工人', '产业工人', '制造业'] },
  { code: '7', name: '军队人员', aliases: ['军人'] },
  { code: '8', name: '不便分类的其他从业人员', aliases: ['其他从业人员', '其他'] },
  { code: 'U', name: '无业', aliases: ['待业', '失业'] },
  { code: 'S', name: '学生', aliases: ['在校学生'] },
  { code: 'R', name: '离退休', aliases: ['退休', '离休'] },
] as const satisfies readonly CodeEntry[];

export type CodeListName = 'gender' | 'ethnicity' | 'education' | 'politicalStatus' | 'occupationGroup';

export const codeLists: Record<CodeListName, readonly CodeEntry[]> = {
  gender: genders,
  ethnicity: ethnicities,
  education: educations,
  politicalStatus: politicalStatuses,
  occupationGroup: occupationGroups,
};

export const codeListLabels: Record<CodeListName, string> = {
  gender: '性别',
  ethnicity: '民族',
  education: '学历',
  politicalStatus: '政治面貌',
  occupationGroup: '职业大类',
};

const indexes = new Map<CodeListName, Map<string, string>>();

/** Finds a code by its code, its name or an alias; null if the value is not in the list. */
export function lookupCode(list: CodeListName, value: string): string | null {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const entry of codeLists[list]) {
      index.set(entry.code, entry.code);
      index.set(entry.name, entry.code);
      for (const alias of entry.aliases ?? []) if (!index.has(alias)) index.set(alias, entry.code);
    }
    indexes.set(list, index);
  }
  const v = value.trim().replace(/\s+/g, '');
  return index.get(v) ?? index.get(v.padStart(2, '0')) ?? null;
}

export function codeName(list: CodeListName, code: string | null | undefined): string {
  if (!code) return '';
  return codeLists[list].find((e) => e.code === code)?.name ?? code;
}
