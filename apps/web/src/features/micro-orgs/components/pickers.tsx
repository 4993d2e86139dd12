import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { type OrgOption, useOrgSearch } from '../api/search-orgs';
import { type PersonOption, usePeopleSearch } from '../api/search-people';

interface PeoplePickerProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Offered before typing (e.g. the people the micro-organization already reaches), and names for ids already chosen. */
  known?: { id: number; name: string; hint?: string }[];
  placeholder?: string;
  id?: string;
}

/** Picks ledger people by name, pinyin initials (zsf), last four of the ID or phone. */
export function PeoplePicker({ value = [], onChange, known = [], placeholder, id }: PeoplePickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const search = usePeopleSearch(q);
  const [picked, setPicked] = useState(() => new Map(known.map((k) => [k.id, k.hint ? `${k.name}（${k.hint}）` : k.name])));
  const label = (p: PersonOption) => `${p.name}（${[p.divisionName, p.idNumberMasked].filter(Boolean).join(' ')}）`;
  const found = q ? (search.data?.items ?? []) : [];
  const offered = [
    ...value.map((v) => ({ value: v, label: picked.get(v) ?? `人员 ${v}` })),
    ...found.filter((p) => !value.includes(p.id)).map((p) => ({ value: p.id, label: label(p) })),
    ...(q ? [] : known.filter((k) => !value.includes(k.id)).map((k) => ({ value: k.id, label: picked.get(k.id) ?? k.name }))),
  ];
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(next) => {
        const names = new Map(picked);
        for (const p of found) names.set(p.id, label(p));
        setPicked(names);
        setText('');
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={search.isFetching}
      notFoundContent={q ? (search.isFetching ? '查找中…' : '台帐中没有找到') : '输入姓名、拼音首字母或身份证后四位'}
      options={offered}
      placeholder={placeholder ?? '输入姓名查找台帐人员'}
      style={{ width: '100%' }}
      maxTagCount="responsive"
    />
  );
}

interface OrgPickerProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  initial?: OrgOption | null;
  id?: string;
}

/** The guiding party organization (optional). */
export function OrgPicker({ value, onChange, initial, id }: OrgPickerProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const search = useOrgSearch(q);
  const [picked, setPicked] = useState<OrgOption | null>(initial ?? null);
  const found = q ? (search.data?.items ?? []) : [];
  const options = [...(picked && !found.some((o) => o.id === picked.id) ? [picked] : []), ...found].map((o) => ({ value: o.id, label: o.name }));
  return (
    <Select<number | null>
      id={id}
      allowClear
      value={value ?? null}
      onChange={(next) => {
        setPicked(found.find((o) => o.id === next) ?? (next === picked?.id ? picked : null));
        setText('');
        onChange?.(next ?? null);
      }}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      loading={search.isFetching}
      notFoundContent={q ? (search.isFetching ? '查找中…' : '没有找到') : '输入党组织名称查找'}
      options={options}
      placeholder="可不选：输入名称查找指导的党组织"
      style={{ width: '100%' }}
    />
  );
}
