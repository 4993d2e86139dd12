import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ReviewPerson } from '../api/get-reviews';

interface Line {
  key: string;
  label: string;
  of: (p: ReviewPerson) => string;
}

const lines: Line[] = [
  { key: 'name', label: '姓名', of: (p) => p.name },
  { key: 'id', label: '公民身份号码', of: (p) => p.idNumberMasked ?? '无' },
  { key: 'gender', label: '性别', of: (p) => p.gender ?? '—' },
  { key: 'birth', label: '出生日期', of: (p) => p.birthDate ?? '—' },
  { key: 'employer', label: '工作单位', of: (p) => p.employer ?? '—' },
  { key: 'phones', label: '电话', of: (p) => p.phonesMasked.join('、') || '—' },
];

/**
 * The two people of a possible duplicate side by side, one line per field, masked; values that
 * differ are marked so the reviewer's eye goes to them first.
 */
export function PeopleSideBySide({ incoming, existing }: { incoming: ReviewPerson | null; existing: ReviewPerson | null }) {
  const cell = (person: ReviewPerson | null, line: Line, other: ReviewPerson | null): ReactNode => {
    if (!person) return <Typography.Text type="secondary">（已不存在）</Typography.Text>;
    const value = line.of(person);
    const text = line.key === 'name' ? <Link to={`/people/${person.id}`}>{value}</Link> : value;
    const differs = other !== null && line.of(other) !== value;
    return differs ? <Typography.Text type="warning">{text}</Typography.Text> : text;
  };
  return (
    <Table
      size="small"
      bordered
      tableLayout="fixed"
      pagination={false}
      rowKey="key"
      dataSource={lines}
      columns={[
        { title: '项目', dataIndex: 'label', key: 'label', width: 96 },
        { title: '新导入的记录', key: 'incoming', render: (_, line) => cell(incoming, line, existing) },
        { title: '台帐中已有的人员', key: 'existing', render: (_, line) => cell(existing, line, incoming) },
      ]}
    />
  );
}
