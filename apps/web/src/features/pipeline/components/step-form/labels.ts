/**
 * Chinese labels of the codes of `xinxue-dossier/1` (dossier-format.md) as the step forms show them.
 * The codes themselves come from the domain package, so a new code without a label fails tsc.
 */
import type {
  activistDeciders, appraisers, aspectResults, assessmentResults, ballotMethods, confirmationOutcomes, disciplineKinds, noticePlaces,
  opinionChannels, opinionStages, organizerLevels, recommendationMethods, reviewResults, twoPlaces, upperTalkers,
} from '@xinxue/domain/dossier/index';
import { appraiserLabels as ruleAppraiserLabels, disciplineLabels, documentLabels } from '@xinxue/domain/rules/labels';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const recommendationMethodLabels: Labels<typeof recommendationMethods> = { byMembers: '党员推荐', byPublic: '群团组织/群众推荐', byLeague: '共青团推优', democraticVote: '民主测评推荐' };
export const activistDeciderLabels: Labels<typeof activistDeciders> = { branchCommittee: '支部委员会研究确定', branchMeeting: '支部党员大会确定', individual: '个人决定' };
export const assessmentResultLabels: Labels<typeof assessmentResults> = { good: '好', fair: '一般', poor: '差' };
export const noticePlaceLabels: Labels<typeof noticePlaces> = { origin: '户籍地', workplace: '工作地', unit: '所在单位', residence: '居住地' };
export const opinionStageLabels: Labels<typeof opinionStages> = { keyContact: '重点联系', activist: '入党积极分子', candidate: '发展对象', admission: '接收预备党员', confirmation: '预备党员转正' };
export const twoPlaceLabels: Labels<typeof twoPlaces> = { origin: '户籍地', workplace: '工作地' };
export const opinionChannelLabels: Labels<typeof opinionChannels> = { notice: '公示', forum: '座谈', homeVisit: '入户走访', phone: '电话', letter: '函询' };
export const aspectResultLabels: Labels<typeof aspectResults> = { pass: '合格', fail: '不合格' };
export const aspectLabels = { quality: '素质', contribution: '贡献', conduct: '作风', lawfulness: '守法' } as const;
// The rules' own words, so a message and the form agree.
export const appraiserLabels: Labels<typeof appraisers> = ruleAppraiserLabels;
export const appraisalResultLabels = { positive: '肯定', negative: '否定' } as const;
export const disciplineKindLabels: Labels<typeof disciplineKinds> = disciplineLabels;
export const reviewResultLabels: Labels<typeof reviewResults> = { qualified: '合格', unqualified: '不合格', unclear: '政审不清' };
export const organizerLevelLabels: Labels<typeof organizerLevels> = { baseCommittee: '基层党委', countyOrgDept: '县级党委组织部门', branch: '党支部' };
export const upperTalkerLabels: Labels<typeof upperTalkers> = { committeeMember: '党委委员', organizer: '组织员' };
export const ballotMethodLabels: Labels<typeof ballotMethods> = { secretBallot: '秘密投票', showOfHands: '举手' };
export const confirmationOutcomeLabels: Labels<typeof confirmationOutcomes> = { confirm: '按期转正', extend: '延长预备期', cancel: '取消预备党员资格' };

/** antd Radio/Select options from a label map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** A six-refusals evidence value in words: the codes it carries (organizer level, review result, documents, notice places) as labels. */
export function evidenceText(field: string, value: string | number | boolean | null): string {
  if (value === null) return '（无记录）';
  if (value === true) return '是';
  if (value === false) return '否';
  const text = String(value);
  if (field === 'training.organizerLevel') return organizerLevelLabels[text as keyof typeof organizerLevelLabels] ?? text;
  if (field === 'politicalReview.result') return reviewResultLabels[text as keyof typeof reviewResultLabels] ?? text;
  if (field === 'documents') return text.split('、').map((t) => documentLabels[t as keyof typeof documentLabels] ?? t).join('、');
  if (field.startsWith('notices')) return text.replace(/\b(origin|workplace|unit|residence)\b/g, (p) => noticePlaceLabels[p as keyof typeof noticePlaceLabels]);
  return text;
}
