/**
 * 五个清楚: household registration, move date, work address, occupation, contact. An item is clear
 * when the person's current facts hold it and it was recorded (or confirmed) no longer ago than the
 * configured age.
 */
export const fiveItems = ['hukou', 'movedOn', 'workAddress', 'occupation', 'contact'] as const;
export type FiveItem = (typeof fiveItems)[number];

export const fiveItemLabels: Record<FiveItem, string> = {
  hukou: '户口信息',
  movedOn: '流动时间',
  workAddress: '工作地址',
  occupation: '从事职业',
  contact: '联系方式',
};

/** Default: an item confirmed more than a year ago counts as unclear. */
export const DEFAULT_FIVE_ITEMS_MAX_AGE_DAYS = 365;

/** When each item was last recorded or confirmed (null: missing). */
export type FiveItemDates = Record<FiveItem, string | null>;

export interface FiveItemsStatus {
  clear: FiveItem[];
  missing: FiveItem[];
  stale: FiveItem[];
  complete: boolean;
}

export function fiveItemsStatus(dates: FiveItemDates, today: string, maxAgeDays = DEFAULT_FIVE_ITEMS_MAX_AGE_DAYS): FiveItemsStatus {
  const cutoff = staleCutoff(today, maxAgeDays);
  const status: FiveItemsStatus = { clear: [], missing: [], stale: [], complete: false };
  for (const item of fiveItems) {
    const at = dates[item];
    if (!at) status.missing.push(item);
    else if (at.slice(0, 10) < cutoff) status.stale.push(item);
    else status.clear.push(item);
  }
  status.complete = status.clear.length === fiveItems.length;
  return status;
}

/** The date before which a recorded item is stale. */
export function staleCutoff(today: string, maxAgeDays: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - maxAgeDays * 86_400_000).toISOString().slice(0, 10);
}
