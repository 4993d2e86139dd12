import { Card, Checkbox, Col, Empty, Flex, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { useSession } from '../../auth/session-context';
import { useTargets, type TargetFilter, type TargetRow } from '../api/talent-api';
import { TargetTags } from './target-tags';

/** Most overdue first; among those on time, the soonest due first. */
function byUrgency(a: TargetRow, b: TargetRow): number {
  return b.overdueDays - a.overdueDays || a.nextDueOn.localeCompare(b.nextDueOn) || a.id - b.id;
}

function TargetCard({ target }: { target: TargetRow }) {
  const overdue = target.overdueDays > 0;
  return (
    <Card
      size="small"
      data-testid="target-item"
      style={{ height: '100%', borderColor: overdue ? '#ffa39e' : undefined }}
      title={
        <Flex wrap gap={6} align="center">
          <Link to={`/targets/${target.id}`}>{target.name}</Link>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {target.ownerName}跟踪
          </Typography.Text>
        </Flex>
      }
      extra={overdue ? <Tag color="red" style={{ marginInlineEnd: 0 }}>逾期 {target.overdueDays} 天</Tag> : <Tag color="green" style={{ marginInlineEnd: 0 }}>按期</Tag>}
    >
      <Flex vertical gap={6}>
        <Flex wrap gap={4}>
          <TargetTags reserveCadre={target.reserveCadre} outboundYouth={target.outboundYouth} />
          <Tag>每 {target.cadenceDays} 天联系</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          最近联系：{target.lastContactOn ?? '尚未联系'} · 应于 {target.nextDueOn} 前联系 · {target.startedOn} 列入
        </Typography.Text>
        <Link to={`/targets/${target.id}`}>联系记录与办理</Link>
      </Flex>
    </Card>
  );
}

/** 重点培养对象: who is followed up by whom, and who has not been contacted in time. */
export function TargetsPage() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const overdue = params.get('overdue') === 'true';
  const reserveCadre = params.get('reserveCadre') === 'true';
  const outboundYouth = params.get('outboundYouth') === 'true';
  const mine = params.get('mine') === 'true';
  const filter: TargetFilter = {
    overdue: overdue || undefined,
    reserveCadre: reserveCadre || undefined,
    outboundYouth: outboundYouth || undefined,
    ownerId: mine ? user.id : undefined,
  };
  const targets = useTargets(filter);
  const items = useMemo(() => (targets.data ? [...targets.data.items].sort(byUrgency) : undefined), [targets.data]);

  const set = (key: 'overdue' | 'reserveCadre' | 'outboundYouth' | 'mine', on: boolean) => {
    const next = new URLSearchParams(params);
    if (on) next.set(key, 'true');
    else next.delete(key);
    setParams(next);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        重点培养对象
      </Typography.Title>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Segmented<'all' | 'overdue'>
          value={overdue ? 'overdue' : 'all'}
          onChange={(v) => set('overdue', v === 'overdue')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'overdue', label: '逾期未联系' },
          ]}
          data-testid="targets-overdue"
        />
        <Flex wrap gap={12}>
          <Checkbox checked={reserveCadre} onChange={(e) => set('reserveCadre', e.target.checked)}>
            村级后备干部
          </Checkbox>
          <Checkbox checked={outboundYouth} onChange={(e) => set('outboundYouth', e.target.checked)}>
            外出青年
          </Checkbox>
          <Checkbox checked={mine} onChange={(e) => set('mine', e.target.checked)}>
            只看我跟踪的
          </Checkbox>
        </Flex>
      </Flex>
      {targets.isError ? (
        <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={overdue ? '没有逾期未联系的培养对象' : '没有符合条件的重点培养对象：在人员页面点“列为重点培养对象”'} />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">
            共 {formatCount(items.length)} 人{overdue ? '逾期未联系，按逾期天数排列' : `，其中逾期 ${formatCount(items.filter((t) => t.overdueDays > 0).length)} 人`}
          </Typography.Text>
          <Row gutter={[12, 12]} data-testid="targets-list">
            {items.map((target) => (
              <Col key={target.id} xs={24} md={12} xxl={8}>
                <TargetCard target={target} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Flex>
  );
}
