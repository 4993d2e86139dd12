import { CloudUploadOutlined, DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import {
  formationLabels,
  formations,
  hostKindLabels,
  hostKinds,
  orgKindLabels,
  orgKinds,
  orgStatusLabels,
  orgStatuses,
  type Formation,
  type HostKind,
  type OrgKind,
  type OrgStatus,
} from '@xinxue/domain';
import { App, Button, Card, Col, Flex, Grid, Input, Row, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { formatCount } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { useExportOrgs } from '../api/export-orgs';
import { useOrgStats } from '../api/get-org-stats';
import { useOrgTree, type OrgTreeItem } from '../api/get-org-tree';
import { useOrgs, type OrgFilter } from '../api/get-orgs';
import { buildOrgForest } from '../org-tree-data';
import { ImportOrgsModal } from './import-orgs-modal';
import { OrgList } from './org-list';
import { OrgTree } from './org-tree';

type View = 'tree' | 'list';

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => (value && (list as readonly string[]).includes(value) ? (value as T) : undefined);

/** The page's state lives in the address, so a filtered view can be bookmarked and shared. */
function readParams(params: URLSearchParams) {
  const status = params.get('status');
  const filter: OrgFilter = {
    hostKind: pick<HostKind>(hostKinds, params.get('hostKind')),
    kind: pick<OrgKind>(orgKinds, params.get('kind')),
    formation: pick<Formation>(formations, params.get('formation')),
    // Active organizations unless asked otherwise; 'all' shows merged and dissolved ones too.
    status: status === 'all' ? undefined : (pick<OrgStatus>(orgStatuses, status) ?? 'active'),
    within: /^\d{2,12}$/.test(params.get('within') ?? '') ? params.get('within')! : undefined,
    q: params.get('q') || undefined,
  };
  const view: View = params.get('view') === 'list' ? 'list' : 'tree';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [20, 50, 100].includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : 20;
  return { filter, view, page, pageSize, statusParam: status === 'all' ? 'all' : (filter.status ?? 'active') };
}

/** What the tree keeps for the filter (the list asks the server the same question). */
function treeMatcher(filter: OrgFilter): ((org: OrgTreeItem) => boolean) | null {
  const { hostKind, kind, formation, status, within, q } = filter;
  if (!hostKind && !kind && !formation && !within && !q && (status === 'active' || status === undefined)) return null;
  return (org) =>
    (!hostKind || org.hostKind === hostKind) &&
    (!kind || org.kind === kind) &&
    (!formation || org.formation === formation) &&
    (!status || org.status === status) &&
    (!within || org.divisionCode.startsWith(within)) &&
    (!q || org.name.includes(q));
}

/** 党组织: the tree of committees, general branches and branches, with filters, a chart and the export. */
export function OrgsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const canWrite = useCan('orgs:write');
  const [params, setParams] = useSearchParams();
  const { filter, view, page, pageSize, statusParam } = readParams(params);
  const tree = useOrgTree(filter.status !== 'active');
  const list = useOrgs(filter, page, pageSize, view === 'list');
  const stats = useOrgStats(filter);
  const exporter = useExportOrgs();
  const [importing, setImporting] = useState(false);
  const forest = useMemo(() => buildOrgForest(tree.data?.items ?? []), [tree.data]);
  const matches = useMemo(() => treeMatcher(filter), [filter.hostKind, filter.kind, filter.formation, filter.status, filter.within, filter.q]);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const [text, setText] = useState(filter.q ?? '');
  const typed = useDebouncedValue(text.trim(), 400);
  useEffect(() => {
    if (typed !== (filter.q ?? '')) set({ q: typed || undefined });
    // Only the settled text drives the search.
  }, [typed]);

  const chartRows = (stats.data?.items ?? []).filter((i) => i.total > 0);
  const doExport = () =>
    exporter.mutate(filter, {
      onSuccess: (r) => void message.success(`已导出 ${r.count ?? ''} 个党组织`),
      onError: (e) => void message.error(errorMessage(e)),
    });

  const filters = (
    <Flex wrap gap={8} align="center">
      <Segmented<View> value={view} onChange={(v) => set({ view: v === 'tree' ? undefined : v })} options={[{ value: 'tree', label: '组织体系' }, { value: 'list', label: '列表' }]} />
      <Select allowClear placeholder="组织类型" style={{ width: 150 }} value={filter.hostKind} onChange={(v?: string) => set({ hostKind: v })} options={hostKinds.map((h) => ({ value: h, label: hostKindLabels[h] }))} aria-label="组织类型" />
      <Select allowClear placeholder="类别" style={{ width: 110 }} value={filter.kind} onChange={(v?: string) => set({ kind: v })} options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k] }))} aria-label="类别" />
      <Select allowClear placeholder="组建方式" style={{ width: 120 }} value={filter.formation} onChange={(v?: string) => set({ formation: v })} options={formations.map((f) => ({ value: f, label: formationLabels[f] }))} aria-label="组建方式" />
      <Select
        style={{ width: 110 }}
        value={statusParam}
        onChange={(v: string) => set({ status: v === 'active' ? undefined : v })}
        options={[...orgStatuses.map((s) => ({ value: s as string, label: orgStatusLabels[s] })), { value: 'all', label: '全部状态' }]}
        aria-label="状态"
      />
      <div style={{ width: screens.md ? 220 : '100%' }}>
        <DivisionSearchSelect within={user.scope.divisionPrefix} value={filter.within?.padEnd(12, '0')} onChange={(code) => set({ within: code ? divisionPrefixOf(code) : undefined })} placeholder="所在区划" />
      </div>
      <Input allowClear prefix={<SearchOutlined />} placeholder="按名称查找" value={text} onChange={(e) => setText(e.target.value)} style={{ width: screens.md ? 200 : '100%' }} aria-label="按名称查找" />
    </Flex>
  );

  const main =
    view === 'tree' ? (
      tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : !tree.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <OrgTree forest={forest} matches={matches} onOpen={(id) => void navigate(`/orgs/${id}`)} />
      )
    ) : list.isError ? (
      <QueryError error={list.error} onRetry={() => void list.refetch()} />
    ) : (
      <OrgList
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onPage={(p, size) => set({ page: String(size === pageSize ? p : 1), pageSize: String(size) })}
      />
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          党组织
        </Typography.Title>
        <Space wrap size={8}>
          <Button icon={<DownloadOutlined />} onClick={doExport} loading={exporter.isPending}>
            导出
          </Button>
          {canWrite && (
            <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          {canWrite && (
            <Link to="/orgs/new">
              <Button type="primary" icon={<PlusOutlined />}>
                新建党组织
              </Button>
            </Link>
          )}
        </Space>
      </Flex>
      {filters}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={`${view === 'tree' ? '组织体系' : '党组织名单'}（${stats.data ? formatCount(stats.data.total) : '…'} 个）`}>
            {main}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="按组织类型和组建方式">
            {stats.isError ? (
              <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
            ) : chartRows.length === 0 ? (
              <Typography.Text type="secondary">{stats.data ? '没有符合条件的党组织' : '加载中…'}</Typography.Text>
            ) : (
              <BarChart
                testId="org-formation-chart"
                categories={chartRows.map((r) => r.hostKindLabel)}
                series={formations.map((f) => ({ name: formationLabels[f], data: chartRows.map((r) => r[f]) }))}
                onCategoryClick={(i) => set({ hostKind: chartRows[i]?.hostKind })}
              />
            )}
          </Card>
        </Col>
      </Row>
      {importing && <ImportOrgsModal onClose={() => setImporting(false)} />}
    </Flex>
  );
}
