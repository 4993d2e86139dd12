import type { DivisionLevel } from '@xinxue/domain';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDivisionSearch } from '../api/search-divisions';
import type { Division } from '../api/get-division';

interface Props {
  value?: string;
  onChange?: (code: string | undefined, division: Division | undefined) => void;
  level?: DivisionLevel;
  within?: string;
  placeholder?: string;
  /** Offered before the user types, e.g. the villages of the township being viewed. */
  initialOptions?: Division[];
  id?: string;
}

/** Finds a division by name on the server (there are far too many to list), limited to `within`. */
export function DivisionSearchSelect({ value, onChange, level, within, placeholder, initialOptions = [], id }: Props) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Division | undefined>();
  const q = useDebouncedValue(text.trim());
  const search = useDivisionSearch({ q, level, within });
  const found = q ? (search.data?.items ?? []) : initialOptions;
  // Keep the chosen division among the options, or the select would show a bare code once the search is cleared.
  const options = picked && !found.some((d) => d.code === picked.code) ? [picked, ...found] : found;

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      allowClear
      value={value}
      onChange={(code: string | undefined) => {
        const division = options.find((d) => d.code === code);
        setPicked(division);
        setText('');
        onChange?.(code, division);
      }}
      placeholder={placeholder ?? '输入名称查找'}
      loading={search.isFetching}
      notFoundContent={q ? (search.isFetching ? '查找中…' : '没有找到') : '输入名称查找'}
      options={options.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
      style={{ width: '100%' }}
    />
  );
}
