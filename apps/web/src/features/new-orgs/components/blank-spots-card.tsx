import { ApartmentOutlined } from '@ant-design/icons';
import type { BlankSpotAdvice, IndustryCode, NewOrgKind } from '@xinxue/domain';
import { Button, Card, Empty, Flex, Grid, List, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatCount } from '../../../lib/format';
import { type BlankSpotFilter, type BlankSpots, useBlankSpots } from '../api/get-blank-spots';
import { adviceColors, commonDivision, formationFor, industryOptions, kindOptions, setUpOrgLink } from '../new-org-labels';

type Spot = BlankSpots['items'][number];
const sortOptions = [
  { value: 'partyMembers', label: '按党员人数' },
  { value: 'employees', label: '按从业人员' },
  { value: 'division', label: '按地区' },
  { value: 'name', label: '按名称' },
];

function SetUpLink({ spot }: { spot: Spot }) {
  return (
    <Link to={setUpOrgLink({ formation: formationFor(spot.advice), newOrgIds: [spot.id], hostKind: spot.kind, divisionCode: spot.divisionCode })} onClick={(e) => e.stopPropagation()}>
      <Button size="small" icon={<ApartmentOutlined />}>组建党组织</Button>
    </Link>
  );
}

/** 空白点: units with no organization, the party members among their staff and what each needs next. */
export function BlankSpotsCard({ within, onOpen }: { within: string | undefined; onOpen: (id: number) => void }) {
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const canWrite = useCan('orgs:write');
  const [filter, setFilter] = useState<BlankSpotFilter>({ sort: 'partyMembers' });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Spot[]>([]);
  const spots = useBlankSpots({ ...filter, within }, page, 20);
  const refine = (patch: Partial<BlankSpotFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const data = spots.data;
  const joint =
    selected.length >= 2
      ? setUpOrgLink({
          formation: 'joint',
          newOrgIds: selected.map((s) => s.id),
          hostKind: selected.filter((s) => s.kind === 'enterprise').length * 2 >= selected.length ? 'enterprise' : 'socialOrg',
          divisionCode: commonDivision(selected.map((s) => s.divisionCode)),
        })
      : null;

  return (
    <Card
      size="small"
      title={data ? `空白点（${formatCount(data.total)} 个，从业人员中有党员 ${formatCount(data.partyMembers)} 名）` : '空白点'}
      data-testid="blank-spots"
      extra={
        canWrite &&
        joint && (
          <Link to={joint}>
            <Button type="primary" size="small" icon={<ApartmentOutlined />}>{`联合组建（已选 ${selected.length} 个）`}</Button>
          </Link>
        )
      }
    >
      <Flex vertical gap={12}>
        {data && (
          <Space size={[4, 4]} wrap>
            {data.byAdvice.map((a) => (
              <Tag.CheckableTag key={a.advice} checked={filter.advice === a.advice} onChange={(on) => refine({ advice: on ? a.advice : undefined })}>
                {`${a.label}：${a.count}`}
              </Tag.CheckableTag>
            ))}
          </Space>
        )}
        <Flex gap={8} wrap>
          <Select allowClear placeholder="类别" options={kindOptions} value={filter.kind} onChange={(v: NewOrgKind | undefined) => refine({ kind: v })} style={{ width: 120 }} />
          <Select allowClear placeholder="行业" options={industryOptions} value={filter.industry} onChange={(v: IndustryCode | undefined) => refine({ industry: v })} style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} />
          <Select options={sortOptions} value={filter.sort} onChange={(v: BlankSpotFilter['sort']) => refine({ sort: v })} style={{ width: 130 }} aria-label="排序" />
        </Flex>
        {spots.isError ? (
          <QueryError error={spots.error} onRetry={() => void spots.refetch()} />
        ) : phone ? (
          <List
            loading={!data}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description="没有空白点" /> }}
            renderItem={(s) => (
              <Card size="small" style={{ marginBottom: 8 }} onClick={() => onOpen(s.id)}>
                <Flex vertical gap={4}>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${s.industryLabel} · ${s.divisionName}`}</Typography.Text>
                  <span>{`从业 ${s.employees} 人，党员 ${s.partyMembers} 人`}</span>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Tag color={adviceColors[s.advice as BlankSpotAdvice]} style={{ whiteSpace: 'normal' }}>{s.adviceLabel}</Tag>
                    {canWrite && <SetUpLink spot={s} />}
                  </Flex>
                </Flex>
              </Card>
            )}
          />
        ) : (
          <Table<Spot>
            rowKey="id"
            size="small"
            loading={spots.isFetching}
            dataSource={data?.items ?? []}
            pagination={false}
            rowSelection={canWrite ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined}
            onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty description="没有空白点" /> }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kindLabel', width: 90 },
              { title: '行业', dataIndex: 'industryLabel', ellipsis: true },
              { title: '所在地区', dataIndex: 'divisionName', ellipsis: true },
              { title: '从业人员', dataIndex: 'employees', width: 90, align: 'right' },
              { title: '党员', dataIndex: 'partyMembers', width: 60, align: 'right' },
              { title: '建议', key: 'advice', width: 200, render: (_, s) => <Tag color={adviceColors[s.advice]} style={{ whiteSpace: 'normal' }}>{s.adviceLabel}</Tag> },
              ...(canWrite ? [{ title: '', key: 'act', width: 120, render: (_: unknown, s: Spot) => <SetUpLink spot={s} /> }] : []),
            ]}
          />
        )}
        <Flex justify="end">
          <Pagination size="small" current={page} pageSize={20} total={data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
        </Flex>
      </Flex>
    </Card>
  );
}
