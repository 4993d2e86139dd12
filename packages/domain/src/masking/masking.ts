/** Masking for display (reference-data §5). Counts code points so 生僻字 outside the BMP stay whole. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Default: first 6 + last 4 (18 digits), first 6 + last 3 (15 digits). */
export function maskIdNumber(id: string, style: 'default' | 'public' = 'default'): string {
  if (id.length === 18) {
    return style === 'public' ? `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}` : `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(14)}`;
  }
  if (id.length === 15) return `${id.slice(0, 6)}${'*'.repeat(6)}${id.slice(12)}`;
  return '*'.repeat(id.length);
}

/** Mobile: first 3 + last 4; landline: area code + last 4. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d{7,8})(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(m[2]!.length - 4)}${m[2]!.slice(-4)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return '*'.repeat(phone.length - 4) + phone.slice(-4);
}

/** Keeps the address up to the township-level unit (街道/镇/乡) and masks the rest. */
export function maskAddress(address: string): string {
  const m = /^(.*?(?:街道|镇|乡))/.exec(address);
  if (m && m[1]!.length < address.length) return `${m[1]}****`;
  const chars = Array.from(address);
  return chars.slice(0, Math.min(6, Math.ceil(chars.length / 2))).join('') + '****';
}
