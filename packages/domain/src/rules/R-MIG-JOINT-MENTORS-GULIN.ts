import { type RuleModule, hit, NO_HITS } from './types.ts';

export const rule: RuleModule = {
  id: 'R-MIG-JOINT-MENTORS-GULIN',
  name: '两地各一名培养联系人（本地示例）',
  text: '本地示例（古蔺县）：流动人员的培养联系人，务工地党组织和原籍地党组织各指定一名（乡镇党委委员联系一事档案格式未记录）。全国性规定只要求一至两名正式党员。默认关闭。',
  versions: ['LOCAL'],
  severity: 'WARN',
  source: '古蔺县委组织部外出务工人员发展党员做法',
  step: 5,
  defaultEnabled: false,
  messages: { notBothPlaces: '培养联系人没有分别来自原籍地和务工地（缺少{missing}的培养联系人）' },
  evaluate({ d, isMigrant }) {
    const a = d.activist;
    const mentors = d.mentors ?? [];
    if (!isMigrant || !a || mentors.length === 0) return NO_HITS;
    const missing = [['origin', '原籍地'], ['workplace', '务工地']].filter(([place]) => !mentors.some((m) => m.place === place)).map(([, label]) => label);
    return missing.length ? [hit('notBothPlaces', { missing: missing.join('和') }, { on: a.on })] : NO_HITS;
  },
};
