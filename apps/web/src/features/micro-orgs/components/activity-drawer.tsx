import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Flex, Grid, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { type Participant, useActivity } from '../api/get-activity';
import { useFlagParticipant } from '../api/flag-participant';
import { ActivityFormModal } from './activity-form-modal';

/** 标记为优秀分子 for one participant: one confirmation, the reason worded from the activity. */
function FlagButton({ activityId, participant }: { activityId: number; participant: Participant }) {
  const { message } = App.useApp();
  const flag = useFlagParticipant();
  if (participant.talentEntryId) {
    return (
      <Tag color="red" icon={<StarOutlined />} style={{ marginInlineEnd: 0 }} data-testid="already-talent">
        已是优秀分子{participant.talentFoundVia === 'microOrg' ? '（微组织发现）' : ''}
      </Tag>
    );
  }
  return (
    <Popconfirm
      title={`把${participant.name}列为优秀分子？`}
      description="理由：在本次活动中表现突出；发现途径：微组织活动。列入后可在“优秀分子”中查看、跟踪。"
      okText="列入"
      cancelText="取消"
      onConfirm={() =>
        flag.mutateAsync({ activityId, personId: participant.personId }).then(
          () => void message.success(`已将${participant.name}列为优秀分子`),
          (e: unknown) => void message.error(errorMessage(e)),
        )
      }
    >
      <Button size="small" type="primary" ghost icon={<StarOutlined />} loading={flag.isPending} data-testid="flag-talent">
        标记为优秀分子
      </Button>
    </Popconfirm>
  );
}

/** One activity: what it was, who took part, and the one-step flag for each participant. */
export function ActivityDrawer({ activityId, reached = [], foundedOn = null, onClose }: { activityId: number; reached?: { id: number; name: string }[]; foundedOn?: string | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const canWrite = useCan('people:write');
  const activity = useActivity(activityId);
  const [editing, setEditing] = useState(false);
  const a = activity.data;

  return (
    <Drawer open onClose={onClose} title={a ? `${a.heldOn} ${a.title}` : '活动'} size={screens.md ? 560 : '100%'} data-testid="activity-drawer"
      extra={a && canWrite && !a.microOrgDissolved ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button> : null}
    >
      {activity.isError ? (
        <QueryError error={activity.error} onRetry={() => void activity.refetch()} />
      ) : !a ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="微组织">{a.microOrgName}</Descriptions.Item>
            <Descriptions.Item label="活动类型">{a.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="服务人数">{a.peopleServed}</Descriptions.Item>
            <Descriptions.Item label="解决问题">{a.problemsSolved}</Descriptions.Item>
            {a.note ? <Descriptions.Item label="备注">{a.note}</Descriptions.Item> : null}
            <Descriptions.Item label="登记">{[a.recordedBy, formatDateTime(a.recordedAt)].filter(Boolean).join(' · ')}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            参加人员（{a.participants.length + a.hiddenParticipants} 人）
          </Typography.Title>
          {a.participants.length === 0 ? (
            <Empty description="没有登记台帐中的参加人员" />
          ) : (
            <Flex vertical gap={8} data-testid="participants">
              {a.participants.map((p) => (
                <Flex key={p.personId} justify="space-between" align="center" gap={8} wrap style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
                  <Flex vertical>
                    <Link to={`/people/${p.personId}`}>{p.name}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[p.divisionName, p.employer].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Flex>
                  {canWrite ? <FlagButton activityId={a.id} participant={p} /> : p.talentEntryId ? <Tag color="red">已是优秀分子</Tag> : null}
                </Flex>
              ))}
            </Flex>
          )}
          {a.hiddenParticipants > 0 && <Typography.Text type="secondary">另有 {a.hiddenParticipants} 人不在您的管辖范围内，未列出。</Typography.Text>}
        </Flex>
      )}
      {editing && a && <ActivityFormModal microOrg={{ id: a.microOrgId, name: a.microOrgName, foundedOn }} reached={reached} activity={a} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}
