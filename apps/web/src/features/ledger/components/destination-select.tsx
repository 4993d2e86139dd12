import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDivision } from '../../divisions/api/get-division';
import { searchDivisions } from '../../divisions/api/search-divisions';
import { divisionPrefixOf } from '../../divisions/prefix';

/** Where Yichang's outbound workers mostly go; offered before anything is typed. */
const commonDestinations = [
  { prefix: '44', name: '广东省' },
  { prefix: '33', name: '浙江省' },
  { prefix: '31', name: '上海市' },
  { prefix: '32', name: '江苏省' },
  { prefix: '4201', name: '武汉市' },
  { prefix: '11', name: '北京市' },
  { prefix: '35', name: '福建省' },
  { prefix: '4403', name: '深圳市' },
  { prefix: '4401', name: '广州市' },
];

interface Props {
  value?: string | undefined;
  onChange: (prefix: string | undefined) => void;
  id?: string;
}

/** A destination province or city, found by name; the value is its code prefix (44, 4403). */
export function DestinationSelect({ value, onChange, id }: Props) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const found = useQuery({
    queryKey: ['divisions', 'destinations', q],
    queryFn: async ({ signal }) => {
      const [provinces, cities] = await Promise.all([searchDivisions({ q, level: 'province' }, signal), searchDivisions({ q, level: 'prefecture' }, signal)]);
      return [...provinces.items, ...cities.items].map((d) => ({ prefix: divisionPrefixOf(d.code), name: d.name }));
    },
    enabled: q.length > 0,
    staleTime: Infinity,
  });
  const listed = q ? (found.data ?? []) : commonDestinations;
  // The chosen destination stays among the options, named, even when the list shows something else.
  const chosen = useDivision(value);
  const current = value && !listed.some((d) => d.prefix === value) ? { prefix: value, name: chosen.data?.name ?? value } : undefined;
  const options = [...(current ? [current] : []), ...listed];

  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value}
      placeholder="输入省、市名称，如 广东、深圳"
      loading={found.isFetching}
      notFoundContent={q ? (found.isFetching ? '查找中…' : '没有找到') : null}
      options={options.map((d) => ({ value: d.prefix, label: d.name }))}
      onChange={(prefix: string | undefined) => {
        setText('');
        onChange(prefix);
      }}
      style={{ width: '100%' }}
    />
  );
}
