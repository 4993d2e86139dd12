import { Flex, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatDateTime } from '../../../lib/format';
import type { ReviewItem } from '../api/get-reviews';
import { Conflict, MatchScore, ReviewActions, ReviewTitle } from './review-card';
import { PeopleSideBySide } from './review-person';

interface Props {
  items: ReviewItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  canResolve: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/**
 * The queue on a wide screen: one row per item, paged by the server. A conflict shows both values
 * in the row; a possible duplicate shows its score, with the two people side by side when expanded.
 */
export function ReviewsTable({ items, total, page, pageSize, loading, canResolve, onPage }: Props) {
  return (
    <div data-testid="reviews-table">
      <Table<ReviewItem>
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={items}
        onRow={() => ({ 'data-testid': 'review-item' }) as HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showTotal: (n) => `共 ${n} 项`, onChange: onPage }}
        expandable={{
          rowExpandable: (item) => item.kind === 'match',
          expandedRowRender: (item) => <PeopleSideBySide incoming={item.person} existing={item.candidate} />,
          expandRowByClick: false,
        }}
        columns={[
          { title: '事项', key: 'title', width: 260, render: (_, item) => <ReviewTitle item={item} /> },
          {
            title: '内容',
            key: 'content',
            render: (_, item) =>
              item.kind === 'conflict' ? (
                <Conflict item={item} />
              ) : (
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    与 {item.candidate?.name ?? '—'}（第 {item.candidate?.id ?? '—'} 号）可能是同一人；展开可并排比较两人
                  </Typography.Text>
                  <MatchScore item={item} />
                </Flex>
              ),
          },
          { title: '发现时间', key: 'createdAt', width: 150, render: (_, item) => formatDateTime(item.createdAt) },
          { title: '处理', key: 'actions', width: 220, render: (_, item) => <ReviewActions item={item} canResolve={canResolve} /> },
        ]}
      />
    </div>
  );
}
