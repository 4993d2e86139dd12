import { AuditOutlined, DownloadOutlined, FilterOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Drawer, Flex, Grid, Input, Space, Tag, Typography } from 'antd';
import { occupationGroups } from '@xinxue/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatCount } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session-context';
import { useDivision } from '../../divisions/api/get-division';
import { DivisionDrill } from '../../divisions/components/division-drill';
import { shortDivisionName } from '../../divisions/prefix';
import { useGrids } from '../../grids/api/get-grids';
import { usePeople, type PeopleFilter } from '../api/get-people';
import { completenessLabels, directionLabels, flagLabels, panelFilterCount, paramsFromView, viewFromParams, type LedgerView } from '../filter-params';
import { CompletenessCard } from './completeness-card';
import { ExportModal } from './export-modal';
import { gridArea, PeopleFilterPanel } from './people-filter-panel';
import { PeopleList } from './people-list';

export function LedgerPage() {
  const { user } = useSession();
  const scope = user.scope.divisionPrefix;
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const canWrite = useCan('people:write');
  const canReveal = useCan('pii:reveal');
  const [params, setParams] = useSearchParams();
  const view = viewFromParams(params, scope);
  const { filter } = view;
  const people = usePeople(filter, view.page, view.pageSize);
  const [panelOpen, setPanelOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const show = (next: LedgerView) => setParams(paramsFromView(next, scope));
  const refine = (patch: Partial<PeopleFilter>) => show({ ...view, filter: { ...filter, ...patch }, page: 1 });
  // A new area drops the grid, which belongs to the old one.
  const goTo = (within: string) => refine({ within, gridId: undefined });

  const [text, setText] = useState(filter.q ?? '');
  const typed = useDebouncedValue(text.trim(), 400);
  useEffect(() => {
    if (typed !== (filter.q ?? '')) refine({ q: typed || undefined });
    // Only the settled text drives the search; the rest of the view is read as it is then.
  }, [typed]);

  // Names for the active-filter tags (the address holds only codes and ids).
  const destination = useDivision(filter.destination);
  const area = gridArea(filter.within);
  const grids = useGrids(area ?? '', Boolean(area && filter.gridId));
  const grid = grids.data?.items.find((g) => g.id === filter.gridId);

  const panelCount = panelFilterCount(filter);
  const panel = (
    <PeopleFilterPanel
      filter={filter}
      compact={phone}
      onChange={refine}
      onClear={() => refine({ gridId: undefined, direction: undefined, destination: undefined, occupationGroup: undefined, completeness: undefined, flag: undefined })}
    />
  );

  const activeTags: { key: string; label: string; clear: Partial<PeopleFilter> }[] = [];
  if (filter.direction) activeTags.push({ key: 'direction', label: directionLabels[filter.direction], clear: { direction: undefined } });
  if (filter.completeness) activeTags.push({ key: 'completeness', label: completenessLabels[filter.completeness], clear: { completeness: undefined } });
  if (filter.flag) activeTags.push({ key: 'flag', label: flagLabels[filter.flag], clear: { flag: undefined } });
  if (filter.gridId) {
    const label = grid ? `${shortDivisionName(grid.divisionName)} ${grid.name}` : '指定网格';
    activeTags.push({ key: 'grid', label, clear: { gridId: undefined } });
  }
  if (filter.destination) {
    const label = destination.data?.name ?? filter.destination;
    activeTags.push({ key: 'destination', label: `去向：${label}`, clear: { destination: undefined } });
  }
  if (filter.occupationGroup) {
    const name = occupationGroups.find((g) => g.code === filter.occupationGroup)?.name ?? filter.occupationGroup;
    activeTags.push({ key: 'occupation', label: name.length > 12 ? `${name.slice(0, 12)}…` : name, clear: { occupationGroup: undefined } });
  }

  const listCard = (
    <Card
      size="small"
      title={`人员名单（${people.data ? formatCount(people.data.total) : '…'} 人）`}
      extra={
        <Badge count={panelCount} size="small">
          <Button size="small" icon={<FilterOutlined />} onClick={() => setPanelOpen((open) => !open)} aria-expanded={panelOpen}>
            筛选
          </Button>
        </Badge>
      }
    >
      <Flex vertical gap={12}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名、拼音首字母（如 zs）、身份证后4位或手机号"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={30}
          aria-label="搜索人员"
        />
        {!phone && panelOpen && <Card size="small" style={{ background: '#fafafa' }}>{panel}</Card>}
        {activeTags.length > 0 && (
          <Space size={[4, 4]} wrap>
            <Typography.Text type="secondary">筛选：</Typography.Text>
            {activeTags.map((t) => (
              <Tag key={t.key} closable onClose={() => refine(t.clear)} color="red">
                {t.label}
              </Tag>
            ))}
          </Space>
        )}
        {people.isError ? (
          <QueryError error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <PeopleList
            rows={people.data?.items ?? []}
            total={people.data?.total ?? 0}
            page={view.page}
            pageSize={view.pageSize}
            loading={people.isFetching}
            onPage={(page, pageSize) => show({ ...view, page: pageSize === view.pageSize ? page : 1, pageSize })}
          />
        )}
      </Flex>
    </Card>
  );

  const actions: ReactNode[] = [];
  if (canWrite) {
    actions.push(
      <Link key="import" to="/imports">
        <Button icon={<UploadOutlined />}>数据导入</Button>
      </Link>,
    );
  }
  actions.push(
    <Link key="reviews" to="/reviews">
      <Button icon={<AuditOutlined />}>待审核</Button>
    </Link>,
    <Button key="export" type="primary" icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
      导出
    </Button>,
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          流动人员台帐
        </Typography.Title>
        <Space wrap size={8}>
          {actions}
        </Space>
      </Flex>
      <DivisionDrill rootPrefix={scope} value={filter.within ?? scope} onChange={goTo}>
        {(division) => {
          const chart = <CompletenessCard within={filter.within ?? scope} areaName={division.name} onDrill={goTo} onGrid={(gridId) => refine({ gridId })} />;
          // On a phone the names come first; the chart follows for whoever scrolls on.
          return phone ? (
            <>
              {listCard}
              {chart}
            </>
          ) : (
            <>
              {chart}
              {listCard}
            </>
          );
        }}
      </DivisionDrill>
      {phone && (
        <Drawer
          placement="bottom"
          size="auto"
          open={panelOpen}
          onClose={() => setPanelOpen(false)}
          title="筛选人员"
          extra={
            <Button type="primary" size="small" onClick={() => setPanelOpen(false)}>
              查看结果{people.data ? `（${formatCount(people.data.total)}）` : ''}
            </Button>
          }
        >
          {panel}
        </Drawer>
      )}
      {exporting && <ExportModal filter={filter} total={people.data?.total} canReveal={canReveal} onClose={() => setExporting(false)} />}
    </Flex>
  );
}
