/**
 * Chinese phone numbers (reference-data §3). Mobiles are stored as 11 national digits; landlines as
 * `0AAA-SSSSSSS[-EXT]`. 400/800/95xxx service numbers are refused in personal-phone fields.
 */
export type PhoneResult =
  | { ok: true; kind: 'mobile' | 'landline'; value: string }
  | { ok: false; message: string };

const MOBILE = /^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9\d)\d{8}$/;
const LANDLINE = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/;

export function parsePhone(raw: string): PhoneResult {
  let s = raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s()（）]/g, '');
  if (/^(\+|00)86/.test(s)) s = s.replace(/^(\+|00)86-?/, '');
  const digitsOnly = s.replace(/-/g, '');
  if (/^1\d{10}$/.test(digitsOnly)) {
    return MOBILE.test(digitsOnly)
      ? { ok: true, kind: 'mobile', value: digitsOnly }
      : { ok: false, message: '手机号码号段不存在' };
  }
  if (/^(400|800|95)/.test(digitsOnly)) return { ok: false, message: '服务热线号码不能作为个人电话' };
  const m = LANDLINE.exec(s);
  if (m) {
    const [, area, subscriber, ext] = m;
    // Area codes 010 and 02X take 8-digit subscribers; others may take 7 or 8.
    if (/^0(10|2\d)$/.test(area!) && subscriber!.length !== 8) {
      return { ok: false, message: '固定电话号码位数不正确' };
    }
    return { ok: true, kind: 'landline', value: `${area}-${subscriber}${ext ? `-${ext}` : ''}` };
  }
  return { ok: false, message: '电话号码格式不正确：手机为11位，固定电话为区号加7至8位号码' };
}
