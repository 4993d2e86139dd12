import { BarChartOutlined, CloudUploadOutlined, DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { IndustryCode, NewOrgKind, SizeBand } from '@xinxue/domain';
import { Button, Card, Empty, Flex, Grid, Input, List, Pagination, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatCount } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { exportUrl, type NewOrgFilter, type NewOrgItem, useNewOrgs } from '../api/get-new-orgs';
import { coveredOptions, formationColors, industryOptions, kindOptions, sizeBandOptions, statusOptions } from '../new-org-labels';
import { ImportRegistryModal } from './import-registry-modal';
import { NewOrgDrawer } from './new-org-drawer';
import { NewOrgFormModal } from './new-org-form-modal';

const formationShort = { standalone: '单独', joint: '联合', attached: '挂靠' } as const;

function CoverageTag({ item }: { item: NewOrgItem }) {
  if (item.deregisteredOn) return <Tag>已注销</Tag>;
  if (!item.coverage) return <Tag color="red">空白点</Tag>;
  return (
    <Tag color={formationColors[item.coverage.formation]} style={{ whiteSpace: 'normal' }}>
      {formationShort[item.coverage.formation]}·{item.coverage.orgName}
    </Tag>
  );
}

/** 两新组织名录: the enterprises and social organizations of the user's area, whether each has an organization. */
export function NewOrgsPage() {
  const { user } = useSession();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const canWrite = useCan('orgs:write');
  const [filter, setFilter] = useState<NewOrgFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 400);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const refine = (patch: Partial<NewOrgFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  useEffect(() => refine({ q: q || undefined }), [q]);
  const list = useNewOrgs(filter, page, pageSize);

  const filters = (
    <Flex gap={8} wrap>
      <Input allowClear prefix={<SearchOutlined />} placeholder="名称或统一社会信用代码" value={text} onChange={(e) => setText(e.target.value)} maxLength={40} style={{ width: phone ? '100%' : 240 }} aria-label="搜索单位" />
      <Select allowClear placeholder="类别" options={kindOptions} value={filter.kind} onChange={(v: NewOrgKind | undefined) => refine({ kind: v })} style={{ width: 120 }} />
      <Select allowClear placeholder="行业" options={industryOptions} value={filter.industry} onChange={(v: IndustryCode | undefined) => refine({ industry: v })} style={{ width: 200 }} showSearch={{ optionFilterProp: 'label' }} />
      <Select allowClear placeholder="规模" options={sizeBandOptions} value={filter.sizeBand} onChange={(v: SizeBand | undefined) => refine({ sizeBand: v })} style={{ width: 130 }} />
      <Select allowClear placeholder="是否建立党组织" options={coveredOptions} value={filter.covered} onChange={(v: 'true' | 'false' | undefined) => refine({ covered: v })} style={{ width: 170 }} />
      <Select options={statusOptions} value={filter.status ?? 'active'} onChange={(v: NewOrgFilter['status']) => refine({ status: v })} style={{ width: 100 }} aria-label="登记状态" />
      <div style={{ width: phone ? '100%' : 240 }}>
        <DivisionSearchSelect within={user.scope.divisionPrefix} placeholder="所在乡镇（街道）、村（社区）" value={filter.within ? filter.within.padEnd(12, '0') : undefined} onChange={(code) => refine({ within: code ? divisionPrefixOf(code) : undefined })} />
      </div>
    </Flex>
  );

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pager = <Pagination size="small" current={page} pageSize={pageSize} total={total} showSizeChanger={!phone} onChange={(p, s) => { setPage(p); setPageSize(s); }} showTotal={(t) => `共 ${formatCount(t)} 个`} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          两新组织名录
        </Typography.Title>
        <Space wrap>
          <Link to="/new-orgs/coverage"><Button icon={<BarChartOutlined />}>覆盖情况</Button></Link>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter)} download>导出</Button>
          {canWrite && <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>导入名录</Button>}
          {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记单位</Button>}
        </Space>
      </Flex>
      <Card size="small">{filters}</Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        <Flex vertical gap={8} data-testid="new-org-cards">
          <List
            loading={list.isFetching && !list.data}
            dataSource={items}
            locale={{ emptyText: <Empty description="没有符合条件的单位" /> }}
            renderItem={(item) => (
              <Card size="small" style={{ marginBottom: 8 }} onClick={() => setOpenId(item.id)} hoverable>
                <Flex vertical gap={4}>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${item.kindLabel} · ${item.industryLabel} · ${item.divisionName}`}</Typography.Text>
                  <Flex justify="space-between" align="center" gap={8}>
                    <span style={{ whiteSpace: 'nowrap' }}>{`从业 ${item.employees} 人，党员 ${item.partyMembers} 人`}</span>
                    <CoverageTag item={item} />
                  </Flex>
                </Flex>
              </Card>
            )}
          />
          {pager}
        </Flex>
      ) : (
        <Card size="small">
          <Table<NewOrgItem>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={items}
            pagination={false}
            onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            locale={{ emptyText: <Empty description="没有符合条件的单位" /> }}
            columns={[
              { title: '名称', key: 'name', render: (_, r) => <Flex vertical><span>{r.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.uscc}</Typography.Text></Flex> },
              { title: '类别', dataIndex: 'kindLabel', width: 90 },
              { title: '行业', key: 'industry', render: (_, r) => `${r.industry} ${r.industryLabel}`, ellipsis: true },
              { title: '所在地区', dataIndex: 'divisionName', ellipsis: true },
              { title: '从业人员', dataIndex: 'employees', width: 90, align: 'right' },
              { title: '党员', dataIndex: 'partyMembers', width: 70, align: 'right' },
              { title: '党组织', key: 'coverage', width: 220, render: (_, r) => <CoverageTag item={r} /> },
            ]}
            data-testid="new-org-table"
          />
          <Flex justify="end" style={{ marginTop: 12 }}>{pager}</Flex>
        </Card>
      )}
      {openId !== null && <NewOrgDrawer id={openId} onClose={() => setOpenId(null)} />}
      {creating && <NewOrgFormModal existing={null} onClose={(saved) => { setCreating(false); if (saved) setOpenId(saved.id); }} />}
      {importing && <ImportRegistryModal onClose={() => setImporting(false)} />}
    </Flex>
  );
}
