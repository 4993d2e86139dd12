import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Grid, List, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { formatDateTime } from '../../../lib/format';
import { useOrg, type OrgDetail, type OrgEvent, type OrgMember, type OrgRef } from '../api/get-org';
import { formationColors, kindColors, statusColors } from '../org-labels';
import { ChangeOrgModal, CoverageModal, DissolveModal, MayDevelopModal, MergeModal } from './org-action-modals';
import { AddMemberModal, ChangeMemberModal, LeaveMemberModal } from './org-member-modals';

type Open = 'change' | 'coverage' | 'mayDevelop' | 'merge' | 'dissolve' | 'addMember' | null;

const eventColors: Record<OrgEvent['kind'], string> = {
  setUp: 'green', changed: 'blue', coverageChanged: 'purple', mayDevelopDecided: 'orange', merged: 'gray', absorbed: 'cyan', dissolved: 'red',
};

function Ref({ org }: { org: OrgRef | null }) {
  if (!org) return <>无</>;
  return org.inScope ? <Link to={`/orgs/${org.id}`}>{org.name}</Link> : <span>{org.name}</span>;
}

function InfoCard({ org }: { org: OrgDetail }) {
  const screens = Grid.useBreakpoint();
  const decision = org.mayDevelopDecision;
  return (
    <Card size="small" title="基本信息" data-testid="org-info">
      <Descriptions size="small" column={screens.md ? 2 : 1}>
        <Descriptions.Item label="类别">{org.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="组织类型">{org.hostKindLabel}</Descriptions.Item>
        <Descriptions.Item label="组建方式">{org.formationLabel}</Descriptions.Item>
        {org.formation === 'attached' && (
          <Descriptions.Item label="挂靠单位">
            <Ref org={org.attachedTo} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="上级党组织">
          <Ref org={org.parent} />
        </Descriptions.Item>
        <Descriptions.Item label="所在区划">{org.divisionName}</Descriptions.Item>
        {org.locatedDivisionName && <Descriptions.Item label="驻在地">{org.locatedDivisionName}</Descriptions.Item>}
        <Descriptions.Item label="审批发展党员">
          {org.approvalPower ? <Tag color="red">有审批权</Tag> : <Typography.Text type="secondary">{org.approvalPowerProblem ? '无（不能设审批权）' : '无'}</Typography.Text>}
        </Descriptions.Item>
        {org.hostKind === 'mobileOrg' && (
          <Descriptions.Item label="发展党员条件">
            {decision ? (
              <span>
                <Tag color={decision.value ? 'green' : 'orange'}>{decision.value ? '具备' : '不具备'}</Tag>
                {decision.decidedBy}于{decision.decidedOn}认定
              </span>
            ) : (
              <Tag>暂未认定</Tag>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="书记">{org.members.secretary?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="党员">
          正式 {org.members.full} 名，预备 {org.members.probationary} 名
        </Descriptions.Item>
        <Descriptions.Item label="成立日期">{org.establishedOn ?? '—'}</Descriptions.Item>
        {org.endedOn && <Descriptions.Item label={org.status === 'merged' ? '合并日期' : '撤销日期'}>{org.endedOn}</Descriptions.Item>}
        {org.mergedInto && (
          <Descriptions.Item label="并入">
            <Ref org={org.mergedInto} />
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function MembersCard({ org, canWrite, onAdd }: { org: OrgDetail; canWrite: boolean; onAdd: () => void }) {
  const screens = Grid.useBreakpoint();
  const [showLeft, setShowLeft] = useState(false);
  const [leaving, setLeaving] = useState<OrgMember | null>(null);
  const [changing, setChanging] = useState<OrgMember | null>(null);
  const rows = org.members.items.filter((m) => showLeft || !m.leftOn);
  const actions = (m: OrgMember): ReactNode =>
    canWrite && !m.leftOn && org.status === 'active' ? (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => setChanging(m)}>
          {m.membership === 'probationary' ? '转正' : '职务'}
        </Button>
        <Button size="small" type="link" danger onClick={() => setLeaving(m)}>
          离开
        </Button>
      </Space>
    ) : null;
  const columns: TableColumnsType<OrgMember> = [
    { title: '姓名', key: 'name', render: (_, m) => (m.personId ? <Link to={`/people/${m.personId}`}>{m.name}</Link> : m.name) },
    { title: '职务', dataIndex: 'roleLabel', key: 'role' },
    { title: '类别', key: 'membership', render: (_, m) => <Tag color={m.membership === 'full' ? 'red' : 'orange'}>{m.membershipLabel}</Tag> },
    { title: '加入日期', dataIndex: 'joinedOn', key: 'joined' },
    { title: '离开', key: 'left', render: (_, m) => (m.leftOn ? `${m.leftOn}（${m.leftReason ?? ''}）` : '') },
    { title: '', key: 'actions', render: (_, m) => actions(m) },
  ];
  return (
    <Card
      size="small"
      title={`党员（${org.members.total} 名）`}
      data-testid="org-members"
      extra={
        <Space size={8}>
          <Checkbox checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)}>
            含已离开
          </Checkbox>
          {canWrite && org.status === 'active' && (
            <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
              登记
            </Button>
          )}
        </Space>
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有登记党员" />
      ) : screens.md ? (
        <Table<OrgMember> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={rows.length > 20 ? { pageSize: 20 } : false} />
      ) : (
        <List
          dataSource={rows}
          renderItem={(m) => (
            <List.Item extra={actions(m)}>
              <Flex vertical gap={2}>
                <span>
                  <Typography.Text strong>{m.name}</Typography.Text> {m.roleLabel} <Tag color={m.membership === 'full' ? 'red' : 'orange'}>{m.membershipLabel}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.joinedOn} 加入{m.leftOn ? `，${m.leftOn} 离开（${m.leftReason ?? ''}）` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {leaving && <LeaveMemberModal org={org} member={leaving} onClose={() => setLeaving(null)} />}
      {changing && <ChangeMemberModal org={org} member={changing} onClose={() => setChanging(null)} />}
    </Card>
  );
}

function CoverageCard({ org, canWrite, onEdit }: { org: OrgDetail; canWrite: boolean; onEdit: () => void }) {
  const current = org.coverage.filter((c) => !c.validTo);
  const ended = org.coverage.filter((c) => c.validTo);
  if (org.hostKind === 'mobileOrg' || org.hostKind === 'microOrg') return null;
  return (
    <Card
      size="small"
      title={`覆盖的非公企业、社会组织（${current.length} 个）`}
      data-testid="org-coverage"
      extra={canWrite && org.status === 'active' ? <Button size="small" onClick={onEdit}>调整</Button> : null}
    >
      {current.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂未覆盖单位" />}
      <List
        size="small"
        dataSource={[...current, ...ended]}
        renderItem={(c) => (
          <List.Item>
            <Flex vertical gap={2} style={{ opacity: c.validTo ? 0.6 : 1 }}>
              <span>
                {c.name} <Tag>{c.kindLabel}</Tag>
                <Tag color={formationColors[c.formation]}>{c.formationLabel}</Tag>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.uscc} · {c.validFrom} 起{c.validTo ? `，${c.validTo} 结束` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function HistoryCard({ org }: { org: OrgDetail }) {
  return (
    <Card size="small" title="历史沿革" data-testid="org-history">
      <Timeline
        items={org.events.map((e) => ({
          key: e.id,
          color: eventColors[e.kind],
          content: (
            <Flex vertical gap={2}>
              <span>
                <Typography.Text strong>{e.occurredOn}</Typography.Text> <Tag style={{ marginInlineEnd: 0 }}>{e.kindLabel}</Tag>
              </span>
              <Typography.Text>{e.summary}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.recordedBy ?? '系统'} 于 {formatDateTime(e.recordedAt)} 记录
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

/** 党组织详情: info, members, covered units, sub-organizations and the dated history; every action is a modal that sends the version read. */
export function OrgPage() {
  const id = Number(useParams().id);
  const org = useOrg(id);
  const canWrite = useCan('orgs:write');
  const [open, setOpen] = useState<Open>(null);

  if (org.isError) {
    if (org.error instanceof ApiError && (org.error.status === 404 || org.error.status === 403)) {
      return <Result status={org.error.status === 404 ? '404' : '403'} title={org.error.message} extra={<Link to="/orgs">返回党组织</Link>} />;
    }
    return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  }
  if (!org.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const o = org.data;
  const active = o.status === 'active';
  const children = o.children;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8} wrap>
          <Link to="/orgs">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回党组织" />
          </Link>
          <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }} data-testid="org-name">
            {o.name}
          </Typography.Title>
          <Tag color={kindColors[o.kind]}>{o.kindLabel}</Tag>
          <Tag color={formationColors[o.formation]}>{o.formationLabel}</Tag>
          <Tag color={statusColors[o.status]}>{o.statusLabel}</Tag>
        </Flex>
        {canWrite && active && (
          <Space wrap size={8}>
            <Button type="primary" onClick={() => setOpen('change')}>
              变更
            </Button>
            {o.hostKind !== 'mobileOrg' && o.hostKind !== 'microOrg' && <Button onClick={() => setOpen('coverage')}>调整覆盖单位</Button>}
            {o.hostKind === 'mobileOrg' && <Button onClick={() => setOpen('mayDevelop')}>认定发展党员条件</Button>}
            {o.kind !== 'branch' && (
              <Link to={`/orgs/new?parentId=${o.id}&divisionCode=${o.divisionCode}`}>
                <Button icon={<PlusOutlined />}>新建下级</Button>
              </Link>
            )}
            <Button onClick={() => setOpen('merge')}>合并</Button>
            <Button danger onClick={() => setOpen('dissolve')}>
              撤销
            </Button>
          </Space>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <InfoCard org={o} />
            <MembersCard org={o} canWrite={canWrite} onAdd={() => setOpen('addMember')} />
            <CoverageCard org={o} canWrite={canWrite} onEdit={() => setOpen('coverage')} />
            {children.length > 0 && (
              <Card size="small" title={`下级党组织（${children.filter((c) => c.status === 'active').length} 个）`}>
                <List
                  size="small"
                  dataSource={children}
                  renderItem={(c) => (
                    <List.Item>
                      <span style={{ opacity: c.status === 'active' ? 1 : 0.6 }}>
                        <Tag color={kindColors[c.kind]}>{c.kindLabel}</Tag>
                        <Link to={`/orgs/${c.id}`}>{c.name}</Link>
                        {c.status !== 'active' && <Tag style={{ marginInlineStart: 6 }}>{c.status === 'merged' ? '已合并' : '已撤销'}</Tag>}
                      </span>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <HistoryCard org={o} />
        </Col>
      </Row>
      {open === 'change' && <ChangeOrgModal org={o} onClose={() => setOpen(null)} />}
      {open === 'coverage' && <CoverageModal org={o} onClose={() => setOpen(null)} />}
      {open === 'mayDevelop' && <MayDevelopModal org={o} onClose={() => setOpen(null)} />}
      {open === 'merge' && <MergeModal org={o} onClose={() => setOpen(null)} />}
      {open === 'dissolve' && <DissolveModal org={o} onClose={() => setOpen(null)} />}
      {open === 'addMember' && <AddMemberModal org={o} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
