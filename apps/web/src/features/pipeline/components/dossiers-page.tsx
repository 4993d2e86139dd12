import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { stages, steps as officialSteps } from '@xinxue/domain/pipeline/steps';
import { App, Button, Card, Checkbox, Empty, Flex, Grid, Input, Pagination, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { OrgPicker } from '../../orgs/components/org-picker';
import { type DossierFilter, type DossierListItem, type DossierStatus, exportDossiers, useDossiers } from '../api/dossier';
import { dossierStatusView } from '../dossier-labels';
import { ImportDossiersModal } from './import-dossiers-modal';

const statusKeys = Object.keys(dossierStatusView) as DossierStatus[];

/** The filter lives in the URL (`?stage=&step=&orgId=&subtree=1&status=&q=`), so the board links here. */
function filterFrom(params: URLSearchParams): DossierFilter {
  const num = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const status = params.get('status');
  return {
    stage: num('stage'), step: num('step'), orgId: num('orgId'), subtree: params.get('subtree') === '1',
    status: statusKeys.includes(status as DossierStatus) ? (status as DossierStatus) : undefined,
    q: params.get('q') ?? undefined, sort: 'updated',
  };
}

function StatusTag({ status }: { status: DossierStatus }) {
  const v = dossierStatusView[status];
  return <Tag color={v.color} style={{ marginInlineEnd: 0 }}>{v.label}</Tag>;
}

const stepText = (d: DossierListItem) => (d.currentStep <= 25 ? `第${d.currentStep}步 ${d.currentStepName}` : '已全部办结');

const columns: TableColumnsType<DossierListItem> = [
  { title: '姓名', key: 'name', render: (_, d) => <Link to={`/dossiers/${d.id}`} data-testid="dossier-link">{d.personName}</Link> },
  { title: '公民身份号码', dataIndex: 'idNumberMasked', key: 'id', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  { title: '阶段', key: 'stage', render: (_, d) => `第${d.stage}阶段` },
  { title: '下一步', key: 'step', render: (_, d) => stepText(d) },
  {
    title: '办理党组织', key: 'org', responsive: ['md'],
    render: (_, d) => (
      <Flex vertical gap={0}>
        <span>{d.orgName}</span>
        {d.otherOrgName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>另一地：{d.otherOrgName}</Typography.Text>}
      </Flex>
    ),
  },
  { title: '状态', key: 'status', render: (_, d) => <StatusTag status={d.status} /> },
  { title: '申请日期', dataIndex: 'openedOn', key: 'opened', responsive: ['xl'] },
  { title: '最近更新', dataIndex: 'updatedAt', key: 'updated', responsive: ['lg'], render: (v: string) => formatDateTime(v) },
];

/** 发展党员: the dossiers in scope, filtered by stage, step, organization (with its subtree), status and name. */
export function DossiersPage() {
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [text, setText] = useState(filter.q ?? '');
  const list = useDossiers(filter, page, pageSize);
  const screens = Grid.useBreakpoint();
  const canWrite = useCan('dossiers:write');
  const { message } = App.useApp();

  const set = (changes: Record<string, string | number | undefined | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setPage(1);
    setParams(next, { replace: true });
  };
  const doExport = () => {
    setExporting(true);
    exportDossiers(filter)
      .catch((e: unknown) => void message.error(errorMessage(e)))
      .finally(() => setExporting(false));
  };
  const stepOptions = officialSteps.filter((s) => !filter.stage || s.stage === filter.stage).map((s) => ({ value: s.number, label: `第${s.number}步 ${s.name}` }));

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>发展党员</Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporting} data-testid="dossiers-export">导出档案</Button>
          {canWrite && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="dossiers-import">导入档案</Button>}
        </Flex>
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Select
            allowClear placeholder="阶段" style={{ width: screens.md ? 230 : '100%' }} value={filter.stage} data-testid="filter-stage"
            options={stages.map((s) => ({ value: s.number, label: `第${s.number}阶段 ${s.name}` }))}
            onChange={(v?: number) => set({ stage: v, step: undefined })}
          />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="下一步" style={{ width: screens.md ? 240 : '100%' }} value={filter.step} options={stepOptions} onChange={(v?: number) => set({ step: v })} data-testid="filter-step" />
          <Select
            allowClear placeholder="状态" style={{ width: screens.md ? 150 : '100%' }} value={filter.status} data-testid="filter-status"
            options={statusKeys.map((k) => ({ value: k, label: dossierStatusView[k].label }))}
            onChange={(v?: DossierStatus) => set({ status: v })}
          />
          <div style={{ width: screens.md ? 280 : '100%' }}>
            <OrgPicker value={filter.orgId ?? null} onChange={(v) => set({ orgId: v, subtree: v ? (filter.subtree ? 1 : undefined) : undefined })} placeholder="党组织（办理地或另一地）" />
          </div>
          <Checkbox checked={filter.subtree} disabled={!filter.orgId} onChange={(e) => set({ subtree: e.target.checked ? 1 : undefined })}>含下级党组织</Checkbox>
          <Input.Search
            allowClear placeholder="姓名" style={{ width: screens.md ? 200 : '100%' }} value={text} data-testid="filter-q"
            onChange={(e) => setText(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !screens.md ? (
        <Flex vertical gap={8} data-testid="dossier-list">
          {list.data?.items.length === 0 && <Empty description="没有符合条件的发展党员档案" />}
          {list.data?.items.map((d) => (
            <Link key={d.id} to={`/dossiers/${d.id}`} style={{ color: 'inherit' }} data-testid="dossier-link">
              <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong>{d.personName}</Typography.Text>
                  <StatusTag status={d.status} />
                </Flex>
                <Typography.Text style={{ display: 'block', margin: '4px 0' }}>第{d.stage}阶段 · {stepText(d)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.orgName}{d.otherOrgName ? ` · 另一地：${d.otherOrgName}` : ''}</Typography.Text>
              </Card>
            </Link>
          ))}
          {(list.data?.total ?? 0) > pageSize && (
            <Flex justify="center">
              <Pagination simple current={page} pageSize={pageSize} total={list.data?.total ?? 0} onChange={(p) => setPage(p)} />
            </Flex>
          )}
        </Flex>
      ) : (
        <Table<DossierListItem>
          data-testid="dossier-list"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description="没有符合条件的发展党员档案" /> }}
          pagination={{
            current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 份`,
            onChange: (p, s) => { setPage(s === pageSize ? p : 1); setPageSize(s); },
          }}
        />
      )}
      {importing && <ImportDossiersModal onClose={() => setImporting(false)} />}
    </Flex>
  );
}
