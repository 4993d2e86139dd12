import { Breadcrumb, Flex, Select, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { divisionLevelLabels } from '@xinxue/domain';
import { QueryError } from '../../../components/query-error';
import { useDivision, type DivisionDetail } from '../api/get-division';
import { divisionPrefixOf } from '../prefix';

interface Props {
  /** The user's scope prefix: the drill-down never goes above it. */
  rootPrefix: string;
  /** The currently chosen division prefix. */
  value: string;
  onChange: (prefix: string) => void;
  /** Receives the loaded division, e.g. to list its children elsewhere. */
  children?: (division: DivisionDetail) => ReactNode;
}

/** Walks from the user's scope down, level by level: a breadcrumb back up and a picker for the next level. */
export function DivisionDrill({ rootPrefix, value, onChange, children }: Props) {
  const division = useDivision(value);
  if (division.isError) return <QueryError error={division.error} onRetry={() => void division.refetch()} />;
  if (!division.data) return <Skeleton.Input active block />;
  const current = division.data;

  // Only the part of the path inside the user's scope is clickable; above it they have no data.
  const trail = [...current.path, current].filter((d) => divisionPrefixOf(d.code).startsWith(rootPrefix));
  const childLevel = current.children[0]?.level;

  return (
    <Flex vertical gap={12}>
      <Breadcrumb
        items={trail.map((d, index) => ({
          key: d.code,
          title:
            index === trail.length - 1 ? (
              <strong>{d.name}</strong>
            ) : (
              <a onClick={() => onChange(divisionPrefixOf(d.code))}>{d.name}</a>
            ),
        }))}
      />
      {current.children.length > 0 && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder={`选择下级${childLevel ? divisionLevelLabels[childLevel] : ''}区划（共 ${current.children.length} 个）`}
          value={null}
          style={{ width: '100%', maxWidth: 420 }}
          options={current.children.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(code: string | null) => code && onChange(divisionPrefixOf(code))}
          aria-label="选择下级区划"
        />
      )}
      {children?.(current)}
    </Flex>
  );
}
