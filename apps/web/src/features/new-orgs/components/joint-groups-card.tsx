import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useJointGroups } from '../api/get-joint-groups';
import { setUpOrgLink } from '../new-org-labels';

/** 建议联合组建: blank spots of one township and trade whose party members together could form a joint branch. */
export function JointGroupsCard({ within, onOpen }: { within: string | undefined; onOpen: (id: number) => void }) {
  const groups = useJointGroups(within);
  const canWrite = useCan('orgs:write');
  return (
    <Card size="small" title="建议联合组建" data-testid="joint-groups" extra={<Typography.Text type="secondary">同一乡镇（街道）、同一行业，2个以上空白点，党员合计3名以上</Typography.Text>}>
      {groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : !groups.data ? (
        <Skeleton active />
      ) : groups.data.items.length === 0 ? (
        <Empty description="暂无适合联合组建的空白点" />
      ) : (
        <Collapse
          size="small"
          items={groups.data.items.slice(0, 50).map((g) => ({
            key: g.key,
            label: (
              <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
                <span>
                  <Typography.Text strong>{g.townshipName}</Typography.Text> · {g.industryLabel}
                </span>
                <span>
                  <Tag color="red">{`${g.unitCount} 个单位`}</Tag>
                  <Tag color="orange">{`党员 ${g.partyMembers} 名`}</Tag>
                </span>
              </Flex>
            ),
            children: (
              <Flex vertical gap={8}>
                {g.units.map((u) => (
                  <Flex key={u.id} justify="space-between" gap={8}>
                    <Typography.Link onClick={() => onOpen(u.id)}>{u.name}</Typography.Link>
                    <Typography.Text type="secondary">{`从业 ${u.employees} 人，党员 ${u.partyMembers} 人`}</Typography.Text>
                  </Flex>
                ))}
                {canWrite && (
                  <Link to={setUpOrgLink({ formation: 'joint', newOrgIds: g.units.map((u) => u.id), hostKind: g.hostKind, divisionCode: g.townshipCode })}>
                    <Button type="primary" size="small" icon={<ApartmentOutlined />}>联合组建党组织</Button>
                  </Link>
                )}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
