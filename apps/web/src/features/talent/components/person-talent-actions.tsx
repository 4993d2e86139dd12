import { AimOutlined, StarOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { usePersonTalent } from '../api/get-person-talent';
import { AddTargetModal } from './add-target-modal';
import { FlagTalentModal } from './flag-talent-modal';
import { TargetTags } from './target-tags';
import { WithdrawTalentModal } from './withdraw-talent-modal';

/**
 * On a person's page: whether they are in the outstanding-people database, an active cultivation
 * target, or already an applicant (one request for the person's status), and with people:write the
 * actions that change it.
 */
export function PersonTalentActions({ personId, personName }: { personId: number; personName: string }) {
  const canWrite = useCan('people:write');
  const status = usePersonTalent(personId);
  const [open, setOpen] = useState<'talent' | 'target' | 'withdraw' | null>(null);
  const talent = status.data?.talent ?? null;
  const target = status.data?.target ?? null;
  const applicant = status.data?.applicant ?? null;

  let body;
  if (status.error) body = <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  else if (!status.data) body = <Skeleton active title={false} paragraph={{ rows: 2 }} />;
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
                推荐人 {talent.nominatedBy}
                {talent.flaggedBy ? ` · ${talent.flaggedBy}登记` : ''} · {formatDateTime(talent.flaggedAt)}
              </Typography.Text>
              {canWrite && (
                <Button size="small" type="link" danger onClick={() => setOpen('withdraw')}>
                  移出
                </Button>
              )}
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
        {talent && <Typography.Text style={{ fontSize: 13 }}>理由：{talent.reason}</Typography.Text>}
        <Flex wrap gap={8} align="center" data-testid="person-target-status">
          <Typography.Text type="secondary">重点培养对象：</Typography.Text>
          {target ? (
            <>
              <Tag color="blue">跟踪中</Tag>
              <TargetTags reserveCadre={target.reserveCadre} outboundYouth={target.outboundYouth} overdueDays={target.overdueDays} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {target.ownerName} 每 {target.cadenceDays} 天联系一次，{target.overdue ? `应于 ${target.nextDueOn} 联系` : `下次 ${target.nextDueOn}`}
              </Typography.Text>
              <Link to={`/targets/${target.id}`}>联系记录</Link>
            </>
          ) : (
            <Typography.Text type="secondary">{applicant ? '已结束跟踪' : '未列入'}</Typography.Text>
          )}
          {!target && !applicant && canWrite && (
            <Button size="small" icon={<AimOutlined />} onClick={() => setOpen('target')}>
              列为重点培养对象
            </Button>
          )}
        </Flex>
        {applicant && (
          <Flex wrap gap={8} align="center" data-testid="person-applicant-status">
            <Typography.Text type="secondary">入党申请：</Typography.Text>
            <Tag color="green">已递交</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {applicant.appliedOn} 递交，已转入发展党员流程
            </Typography.Text>
            <Link to={`/targets/${applicant.targetId}`}>培养记录</Link>
          </Flex>
        )}
      </Flex>
    );

  return (
    <Card size="small" title="优秀分子与重点培养" data-testid="person-talent">
      {body}
      {open === 'talent' && <FlagTalentModal personId={personId} personName={personName} onClose={() => setOpen(null)} />}
      {open === 'target' && <AddTargetModal personId={personId} personName={personName} onClose={() => setOpen(null)} />}
      {open === 'withdraw' && talent && <WithdrawTalentModal entry={{ id: talent.id, name: personName }} onClose={() => setOpen(null)} />}
    </Card>
  );
}
