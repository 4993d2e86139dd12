import { foundVia, foundViaLabels, type FoundVia } from '@xinxue/domain';
import { Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BarChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useTalent, type TalentEntry } from '../api/talent-api';
import { foundViaOptions } from './flag-talent-modal';
import { WithdrawTalentModal } from './withdraw-talent-modal';

/** The chart's axis is narrow on a phone: short names for the ways people are found. */
const chartLabels: Record<FoundVia, string> = { grid: '城乡网格', outboundBranch: '流动党员支部推荐', service: '服务中发现', microOrg: '微组织活动', other: '其他途径' };

const isFoundVia = (value: string | null): value is FoundVia => value !== null && (foundVia as readonly string[]).includes(value);

function TalentCard({ entry, canWrite, onWithdraw }: { entry: TalentEntry; canWrite: boolean; onWithdraw: () => void }) {
  const title = (
    <Flex wrap gap={6} align="center">
      <Link to={`/people/${entry.personId}`}>{entry.name}</Link>
      {entry.idNumberMasked && (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
          {entry.idNumberMasked}
        </Typography.Text>
      )}
    </Flex>
  );
  return (
    <Card size="small" title={title} extra={<Tag color="red" style={{ marginInlineEnd: 0 }}>{entry.foundViaLabel}</Tag>} data-testid="talent-item" style={{ height: '100%' }}>
      <Flex vertical gap={6}>
        <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
          {entry.reason}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          推荐人：{entry.nominatedBy} · 列入时间：{formatDateTime(entry.flaggedAt)}
          {entry.employer ? ` · ${entry.employer}` : ''}
        </Typography.Text>
        <Flex wrap gap={8} justify="space-between" align="center">
          {entry.targetId ? (
            <Link to={`/targets/${entry.targetId}`}>
              <Tag color="blue">重点培养对象 · 查看联系记录</Tag>
            </Link>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              尚未列为重点培养对象（可在人员页面列入）
            </Typography.Text>
          )}
          {canWrite && (
            <Button size="small" danger onClick={onWithdraw}>
              移出
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}

/** 优秀分子数据库: who is in it, why, by whose recommendation and how they were found. */
export function TalentPage() {
  const canWrite = useCan('people:write');
  const [params, setParams] = useSearchParams();
  const asked = params.get('foundVia');
  const via = isFoundVia(asked) ? asked : undefined;
  const all = useTalent({});
  const list = useTalent({ foundVia: via });
  const [withdrawing, setWithdrawing] = useState<TalentEntry | null>(null);
  const setVia = (next: FoundVia | undefined) => setParams(next ? { foundVia: next } : {});

  const counts = useMemo(() => {
    const byVia = new Map<FoundVia, number>(foundVia.map((v) => [v, 0]));
    for (const entry of all.data?.items ?? []) byVia.set(entry.foundVia, (byVia.get(entry.foundVia) ?? 0) + 1);
    return byVia;
  }, [all.data]);
  const items = list.data?.items;
  const total = all.data?.items.length ?? 0;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        优秀分子数据库
      </Typography.Title>
      <Typography.Text type="secondary">在网格、服务和微组织活动中发现的优秀流动人员。列入、移出在人员页面和这里办理；列为重点培养对象后定期联系跟踪。</Typography.Text>
      <Card size="small" title={`按发现途径统计（共 ${formatCount(total)} 人）`}>
        {all.isError ? (
          <QueryError error={all.error} onRetry={() => void all.refetch()} />
        ) : !all.data ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <BarChart
            testId="talent-chart"
            categories={foundVia.map((v) => chartLabels[v])}
            series={[{ name: '人数', data: foundVia.map((v) => counts.get(v) ?? 0) }]}
            onCategoryClick={(index) => setVia(foundVia[index])}
            height={220}
          />
        )}
      </Card>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex gap={8} align="center" wrap>
          <Typography.Text>发现途径</Typography.Text>
          <Select<FoundVia | ''>
            aria-label="按发现途径筛选"
            data-testid="talent-filter"
            value={via ?? ''}
            onChange={(value) => setVia(value || undefined)}
            options={[{ value: '', label: '全部途径' }, ...foundViaOptions]}
            style={{ minWidth: 200 }}
          />
        </Flex>
        {items && (
          <Typography.Text type="secondary">
            {via ? `${foundViaLabels[via]}：` : ''}
            {formatCount(items.length)} 人{items.length >= 500 ? '（只列出最近 500 人）' : ''}
          </Typography.Text>
        )}
      </Flex>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={via ? '没有经此途径发现的优秀分子' : '优秀分子数据库还是空的：在人员页面点“列为优秀分子”'} />
        </Card>
      ) : (
        <Row gutter={[12, 12]} data-testid="talent-list">
          {items.map((entry) => (
            <Col key={entry.id} xs={24} md={12} xxl={8}>
              <TalentCard entry={entry} canWrite={canWrite} onWithdraw={() => setWithdrawing(entry)} />
            </Col>
          ))}
        </Row>
      )}
      {withdrawing && <WithdrawTalentModal entry={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Flex>
  );
}
