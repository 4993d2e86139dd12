import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import type { PersonFact } from '../api/get-person';
import { SourceTag } from '../source-tag';

const statusTags: Record<string, { color: string; label: string; dot: string }> = {
  active: { color: 'green', label: '有效', dot: '#52c41a' },
  disputed: { color: 'orange', label: '与其他来源冲突，待审核', dot: '#fa8c16' },
  accepted: { color: 'blue', label: '审核后采用', dot: '#1677ff' },
  rejected: { color: 'default', label: '审核后未采用', dot: '#bfbfbf' },
};

/** Every fact ever recorded about the person, newest first, each with its source and standing. */
export function PersonHistory({ history }: { history: PersonFact[] }) {
  return (
    <Card size="small" title={`历史记录（${history.length} 条，新的在前）`} data-testid="person-history">
      {history.length === 0 ? (
        <Empty description="没有记录" />
      ) : (
        <Timeline
          items={history.map((fact) => {
            const status = statusTags[fact.status] ?? { color: 'default', label: fact.status, dot: '#bfbfbf' };
            return {
              key: fact.id,
              color: status.dot,
              content: (
                <Flex vertical gap={2} data-testid="history-fact">
                  <Flex wrap gap={4} align="center">
                    <SourceTag source={fact.source} label={fact.sourceLabel} />
                    <Typography.Text strong>{fact.kindLabel}</Typography.Text>
                    {fact.status !== 'active' && <Tag color={status.color}>{status.label}</Tag>}
                  </Flex>
                  <Typography.Text delete={fact.status === 'rejected'} type={fact.status === 'rejected' ? 'secondary' : undefined}>
                    {fact.values.map((v) => `${v.label}：${v.value}`).join('；')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fact.validFrom ? `自 ${fact.validFrom} 起 · ` : ''}
                    {fact.sourceLabel}记录于 {formatDateTime(fact.recordedAt)}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
