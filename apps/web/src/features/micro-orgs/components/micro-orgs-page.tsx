import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type MicroOrgKind } from '@xinxue/domain';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { activitiesExportUrl, type ActivityRow, useActivities } from '../api/get-activities';
import { type MicroOrgSummary, useMicroOrgs } from '../api/get-micro-orgs';
import { ActivityDrawer } from './activity-drawer';
import { ActivityRegister } from './activity-register';
import { MicroOrgFormModal, microOrgKindOptions } from './micro-org-form-modal';
import { StatsCard } from './stats-card';

function MicroOrgCard({ org }: { org: MicroOrgSummary }) {
  return (
    <Card
      size="small"
      title={<Link to={`/micro-orgs/${org.id}`}>{org.name}</Link>}
      extra={<Tag color={org.status === 'active' ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>{org.status === 'active' ? org.kindLabel : '已解散'}</Tag>}
      style={{ height: '100%' }}
      data-testid="micro-org-card"
    >
      <Flex vertical gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {org.divisionName}
          {org.guideOrg ? ` · ${org.guideOrg.name}指导` : ''} · {org.foundedOn} 成立
        </Typography.Text>
        <Typography.Text>
          骨干党员 {org.backbones} 人 · 联系服务 {org.reach} 人 · 活动 {org.activities} 次
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          累计服务 {org.peopleServed} 人次，解决问题 {org.problemsSolved} 个{org.lastActivityOn ? `，最近活动 ${org.lastActivityOn}` : '，尚无活动'}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 微组织: the groups in scope, their statistics and the activity register. */
export function MicroOrgsPage() {
  const canCreate = useCan('orgs:write');
  const navigate = useNavigate();
  const [view, setView] = useState<'orgs' | 'register'>('orgs');
  const [kind, setKind] = useState<MicroOrgKind | ''>('');
  const [status, setStatus] = useState<'active' | 'dissolved' | 'all'>('active');
  const orgs = useMicroOrgs({ kind: kind || undefined, status });
  const register = useActivities({});
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<ActivityRow | null>(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          微组织
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={activitiesExportUrl({})} data-testid="activities-export">
            导出活动台账
          </Button>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建微组织
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Text type="secondary">以兴趣相投、行业相近、地域相邻凝聚身边党员，由骨干党员带动，为流动人员解决困难，在服务中发现优秀分子。</Typography.Text>
      <StatsCard title="近一年活动情况" />
      <Segmented<'orgs' | 'register'> value={view} onChange={setView} options={[{ value: 'orgs', label: '微组织' }, { value: 'register', label: '活动台账' }]} />
      {view === 'orgs' ? (
        <>
          <Flex gap={8} wrap>
            <Select<MicroOrgKind | ''> aria-label="按类型筛选" value={kind} onChange={setKind} options={[{ value: '', label: '全部类型' }, ...microOrgKindOptions]} style={{ minWidth: 140 }} />
            <Select aria-label="按状态筛选" value={status} onChange={setStatus} options={[{ value: 'active', label: '在册' }, { value: 'dissolved', label: '已解散' }, { value: 'all', label: '全部' }]} style={{ minWidth: 120 }} />
          </Flex>
          {orgs.isError ? (
            <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
          ) : !orgs.data ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : orgs.data.items.length === 0 ? (
            <Card size="small"><Empty description={canCreate ? '还没有微组织，点“新建微组织”' : '管辖范围内还没有微组织'} /></Card>
          ) : (
            <Row gutter={[12, 12]} data-testid="micro-org-list">
              {orgs.data.items.map((org) => (
                <Col key={org.id} xs={24} md={12} xxl={8}>
                  <MicroOrgCard org={org} />
                </Col>
              ))}
            </Row>
          )}
        </>
      ) : register.isError ? (
        <QueryError error={register.error} onRetry={() => void register.refetch()} />
      ) : !register.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Card size="small">
          <ActivityRegister items={register.data.items} total={register.data.total} showOrg onOpen={setOpen} />
        </Card>
      )}
      {creating && <MicroOrgFormModal onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/micro-orgs/${id}`)} />}
      {open && <ActivityDrawer activityId={open.id} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
