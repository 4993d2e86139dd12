import { Card, Empty, Flex, Grid, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { useReviews, type ReviewFilter, type ReviewKind, type ReviewStatus } from '../api/get-reviews';
import { ReviewCard } from './review-card';
import { ReviewsTable } from './reviews-table';

const PAGE_SIZES = [10, 20, 50, 100];

/**
 * The review queue: possible duplicates and disagreements between sources, decided by a person.
 * Paged by the server; the filters and the page live in the address, so 返回 from a person's page
 * comes back to the same page.
 */
export function ReviewsPage() {
  const canResolve = useCan('people:write');
  const { user } = useSession();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const askedKind = params.get('kind');
  const askedSize = Number(params.get('pageSize'));
  const filter: ReviewFilter = {
    status: params.get('status') === 'resolved' ? 'resolved' : 'open',
    kind: askedKind === 'match' || askedKind === 'conflict' ? askedKind : undefined,
    within: /^\d{2,12}$/.test(params.get('within') ?? '') ? params.get('within')! : undefined,
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    pageSize: PAGE_SIZES.includes(askedSize) ? askedSize : 20,
  };
  const reviews = useReviews(filter);
  const data = reviews.data;

  const set = (next: Partial<ReviewFilter>) => {
    // Any change of filter starts again at the first page.
    const f = { ...filter, page: 1, ...next };
    setParams({
      ...(f.status === 'resolved' ? { status: f.status } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.within ? { within: f.within } : {}),
      ...(f.page > 1 ? { page: String(f.page) } : {}),
      ...(f.pageSize !== 20 ? { pageSize: String(f.pageSize) } : {}),
    });
  };
  const onPage = (page: number, pageSize: number) => set({ page: pageSize === filter.pageSize ? page : 1, pageSize });
  // Deciding the last items of the last page empties it: step back to the page that is now last.
  const lastPage = data ? Math.max(1, Math.ceil(data.total / filter.pageSize)) : 1;
  const pastEnd = Boolean(data && data.items.length === 0 && filter.page > lastPage);
  useEffect(() => {
    if (pastEnd) set({ page: lastPage });
    // Only when the page runs past the end; `set` is rebuilt every render.
  }, [pastEnd, lastPage]);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        待审核
      </Typography.Title>
      <Flex wrap gap={8} justify="space-between">
        <Segmented<ReviewStatus>
          value={filter.status}
          onChange={(status) => set({ status })}
          options={[
            { value: 'open', label: '待处理' },
            { value: 'resolved', label: '已处理' },
          ]}
        />
        <Flex wrap gap={8}>
          <Segmented<ReviewKind | 'all'>
            value={filter.kind ?? 'all'}
            onChange={(k) => set({ kind: k === 'all' ? undefined : k })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'conflict', label: '来源冲突' },
              { value: 'match', label: '疑似重复' },
            ]}
          />
          <div style={{ minWidth: 220, flex: phone ? 1 : undefined }}>
            <DivisionSearchSelect
              id="reviews-within"
              within={user.scope.divisionPrefix}
              placeholder="全部区域（可选乡镇、村）"
              onChange={(code) => set({ within: code ? divisionPrefixOf(code) : undefined })}
            />
          </div>
        </Flex>
      </Flex>
      {reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data.total === 0 ? (
        <Card>
          <Empty description={filter.status === 'open' ? '没有待处理的事项' : '还没有处理过的事项'} />
        </Card>
      ) : phone ? (
        <>
          <Typography.Text type="secondary">{filter.status === 'open' ? `共 ${data.total} 项待处理` : `已处理 ${data.total} 项，新的在前`}</Typography.Text>
          {data.items.map((item) => (
            <ReviewCard key={item.id} item={item} canResolve={canResolve} />
          ))}
          {data.total > filter.pageSize && (
            <Pagination simple align="center" current={filter.page} pageSize={filter.pageSize} total={data.total} onChange={onPage} />
          )}
        </>
      ) : (
        <ReviewsTable items={data.items} total={data.total} page={filter.page} pageSize={filter.pageSize} loading={reviews.isFetching} canResolve={canResolve} onPage={onPage} />
      )}
    </Flex>
  );
}
