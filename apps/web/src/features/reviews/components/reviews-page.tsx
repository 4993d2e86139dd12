import { Card, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useReviews, type ReviewKind, type ReviewStatus } from '../api/get-reviews';
import { ReviewCard } from './review-card';

/** The review queue: possible duplicates and disagreements between sources, decided by a person. */
export function ReviewsPage() {
  const canResolve = useCan('people:write');
  const [params, setParams] = useSearchParams();
  const status: ReviewStatus = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const askedKind = params.get('kind');
  const kind: ReviewKind | undefined = askedKind === 'match' || askedKind === 'conflict' ? askedKind : undefined;
  const reviews = useReviews(status, kind);
  const items = reviews.data?.items;

  const set = (next: { status?: ReviewStatus; kind?: ReviewKind | 'all' }) => {
    const s = next.status ?? status;
    const k = next.kind === undefined ? kind : next.kind === 'all' ? undefined : next.kind;
    setParams({ ...(s === 'resolved' ? { status: s } : {}), ...(k ? { kind: k } : {}) });
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        待审核
      </Typography.Title>
      <Flex wrap gap={8} justify="space-between">
        <Segmented<ReviewStatus>
          value={status}
          onChange={(s) => set({ status: s })}
          options={[
            { value: 'open', label: '待处理' },
            { value: 'resolved', label: '已处理' },
          ]}
        />
        <Segmented<ReviewKind | 'all'>
          value={kind ?? 'all'}
          onChange={(k) => set({ kind: k })}
          options={[
            { value: 'all', label: '全部' },
            { value: 'conflict', label: '来源冲突' },
            { value: 'match', label: '疑似重复' },
          ]}
        />
      </Flex>
      {reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={status === 'open' ? '没有待处理的事项' : '还没有处理过的事项'} />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">
            {status === 'open' ? `共 ${items.length} 项待处理` : `最近处理的 ${items.length} 项`}
            {items.length >= 200 ? '（只列出前 200 项）' : ''}
          </Typography.Text>
          {items.map((item) => (
            <ReviewCard key={item.id} item={item} canResolve={canResolve} />
          ))}
        </>
      )}
    </Flex>
  );
}
