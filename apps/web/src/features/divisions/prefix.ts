import { divisionPrefix, toDivisionCode12 } from '@xinxue/domain';

/** The scope prefix for any division code the server hands out (2–12 digits). */
export function divisionPrefixOf(code: string): string {
  const code12 = toDivisionCode12(code);
  return code12 ? divisionPrefix(code12) : code;
}

/** "冯家湾社区居民委员会" → "冯家湾社区": the committee suffix adds length, not meaning, on a chart axis. */
export function shortDivisionName(name: string): string {
  return name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '') || name;
}
