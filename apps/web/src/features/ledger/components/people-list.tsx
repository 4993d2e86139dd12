import { Card, Empty, Flex, Grid, Pagination, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatCount } from '../../../lib/format';
import { shortDivisionName } from '../../divisions/prefix';
import type { PersonRow } from '../api/get-people';
import { directionLabels, PAGE_SIZES } from '../filter-params';
import { personSubtitle } from '../person-format';
import { FiveItemsTags } from './five-items-tags';

interface Props {
  rows: PersonRow[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

function DirectionTag({ person }: { person: PersonRow }) {
  if (!person.direction) return null;
  return (
    <Tag color={person.direction === 'inbound' ? 'blue' : 'purple'} style={{ marginInlineEnd: 4 }}>
      {directionLabels[person.direction]}
    </Tag>
  );
}

/** Where the person works: the employer, and for people who left the city, where they went. */
function workplace(person: PersonRow): string {
  const parts = [person.direction === 'outbound' ? person.destinationName : null, person.employer].filter(Boolean);
  return parts.join(' · ') || '—';
}

const columns: TableColumnsType<PersonRow> = [
  {
    title: '姓名',
    key: 'name',
    width: 110,
    render: (_, p) => (
      <Flex vertical>
        <Link to={`/people/${p.id}`}>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {p.name}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {personSubtitle(p)}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: '公民身份号码', dataIndex: 'idNumberMasked', key: 'id', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
  {
    title: '流动情况',
    key: 'movement',
    render: (_, p) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <DirectionTag person={p} />
        {p.movedOn ?? ''}
      </span>
    ),
  },
  {
    title: '所在村（社区）/ 网格',
    key: 'place',
    responsive: ['md'],
    render: (_, p) => (
      <Flex vertical>
        <span>{shortDivisionName(p.divisionName)}</span>
        {p.gridName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.gridName}</Typography.Text>}
      </Flex>
    ),
  },
  { title: '去向 / 工作单位', key: 'work', responsive: ['lg'], render: (_, p) => workplace(p) },
  { title: '职业', dataIndex: 'occupationGroupName', key: 'occupation', responsive: ['xl'], render: (v: string) => v || '—' },
  { title: '五个清楚', key: 'fiveItems', render: (_, p) => <FiveItemsTags state={p.fiveItems} /> },
];

/** A table on a desk; on a phone one card per person, the whole card opening the person's page. */
export function PeopleList({ rows, total, page, pageSize, loading, onPage }: Props) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <Flex vertical gap={8} data-testid="people-list">
        {rows.length === 0 && !loading && <Empty description="没有符合条件的人员" />}
        {rows.map((p) => (
          <Link key={p.id} to={`/people/${p.id}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {p.name}
                </Typography.Text>
                <Typography.Text type="secondary">{personSubtitle(p)}</Typography.Text>
              </Flex>
              <div style={{ marginTop: 4 }}>
                <DirectionTag person={p} />
                <Typography.Text type="secondary">{p.movedOn ?? '流动时间不详'}</Typography.Text>
              </div>
              <Typography.Paragraph type="secondary" ellipsis style={{ margin: '4px 0' }}>
                {[shortDivisionName(p.divisionName), p.gridName].filter(Boolean).join(' · ')}
                {' ｜ '}
                {workplace(p)}
              </Typography.Paragraph>
              <FiveItemsTags state={p.fiveItems} />
            </Card>
          </Link>
        ))}
        {total > pageSize && (
          <Flex justify="center">
            <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} />
          </Flex>
        )}
      </Flex>
    );
  }
  return (
    <Table<PersonRow>
      data-testid="people-list"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: <Empty description="没有符合条件的人员" /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (count) => `共 ${formatCount(count)} 人`,
        size: 'small',
        onChange: onPage,
      }}
    />
  );
}
