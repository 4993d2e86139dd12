import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Grid, Row, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { formatCount } from '../../../lib/format';
import { useCan } from '../../../lib/authorization';
import { OrgPicker } from '../../orgs/components/org-picker';
import { letterDocxUrl, type Notice, noticeDocxUrl, type NoticeStage, type OpinionRequest, stageOptions } from '../api/get-dossier-papers';
import { type NoticeFilter, noticesExportUrl, type RegisterNotice, useNotices } from '../api/get-notices';
import { type OpinionRequestItem, useOpinionRequests } from '../api/get-opinion-requests';
import { RequestStatusTag } from './dossier-papers';
import { AnswerModal } from './request-modals';

const statusOptions: { value: Notice['status']; label: string }[] = [
  { value: 'upcoming', label: '未开始' },
  { value: 'running', label: '公示中' },
  { value: 'ended', label: '已结束' },
  { value: 'cancelled', label: '已撤销' },
];
const statusColors: Record<Notice['status'], string> = { upcoming: 'blue', running: 'processing', ended: 'green', cancelled: 'default' };

function objectionsText(n: RegisterNotice) {
  if (n.objectionCount === 0) return '无';
  return n.unresolvedCount > 0 ? <Tag color="red">{n.objectionCount} 件（{n.unresolvedCount} 件未处理）</Tag> : `${n.objectionCount} 件，已处理`;
}

function Register() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const filter: NoticeFilter = {
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    stage: (params.get('stage') as NoticeStage | null) ?? undefined,
    status: (params.get('status') as Notice['status'] | null) ?? undefined,
    orgId: params.get('orgId') ? Number(params.get('orgId')) : undefined,
  };
  const notices = useNotices(filter);
  const set = (entries: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(entries)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const items = notices.data?.items;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <DatePicker.RangePicker
          value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
          onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          inputReadOnly
          placeholder={['公示期自', '至']}
          style={{ width: screens.md ? 260 : '100%' }}
        />
        <Select allowClear placeholder="公示环节" style={{ width: screens.md ? 160 : '48%' }} value={filter.stage} onChange={(v) => set({ stage: v })} options={stageOptions} aria-label="公示环节" />
        <Select allowClear placeholder="状态" style={{ width: screens.md ? 120 : '48%' }} value={filter.status} onChange={(v) => set({ status: v })} options={statusOptions} aria-label="状态" />
        <div style={{ width: screens.md ? 280 : '100%' }}>
          <OrgPicker value={filter.orgId ?? null} onChange={(id) => set({ orgId: id ? String(id) : undefined })} placeholder="办理党组织" />
        </div>
        <Button icon={<DownloadOutlined />} href={noticesExportUrl(filter)} data-testid="notices-export">导出 Excel</Button>
      </Flex>
      {notices.isError ? (
        <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card><Empty description="没有符合条件的公示：在发展党员档案页“公示”中登记" /></Card>
      ) : screens.md ? (
        <Table<RegisterNotice>
          rowKey="id"
          size="small"
          dataSource={items}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${formatCount(t)} 条` }}
          data-testid="notices-table"
          scroll={{ x: 1000 }}
          columns={[
            { title: '公示对象', dataIndex: 'personName', render: (v: string, n) => <Link to={`/dossiers/${n.dossierId}`}>{v}</Link> },
            { title: '办理党组织', dataIndex: 'orgName', ellipsis: true },
            { title: '环节', dataIndex: 'stageLabel' },
            { title: '地点', render: (_, n) => `${n.placeLabel} · ${n.location}` },
            { title: '公示期', render: (_, n) => `${n.startOn} 至 ${n.endOn}（${n.workingDays}个工作日）` },
            { title: '异议', render: (_, n) => objectionsText(n) },
            { title: '状态', dataIndex: 'status', render: (_, n) => <Tag color={statusColors[n.status]}>{n.statusLabel}</Tag> },
            { title: '', render: (_, n) => <a href={noticeDocxUrl(n.id)}>下载</a> },
          ]}
        />
      ) : (
        <Row gutter={[8, 8]} data-testid="notices-cards">
          {items.map((n) => (
            <Col key={n.id} span={24}>
              <Card size="small" title={<Link to={`/dossiers/${n.dossierId}`}>{n.personName}</Link>} extra={<Tag color={statusColors[n.status]}>{n.statusLabel}</Tag>}>
                <Flex vertical gap={4}>
                  <Typography.Text>{n.stageLabel} · {n.placeLabel}</Typography.Text>
                  <Typography.Text>{n.startOn} 至 {n.endOn}（{n.workingDays}个工作日）</Typography.Text>
                  <Typography.Text type="secondary">{n.orgName} · {n.location}</Typography.Text>
                  <span>异议：{objectionsText(n)}</span>
                  <a href={noticeDocxUrl(n.id)}>下载公示</a>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}

function OpenLetters() {
  const canWrite = useCan('dossiers:write');
  const letters = useOpinionRequests(true);
  const [answering, setAnswering] = useState<OpinionRequest | null>(null);
  if (letters.isError) return <QueryError error={letters.error} onRetry={() => void letters.refetch()} />;
  if (!letters.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const items = letters.data.items;
  if (items.length === 0) return <Card><Empty description="没有待回复的征求意见函" /></Card>;
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">共 {formatCount(items.length)} 件待回复{overdue ? `，其中逾期 ${formatCount(overdue)} 件` : ''}，按回复期限排列。</Typography.Text>
      <Row gutter={[12, 12]} data-testid="open-letters">
        {items.map((r: OpinionRequestItem) => (
          <Col key={r.id} xs={24} md={12} xxl={8}>
            <Card size="small" style={{ height: '100%', borderColor: r.overdue ? '#ffa39e' : undefined }} title={<Link to={`/dossiers/${r.dossierId}`}>{r.personName}</Link>} extra={<RequestStatusTag request={r} />}>
              <Flex vertical gap={4}>
                <Typography.Text>{r.letterNo} · {r.stageLabel} · {r.placeLabel}</Typography.Text>
                <Typography.Text>{r.orgName} 致 {r.toName}</Typography.Text>
                <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>{r.sentOn} 发出，应于 {r.replyBy} 前回复</Typography.Text>
                <Flex wrap gap={8}>
                  <Button size="small" icon={<DownloadOutlined />} href={letterDocxUrl(r.id)}>下载函件</Button>
                  {canWrite && <Button size="small" onClick={() => setAnswering(r)}>登记回执</Button>}
                </Flex>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      {answering && <AnswerModal request={answering} onClose={() => setAnswering(null)} />}
    </Flex>
  );
}

/** 公示登记簿 and the letters still unanswered (待回复的征求意见函), in the user's scope. */
export function NoticesPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'letters' ? 'letters' : 'register';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        公示与征求意见函
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'letters') next.set('tab', 'letters');
          else next.delete('tab');
          setParams(next);
        }}
        items={[
          { key: 'register', label: '公示登记簿', children: <Register /> },
          { key: 'letters', label: '待回复的征求意见函', children: <OpenLetters /> },
        ]}
      />
    </Flex>
  );
}
