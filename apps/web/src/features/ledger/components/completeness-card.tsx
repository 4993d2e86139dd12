import { fiveItemLabels, fiveItems, type FiveItem } from '@xinxue/domain';
import { Card, Col, Empty, Flex, Grid, Progress, Row, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { shortDivisionName } from '../../divisions/prefix';
import { useCompleteness, type CompletenessArea, type CompletenessLevel } from '../api/get-completeness';

const CompletenessBars = lazy(() => import('./completeness-bars'));

const levelLabels: Record<CompletenessLevel, string> = { county: '按县（市、区）', township: '按乡镇（街道）', village: '按村（社区）', grid: '按网格' };

/** The levels worth charting below an area: the next one down, and the one below that where it stays readable. */
function levelsBelow(within: string): CompletenessLevel[] {
  if (within.length <= 4) return ['county', 'township'];
  if (within.length <= 6) return ['township', 'village'];
  if (within.length <= 9) return ['village', 'grid'];
  return ['grid'];
}

type Measure = 'complete' | FiveItem;
const measureLabel = (m: Measure) => (m === 'complete' ? '五项全清' : fiveItemLabels[m]);
const clearOf = (area: CompletenessArea, m: Measure) => (m === 'complete' ? area.complete : area.items[m]);

interface Props {
  within: string;
  areaName: string;
  /** A bar of a division was clicked: show that division. */
  onDrill: (prefix: string) => void;
  /** A bar of a grid was clicked: filter the list by it. */
  onGrid: (gridId: number) => void;
}

/** 五个清楚 per area as a chart: the rate for the whole area on top, one bar per sub-area below. */
export function CompletenessCard({ within, areaName, onDrill, onGrid }: Props) {
  const levels = levelsBelow(within);
  const [chosen, setChosen] = useState<CompletenessLevel | undefined>();
  const by = chosen && levels.includes(chosen) ? chosen : levels[0]!;
  const [measure, setMeasure] = useState<Measure>('complete');
  const query = useCompleteness(within, by);
  const areas = query.data?.items;

  const totals = useMemo(() => {
    const sum = { total: 0, complete: 0, items: Object.fromEntries(fiveItems.map((i) => [i, 0])) as Record<FiveItem, number> };
    for (const a of areas ?? []) {
      sum.total += a.total;
      sum.complete += a.complete;
      for (const i of fiveItems) sum.items[i] += a.items[i];
    }
    return sum;
  }, [areas]);

  // On a phone the level switch would crowd the title out of the header; it goes into the body.
  const phone = !Grid.useBreakpoint().md;
  const levelSwitch =
    levels.length > 1 ? (
      <Segmented size="small" value={by} onChange={(v) => setChosen(v)} options={levels.map((l) => ({ value: l, label: levelLabels[l] }))} />
    ) : null;
  const rate = (part: number) => (totals.total ? Math.round((part / totals.total) * 100) : 0);
  const measures: Measure[] = ['complete', ...fiveItems];

  return (
    <Card
      size="small"
      title={`五个清楚完成情况 · ${areaName}`}
      extra={phone ? null : levelSwitch}
      data-testid="completeness-card"
    >
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !areas ? (
        <Skeleton active />
      ) : totals.total === 0 ? (
        <Empty description="本区域还没有流动人员，请先导入台帐数据" />
      ) : (
        <Flex vertical gap={12}>
          {phone && levelSwitch}
          <Row gutter={[8, 8]}>
            {measures.map((m) => {
              const part = m === 'complete' ? totals.complete : totals.items[m];
              const selected = m === measure;
              return (
                <Col key={m} xs={8} sm={8} md={4}>
                  <button
                    type="button"
                    onClick={() => setMeasure(m)}
                    aria-pressed={selected}
                    style={{
                      width: '100%',
                      background: selected ? '#fff1f0' : '#fafafa',
                      border: `1px solid ${selected ? '#c8161d' : '#f0f0f0'}`,
                      borderRadius: 6,
                      padding: '8px 4px',
                      cursor: 'pointer',
                    }}
                  >
                    <Progress type="circle" size={56} percent={rate(part)} format={(p) => `${p ?? 0}%`} strokeColor={m === 'complete' ? '#c8161d' : '#52c41a'} />
                    <div style={{ marginTop: 4, fontSize: 13 }}>{measureLabel(m)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatCount(part)}/{formatCount(totals.total)}
                    </Typography.Text>
                  </button>
                </Col>
              );
            })}
          </Row>
          <div data-testid="completeness-chart">
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 200 }} />}>
              <CompletenessBars
                categories={areas.map((a) => shortDivisionName(a.name))}
                clear={areas.map((a) => clearOf(a, measure))}
                totals={areas.map((a) => a.total)}
                measure={measureLabel(measure)}
                clearLabel={measure === 'complete' ? '五项全清' : `${measureLabel(measure)}清楚`}
                unclearLabel={measure === 'complete' ? '未全清' : `${measureLabel(measure)}不清楚`}
                onCategoryClick={(index) => {
                  const area = areas[index];
                  if (!area) return;
                  if (by !== 'grid') onDrill(area.key);
                  else if (area.key !== '0') onGrid(Number(area.key));
                }}
              />
            </Suspense>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            点击柱条查看{by === 'grid' ? '该网格的人员' : '下一级'}。缺失或超过规定期限未核实的项目按“不清楚”计。
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
