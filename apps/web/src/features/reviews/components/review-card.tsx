import { POSSIBLE_MATCH, SURE_MATCH } from '@xinxue/domain';
import { App, Button, Card, Flex, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { ReviewItem } from '../api/get-reviews';
import { useResolveReview, type ReviewAction } from '../api/resolve-review';
import { PeopleSideBySide } from './review-person';

const resolutionLabels: Record<string, string> = { merge: '已合并为同一人', distinct: '确认不是同一人', acceptIncoming: '已采用新值', keepCurrent: '已保留现值' };
/** Scores are kept as 0–1; people read them as 0–100 分. */
const points = (value: number) => Math.round(value * 100);

const actionDone: Record<ReviewAction, string> = { merge: '已合并', distinct: '已确认为不同的人', acceptIncoming: '已采用新值', keepCurrent: '已保留现值' };

export function Conflict({ item }: { item: ReviewItem }) {
  const first = item.differences[0];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={item.differences}
      columns={[
        { title: '项目', dataIndex: 'label', key: 'label', width: 90 },
        {
          title: `新值${first ? `（${first.incomingSource}）` : ''}`,
          key: 'incoming',
          render: (_, d) => <Typography.Text strong>{d.incoming}</Typography.Text>,
        },
        { title: `现值${first ? `（${first.currentSource}）` : ''}`, key: 'current', render: (_, d) => d.current },
      ]}
    />
  );
}

/** The score and how each field contributed to it. */
export function MatchScore({ item }: { item: ReviewItem }) {
  return (
      <div>
        <Flex align="center" gap={12} wrap>
          <Typography.Text strong>相似度评分：{item.score === null ? '—' : `${points(item.score)} 分`}</Typography.Text>
          {item.score !== null && <Progress percent={points(item.score)} showInfo={false} strokeColor="#722ed1" style={{ width: 160, margin: 0 }} />}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {points(SURE_MATCH)} 分及以上自动认定为同一人，{points(POSSIBLE_MATCH)}–{points(SURE_MATCH) - 1} 分交人工审核。
        </Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="label"
          style={{ marginTop: 8 }}
          dataSource={item.parts}
          columns={[
            { title: '比对项', dataIndex: 'label', key: 'label', width: 100 },
            {
              title: '得分',
              dataIndex: 'points',
              key: 'points',
              width: 70,
              render: (value: number) => (
                <Typography.Text type={value > 0 ? 'success' : value < 0 ? 'danger' : 'secondary'}>{value > 0 ? `+${points(value)}` : points(value)}</Typography.Text>
              ),
            },
            { title: '说明', dataIndex: 'detail', key: 'detail' },
          ]}
        />
      </div>
  );
}

function Match({ item }: { item: ReviewItem }) {
  return (
    <Flex vertical gap={12}>
      <PeopleSideBySide incoming={item.person} existing={item.candidate} />
      <MatchScore item={item} />
    </Flex>
  );
}

/** 来源冲突 / 疑似重复, the person's name (to their page), masked ID and, for a conflict, what disagrees. */
export function ReviewTitle({ item }: { item: ReviewItem }) {
  const person = item.person;
  return (
    <Flex wrap gap={6} align="center">
      {item.kind === 'conflict' ? <Tag color="orange">来源冲突</Tag> : <Tag color="purple">疑似重复</Tag>}
      {person ? <Link to={`/people/${person.id}`}>{person.name}</Link> : null}
      {person?.idNumberMasked && (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
          {person.idNumberMasked}
        </Typography.Text>
      )}
      {item.kind === 'conflict' && item.factKind && <Typography.Text style={{ fontWeight: 'normal' }}>· {item.factKind}</Typography.Text>}
    </Flex>
  );
}

/** The two ways to decide an open item, or how a resolved one was decided. */
export function ReviewActions({ item, canResolve }: { item: ReviewItem; canResolve: boolean }) {
  const { message } = App.useApp();
  const resolve = useResolveReview();
  const act = (action: ReviewAction) =>
    resolve.mutate(
      { id: item.id, action },
      { onSuccess: () => void message.success(actionDone[action]), onError: (e) => void message.error(errorMessage(e)) },
    );
  const pending = (action: ReviewAction) => resolve.isPending && resolve.variables.action === action;
  const open = item.status === 'open';

  return !open ? (
      <Typography.Text type="secondary">
        {resolutionLabels[item.resolution ?? ''] ?? item.resolution} · {formatDateTime(item.resolvedAt)}
      </Typography.Text>
    ) : !canResolve ? (
      <Typography.Text type="secondary">您的角色只能查看，不能处理</Typography.Text>
    ) : item.kind === 'conflict' ? (
      <Flex gap={8} wrap>
        <Button type="primary" loading={pending('acceptIncoming')} disabled={resolve.isPending} onClick={() => act('acceptIncoming')}>
          采用新值
        </Button>
        <Button loading={pending('keepCurrent')} disabled={resolve.isPending} onClick={() => act('keepCurrent')}>
          保留现值
        </Button>
      </Flex>
    ) : (
      <Flex gap={8} wrap>
        <Popconfirm title="合并为同一人？" description="两条记录的信息将合在一起，之后可在人员页面撤销。" okText="合并" cancelText="取消" onConfirm={() => act('merge')}>
          <Button type="primary" loading={pending('merge')} disabled={resolve.isPending}>
            是同一人，合并
          </Button>
        </Popconfirm>
        <Button loading={pending('distinct')} disabled={resolve.isPending} onClick={() => act('distinct')}>
          不是同一人
        </Button>
      </Flex>
    );
}

/** One item of the queue as a card (phones): what disagrees or who may be the same, and the two ways to decide. */
export function ReviewCard({ item, canResolve }: { item: ReviewItem; canResolve: boolean }) {
  return (
    <Card size="small" title={<ReviewTitle item={item} />} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(item.createdAt)}</Typography.Text>} data-testid="review-item">
      <Flex vertical gap={12}>
        {item.kind === 'conflict' ? <Conflict item={item} /> : <Match item={item} />}
        <ReviewActions item={item} canResolve={canResolve} />
      </Flex>
    </Card>
  );
}
