import { StarOutlined, AimOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { usePersonFlags } from '../api/talent-api';
import { AddTargetModal } from './add-target-modal';
import { FlagTalentModal } from './flag-talent-modal';
import { TargetTags } from './target-tags';

/**
 * On a person's page: whether they are in the outstanding-people database and a cultivation
 * target, and (with people:write) the two actions that put them there.
 */
export function PersonTalentActions({ personId, personName, divisionCode }: { personId: number; personName: string; divisionCode: string }) {
  const canWrite = useCan('people:write');
  const flags = usePersonFlags(personId, divisionCode);
  const [open, setOpen] = useState<'talent' | 'target' | null>(null);
  const { talent, target } = flags;

  let body;
  if (flags.error) body = <QueryError error={flags.error} onRetry={() => void flags.refetch()} />;
  else if (flags.isLoading) body = <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  else
    body = (
      <Flex vertical gap={8}>
        <Flex wrap gap={8} align="center" data-testid="person-talent-status">
          <Typography.Text type="secondary">优秀分子：</Typography.Text>
          {talent ? (
            <>
              <Tag color="red">已列入</Tag>
              <Typography.Text>{talent.foundViaLabel}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                推荐人 {talent.nominatedBy} · {formatDateTime(talent.flaggedAt)}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">未列入</Typography.Text>
          )}
          {!talent && canWrite && (
            <Button size="small" icon={<StarOutlined />} onClick={() => setOpen('talent')}>
              列为优秀分子
            </Button>
          )}
        </Flex>
        <Flex wrap gap={8} align="center" data-testid="person-target-status">
          <Typography.Text type="secondary">重点培养对象：</Typography.Text>
          {target ? (
            <>
              <Tag color="blue">跟踪中</Tag>
              <TargetTags reserveCadre={target.reserveCadre} outboundYouth={target.outboundYouth} overdueDays={target.overdueDays} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {target.ownerName} 每 {target.cadenceDays} 天联系一次，下次 {target.nextDueOn}
              </Typography.Text>
              <Link to={`/targets/${target.id}`}>联系记录</Link>
            </>
          ) : (
            <Typography.Text type="secondary">未列入</Typography.Text>
          )}
          {!target && canWrite && (
            <Button size="small" icon={<AimOutlined />} onClick={() => setOpen('target')}>
              列为重点培养对象
            </Button>
          )}
        </Flex>
      </Flex>
    );

  return (
    <Card size="small" title="优秀分子与重点培养" data-testid="person-talent">
      {body}
      {open === 'talent' && <FlagTalentModal personId={personId} personName={personName} onClose={() => setOpen(null)} />}
      {open === 'target' && <AddTargetModal personId={personId} personName={personName} onClose={() => setOpen(null)} />}
    </Card>
  );
}
