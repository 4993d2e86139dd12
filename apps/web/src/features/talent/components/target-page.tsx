import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Result, Row, Skeleton, Tag, Timeline, Typography, type TimelineItemProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { usePerson } from '../../ledger/api/get-person';
import { useTarget, type TargetDetail, type TargetStatus } from '../api/talent-api';
import { ContactForm } from './contact-form';
import { ApplyModal, CloseModal } from './target-modals';
import { TargetTags } from './target-tags';
import { PersonDossier } from '../../pipeline/components/person-dossier';

const statusTags: Record<TargetStatus, { color: string; label: string }> = {
  active: { color: 'blue', label: '跟踪中' },
  applied: { color: 'green', label: '已递交入党申请' },
  closed: { color: 'default', label: '已结束跟踪' },
};

/** A timeline entry's date above what happened: left-aligned, so the text keeps the width on a phone. */
function Dated({ on, children }: { on: string | null; children: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      {on && <Typography.Text strong>{on}</Typography.Text>}
      {children}
    </Flex>
  );
}

/** The contact log as a timeline, newest first, between the outcome (if any) and the start. */
function contactTimeline(target: TargetDetail): TimelineItemProps[] {
  const items: TimelineItemProps[] = [];
  if (target.status === 'applied') items.push({ key: 'applied', color: 'green', content: <Dated on={target.appliedOn}><Typography.Text strong>递交入党申请，转入发展党员流程</Typography.Text></Dated> });
  if (target.status === 'closed') items.push({ key: 'closed', color: 'gray', content: <Dated on={null}><Typography.Text>结束跟踪，原因：{target.closedReason}</Typography.Text></Dated> });
  for (const c of target.contacts) {
    items.push({
      key: c.id,
      color: 'blue',
      content: (
        <Flex vertical gap={2} data-testid="contact-entry">
          <Flex gap={6} wrap align="center">
            <Typography.Text strong>{c.contactedOn}</Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>{c.channelLabel}</Tag>
            {c.recordedBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.recordedBy} 记录
              </Typography.Text>
            )}
          </Flex>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Typography.Text>
        </Flex>
      ),
    });
  }
  items.push({ key: 'start', color: 'gray', content: <Dated on={target.startedOn}><Typography.Text type="secondary">列为重点培养对象</Typography.Text></Dated> });
  return items;
}

export function TargetPage() {
  const { id } = useParams();
  return <TargetView key={id} targetId={Number(id)} />;
}

function TargetView({ targetId }: { targetId: number }) {
  const target = useTarget(targetId);
  const person = usePerson(target.data?.personId ?? 0);
  const canWrite = useCan('people:write');
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState<'apply' | 'close' | null>(null);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => void (location.key === 'default' ? navigate('/targets') : navigate(-1))}>
      返回
    </Button>
  );

  if (!Number.isInteger(targetId) || targetId <= 0) return <Result status="404" title="重点培养对象不存在" extra={<Link to="/targets">返回名单</Link>} />;
  if (target.isError) {
    const { error } = target;
    return error instanceof ApiError && (error.status === 404 || error.status === 403) ? (
      <Result status={error.status === 403 ? '403' : '404'} title={error.message} extra={<Link to="/targets">返回名单</Link>} />
    ) : (
      <QueryError error={error} onRetry={() => void target.refetch()} />
    );
  }
  if (!target.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const t = target.data;
  const name = person.data?.name ?? `第 ${t.personId} 号人员`;
  const status = statusTags[t.status];
  const active = t.status === 'active';

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Flex align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          <Link to={`/people/${t.personId}`} style={{ color: 'inherit' }}>
            {name}
          </Link>
        </Typography.Title>
        <Tag color={status.color} data-testid="target-status">
          {status.label}
        </Tag>
        <TargetTags reserveCadre={t.reserveCadre} outboundYouth={t.outboundYouth} overdueDays={active ? t.overdueDays : undefined} />
      </Flex>
      {t.status === 'applied' && <Alert type="success" showIcon title={`${t.appliedOn} 已递交入党申请，培养跟踪结束，转入发展党员流程。`} />}
      {t.status === 'closed' && <Alert type="info" showIcon title={`已结束跟踪：${t.closedReason ?? ''}`} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title="跟踪安排">
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'owner', label: '跟踪联系人', children: t.ownerName ?? '—' },
                  { key: 'cadence', label: '联系周期', children: `每 ${t.cadenceDays} 天至少一次` },
                  { key: 'start', label: '列入日期', children: t.startedOn },
                  ...(active
                    ? [{ key: 'due', label: '下次联系', children: t.overdueDays > 0 ? <Typography.Text type="danger">应于 {t.nextDueOn} 前，已逾期 {t.overdueDays} 天</Typography.Text> : `${t.nextDueOn ?? '—'} 前` }]
                    : []),
                ]}
              />
              {active && canWrite && (
                <Flex gap={8} wrap style={{ marginTop: 8 }}>
                  <Button type="primary" onClick={() => setOpen('apply')}>
                    递交入党申请
                  </Button>
                  <Button danger onClick={() => setOpen('close')}>
                    结束跟踪
                  </Button>
                </Flex>
              )}
            </Card>
            <PersonDossier personId={t.personId} personName={name} />
            {active && canWrite && (
              <Card size="small" title="记录一次联系">
                <ContactForm target={t} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={`联系记录（${t.contacts.length} 次）`} data-testid="contact-timeline">
            {t.contacts.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有联系记录" style={{ marginBottom: 16 }} />}
            <Timeline items={contactTimeline(t)} />
          </Card>
        </Col>
      </Row>
      {open === 'apply' && <ApplyModal target={t} personName={name} onClose={() => setOpen(null)} />}
      {open === 'close' && <CloseModal target={t} personName={name} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
