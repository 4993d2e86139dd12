import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useOrgOptions, type OrgOption } from '../api/get-org-options';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Division prefix the organizations are looked for in (the account's division scope). */
  within?: string | undefined;
  /** The current org scope, so it shows by name. */
  current?: OrgOption | null;
  id?: string;
}

/** Finds a party organization by name for an account's org scope; empty means "divisions only". */
export function ScopeOrgSelect({ value, onChange, within, current, id }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const options = useOrgOptions(q, within);
  const items = options.data?.items ?? [];
  const all = current && !items.some((o) => o.id === current.id) ? [current, ...items] : items;
  return (
    <Select<number>
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      options={all.map((o) => ({ value: o.id, label: `${o.name}（${o.divisionName}）` }))}
      loading={options.isFetching}
      placeholder="不限（按行政区划）；输入名称查找党组织"
      notFoundContent={options.isFetching ? '查找中…' : '没有找到'}
      style={{ width: '100%' }}
    />
  );
}
