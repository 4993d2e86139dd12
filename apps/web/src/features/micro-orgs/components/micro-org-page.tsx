import { DownloadOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Skeleton, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { useBackboneLeaves } from '../api/backbone-leaves';
import { activitiesExportUrl, type ActivityRow, useActivities } from '../api/get-activities';
import { type Backbone, type MicroOrgDetail, type ReachedPerson, useMicroOrg } from '../api/get-micro-org';
import { useRemoveReach } from '../api/remove-reach';
import { ActivityDrawer } from './activity-drawer';
import { ActivityFormModal } from './activity-form-modal';
import { ActivityRegister } from './activity-register';
import { BackboneModal, DissolveModal, ReachModal } from './member-modals';
import { MicroOrgFormModal } from './micro-org-form-modal';
import { StatsCard } from './stats-card';

function Backbones({ org, canWrite }: { org: MicroOrgDetail; canWrite: boolean }) {
  const { message } = App.useApp();
  const leave = useBackboneLeaves();
  const columns: TableColumnsType<Backbone> = [
    { title: '姓名', dataIndex: 'name', render: (name: string, b) => (b.personId ? <Link to={`/people/${b.personId}`}>{name}</Link> : name) },
    { title: '职责', dataIndex: 'duty', render: (d: string) => d || '—' },
    { title: '加入', dataIndex: 'joinedOn' },
    { title: '退出', dataIndex: 'leftOn', render: (d: string | null) => d ?? <Tag color="green">在任</Tag> },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, b) =>
        canWrite && !b.leftOn && org.status === 'active' ? (
          <Popconfirm title={`${b.name}今天退出？`} okText="退出" cancelText="取消" onConfirm={() => leave.mutateAsync({ microOrgId: org.id, backboneId: b.id, leftOn: dayjs().format('YYYY-MM-DD') }).then(() => void message.success('已记录退出'), (e: unknown) => void message.error(errorMessage(e)))}>
            <Button size="small">退出</Button>
          </Popconfirm>
        ) : null,
    },
  ];
  if (!org.backboneList.length) return <Empty description="还没有骨干党员" />;
  return <Table<Backbone> rowKey="id" size="small" columns={columns} dataSource={org.backboneList} pagination={false} scroll={{ x: 480 }} />;
}

function Reach({ org, canWrite }: { org: MicroOrgDetail; canWrite: boolean }) {
  const { message } = App.useApp();
  const remove = useRemoveReach();
  const columns: TableColumnsType<ReachedPerson> = [
    { title: '姓名', dataIndex: 'name', render: (name: string, p) => <Flex gap={4} wrap><Link to={`/people/${p.personId}`}>{name}</Link>{p.talent && <Tag color="red">优秀分子</Tag>}</Flex> },
    { title: '户籍/居住', dataIndex: 'divisionName' },
    { title: '单位', dataIndex: 'employer', render: (e: string | null) => e ?? '—' },
    { title: '联系起始', dataIndex: 'since' },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p) =>
        canWrite && org.status === 'active' ? (
          <Popconfirm title={`不再联系服务${p.name}？`} okText="确定" cancelText="取消" onConfirm={() => remove.mutateAsync({ microOrgId: org.id, personId: p.personId }).then(() => void message.success('已移出'), (e: unknown) => void message.error(errorMessage(e)))}>
            <Button size="small">移出</Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={8}>
      {org.reachList.length ? <Table<ReachedPerson> rowKey="personId" size="small" columns={columns} dataSource={org.reachList} pagination={org.reachList.length > 20 ? { pageSize: 20 } : false} scroll={{ x: 560 }} /> : <Empty description="还没有联系服务的流动人员" />}
      {org.hiddenReach > 0 && <Typography.Text type="secondary">另有 {org.hiddenReach} 人不在您的管辖范围内，未列出。</Typography.Text>}
    </Flex>
  );
}

/** 微组织详情: what it is, its activities (record one on a phone), backbone members, reached migrants, statistics. */
export function MicroOrgPage() {
  const id = Number(useParams().id);
  const org = useMicroOrg(id);
  const activities = useActivities({ microOrgId: id });
  const canEdit = useCan('orgs:write');
  const canRecord = useCan('people:write');
  const [modal, setModal] = useState<'edit' | 'dissolve' | 'backbone' | 'reach' | 'activity' | null>(null);
  const [open, setOpen] = useState<ActivityRow | null>(null);

  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  if (!org.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const o = org.data;
  const active = o.status === 'active';
  const reached = o.reachList.map((p) => ({ id: p.personId, name: p.name, hint: p.divisionName }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          {o.name} {!active && <Tag>已于 {o.dissolvedOn} 解散</Tag>}
        </Typography.Title>
        <Flex gap={8} wrap>
          {canRecord && active && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('activity')} data-testid="record-activity">
              登记活动
            </Button>
          )}
          {canEdit && active && <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>修改</Button>}
          {canEdit && active && <Button danger icon={<StopOutlined />} onClick={() => setModal('dissolve')}>解散</Button>}
        </Flex>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="类型">{o.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="所在地">{o.divisionName}</Descriptions.Item>
          <Descriptions.Item label="指导党组织">{o.guideOrg?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="成立日期">{o.foundedOn}</Descriptions.Item>
          <Descriptions.Item label="骨干党员">{o.backbones} 人</Descriptions.Item>
          <Descriptions.Item label="联系服务">{o.reach} 人</Descriptions.Item>
          {o.description ? <Descriptions.Item label="简介">{o.description}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'activities',
            label: `活动（${o.activities}）`,
            children: (
              <Flex vertical gap={8}>
                <Flex justify="end">
                  <Button size="small" icon={<DownloadOutlined />} href={activitiesExportUrl({ microOrgId: id })}>导出 Excel</Button>
                </Flex>
                {activities.isError ? <QueryError error={activities.error} /> : !activities.data ? <Skeleton active /> : <ActivityRegister items={activities.data.items} total={activities.data.total} onOpen={setOpen} />}
              </Flex>
            ),
          },
          {
            key: 'backbones',
            label: `骨干党员（${o.backbones}）`,
            children: (
              <Flex vertical gap={8}>
                {canEdit && active && <Flex justify="end"><Button size="small" icon={<PlusOutlined />} onClick={() => setModal('backbone')}>增加骨干党员</Button></Flex>}
                <Backbones org={o} canWrite={canEdit} />
              </Flex>
            ),
          },
          {
            key: 'reach',
            label: `联系服务的流动人员（${o.reach}）`,
            children: (
              <Flex vertical gap={8}>
                {canRecord && active && <Flex justify="end"><Button size="small" icon={<PlusOutlined />} onClick={() => setModal('reach')}>增加人员</Button></Flex>}
                <Reach org={o} canWrite={canRecord} />
              </Flex>
            ),
          },
          { key: 'stats', label: '统计', children: <StatsCard microOrgId={id} title="近一年每月活动" /> },
        ]}
      />
      {modal === 'edit' && <MicroOrgFormModal org={o} onClose={() => setModal(null)} />}
      {modal === 'dissolve' && <DissolveModal org={o} onClose={() => setModal(null)} />}
      {modal === 'backbone' && <BackboneModal org={o} onClose={() => setModal(null)} />}
      {modal === 'reach' && <ReachModal org={o} onClose={() => setModal(null)} />}
      {modal === 'activity' && <ActivityFormModal microOrg={o} reached={reached} onClose={() => setModal(null)} />}
      {open && <ActivityDrawer activityId={open.id} reached={reached} foundedOn={o.foundedOn} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
