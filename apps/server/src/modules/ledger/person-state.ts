import { maskIdNumber } from '@xinxue/domain';
import type { Updateable } from 'kysely';
import type { FieldCrypto } from '../../lib/crypto.ts';
import type { PersonTable } from '../../db/schema.ts';
import { type FactKind, type Placement, type StoredFact, currentState } from './facts.ts';
import { namePinyin } from './name-pinyin.ts';

/**
 * The denormalised columns of `people` that follow from a person's facts: current identity,
 * movement, work, and when each of the five items was last recorded. Pure, so a batch can compute
 * it in memory for thousands of people and write it once.
 */
export function stateColumns(facts: readonly StoredFact[]): Updateable<PersonTable> {
  const state = currentState(facts);
  const get = (kind: FactKind, key: string) => {
    const v = state.get(kind)?.get(key)?.value;
    return typeof v === 'string' ? v : null;
  };
  const latest = (kind: FactKind, keys: string[]) => {
    let at: string | null = null;
    for (const f of facts) if (f.status === 'active' && f.kind === kind && keys.some((k) => k in f.value) && (!at || f.recordedAt > at)) at = f.recordedAt;
    return at;
  };
  const name = get('identity', 'name');
  const pinyin = name ? namePinyin(name) : null;
  return {
    ...(name && pinyin ? { name, name_pinyin: pinyin.full, name_initials: pinyin.initials } : {}),
    gender: get('identity', 'gender'),
    birth_date: get('identity', 'birthDate'),
    ethnicity: get('identity', 'ethnicity'),
    education: get('identity', 'education'),
    political_status: get('identity', 'politicalStatus'),
    direction: get('movement', 'direction'),
    moved_on: get('movement', 'movedOn'),
    hukou_code: get('hukou', 'divisionCode'),
    origin_code: get('movement', 'originCode'),
    destination_code: get('movement', 'destinationCode'),
    employer: get('work', 'employer'),
    occupation_group: get('work', 'occupationGroup'),
    hukou_at: latest('hukou', ['address', 'divisionCode']),
    movement_at: latest('movement', ['movedOn']),
    work_address_at: latest('work', ['address']),
    occupation_at: latest('work', ['occupation', 'occupationGroup']),
    contact_at: latest('contact', ['phones', 'wechat', 'qq']),
  };
}

/** A later record may place a person more precisely (a village inside the known township), never elsewhere. */
export function placementUpdate(current: { division_code: string; grid_id: number | null }, placement: Placement | null): Updateable<PersonTable> {
  if (!placement) return {};
  const trim = (code: string) => code.replace(/0+$/, '');
  const moreSpecific = placement.divisionCode !== current.division_code && trim(placement.divisionCode).startsWith(trim(current.division_code));
  return {
    ...(moreSpecific ? { division_code: placement.divisionCode } : {}),
    ...(current.grid_id === null && placement.gridId ? { grid_id: placement.gridId } : {}),
  };
}

/** A person's ID number as lists show it: the stored masked form, or (rows from before it was kept) decrypted and masked. */
export function maskedIdNumber(crypto: FieldCrypto, row: { id_number_masked: string | null; id_number_enc: string | null }): string | null {
  if (row.id_number_masked) return row.id_number_masked;
  return row.id_number_enc ? maskIdNumber(crypto.decrypt(row.id_number_enc)) : null;
}
