import { Select, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useNewOrgSearch, type NewOrgOption } from '../api/search-new-orgs';

export interface KnownUnit {
  id: number;
  name: string;
  hint?: string;
}

interface Props {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Units already chosen (covered now, or named by a link), so they show by name. */
  known?: KnownUnit[];
  id?: string;
}

const label = (o: NewOrgOption) => (
  <span>
    {o.name}
    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
      {[o.kindLabel, o.divisionName].filter(Boolean).join(' · ')}
    </Typography.Text>
  </span>
);

/**
 * Picks enterprises and social organizations to cover. The search offers blank spots only (units
 * nobody covers yet); units already chosen stay in the list so they can be removed.
 */
export function NewOrgPicker({ value = [], onChange, known = [], id }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const search = useNewOrgSearch(q);
  const [picked, setPicked] = useState<Map<number, NewOrgOption>>(new Map());
  const options = useMemo(() => {
    const byId = new Map<number, { value: number; label: ReactNode; title: string }>();
    for (const k of known) byId.set(k.id, { value: k.id, title: k.name, label: <span>{k.name}{k.hint && <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>{k.hint}</Typography.Text>}</span> });
    for (const o of picked.values()) byId.set(o.id, { value: o.id, title: o.name, label: label(o) });
    for (const o of search.data?.items ?? []) if (!byId.has(o.id)) byId.set(o.id, { value: o.id, title: o.name, label: label(o) });
    return [...byId.values()];
  }, [known, picked, search.data]);

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(ids) => {
        const next = new Map(picked);
        for (const o of search.data?.items ?? []) if (ids.includes(o.id)) next.set(o.id, o);
        setPicked(next);
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      optionLabelProp="title"
      options={options}
      loading={search.isFetching}
      placeholder="输入单位名称或统一社会信用代码查找尚未覆盖的单位"
      notFoundContent={search.isFetching ? '查找中…' : '没有找到尚未覆盖的单位'}
      style={{ width: '100%' }}
      data-testid="new-org-picker"
    />
  );
}
