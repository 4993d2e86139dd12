/**
 * Today's date in China (UTC+8, no daylight saving). "Today" bounds what users enter — a contact
 * date, an application date, a move date — and between 00:00 and 08:00 Beijing time the UTC date
 * is still yesterday, so a server must never take today from UTC.
 */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
