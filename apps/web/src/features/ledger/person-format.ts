import { fiveItemLabels, type FiveItem } from '@xinxue/domain';
import dayjs from 'dayjs';

export function genderLabel(gender: string | null): string {
  return gender === '1' ? '男' : gender === '2' ? '女' : '';
}

/** Age in whole years today, from a YYYY-MM-DD birth date. */
export function ageOf(birthDate: string | null): number | null {
  if (!birthDate) return null;
  const born = dayjs(birthDate);
  return born.isValid() ? dayjs().diff(born, 'year') : null;
}

/** "男 · 39岁": the line under a name. */
export function personSubtitle(p: { gender: string | null; birthDate: string | null }): string {
  const age = ageOf(p.birthDate);
  return [genderLabel(p.gender), age === null ? '' : `${age}岁`].filter(Boolean).join(' · ');
}

export function itemLabel(item: FiveItem): string {
  return fiveItemLabels[item];
}
