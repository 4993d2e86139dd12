import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { aspectLabels, type Aspects, letterDocxUrl, type Notice, noticeDocxUrl, type Objection, type OpinionRequest, useDossierPapers } from '../api/get-dossier-papers';
import { CancelPaperModal, NoticeFormModal, ObjectionModal, ResolveModal } from './notice-modals';
import { AnswerModal, RequestFormModal } from './request-modals';

/** Rows separated by a hairline, as a list would show them. */
const row = (i: number) => ({ padding: '10px 0', borderTop: i ? '1px solid rgba(5, 5, 5, 0.06)' : undefined });

const noticeColors: Record<Notice['status'], string> = { upcoming: 'blue', running: 'processing', ended: 'green', cancelled: 'default' };

export function RequestStatusTag({ request }: { request: OpinionRequest }) {
  if (request.cancelledAt) return <Tag>已撤销</Tag>;
  if (request.answeredOn) return <Tag color="green">{request.answeredOn} 已回复</Tag>;
  if (request.overdue) return <Tag color="red">逾期未回复</Tag>;
  return <Tag color="orange">待回复</Tag>;
}

function ObjectionLine({ objection }: { objection: Objection }) {
  const state = objection.resolvedOn === null ? <Tag color="red">未处理</Tag> : objection.upheld ? <Tag color="red">{objection.resolvedOn} 处理：成立</Tag> : <Tag color="green">{objection.resolvedOn} 处理：不成立</Tag>;
  return (
    <Flex vertical gap={2}>
      <Typography.Text>
        {objection.receivedOn} 收到：{objection.summary} {state}
      </Typography.Text>
      {objection.resolution && <Typography.Text type="secondary" style={{ fontSize: 12 }}>核实处理：{objection.resolution}</Typography.Text>}
    </Flex>
  );
}

type Dialog =
  | { kind: 'notice' } | { kind: 'request' } | { kind: 'objection'; notice: Notice } | { kind: 'resolve'; notice: Notice; objection: Objection }
  | { kind: 'cancel'; paper: 'notice' | 'letter'; id: number; version: number } | { kind: 'answer'; request: OpinionRequest };

/**
 * 公示 and 征求意见函 on the dossier page: notices with their end date in working days, objections and
 * their handling, letters to the other place with their answers; unanswered and overdue letters marked.
 */
export function DossierPapers({ dossierId, canWrite }: { dossierId: number; canWrite: boolean }) {
  const papers = useDossierPapers(dossierId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  if (papers.isError) return <QueryError error={papers.error} onRetry={() => void papers.refetch()} />;
  if (!papers.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const { notices, requests } = papers.data;
  const open = requests.filter((r) => !r.answeredOn && !r.cancelledAt);

  return (
    <Flex vertical gap={12} data-testid="dossier-papers">
      <Card
        size="small"
        title="公示"
        extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'notice' })}>登记公示</Button>}
      >
        {notices.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有公示记录" />
        ) : (
          <Flex vertical data-testid="notice-list">
            {notices.map((n, i) => (
              <div key={n.id} style={{ ...row(i), opacity: n.cancelledAt ? 0.6 : 1 }}>
                <Flex vertical gap={6}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{n.stageLabel}</Typography.Text>
                    <Tag>{n.placeLabel}</Tag>
                    <Tag color={noticeColors[n.status]}>{n.statusLabel}</Tag>
                  </Flex>
                  <Typography.Text>
                    {n.startOn} 至 {n.endOn}（{n.workingDays} 个工作日） · {n.location}
                  </Typography.Text>
                  {n.cancelReason && <Typography.Text type="secondary">撤销原因：{n.cancelReason}</Typography.Text>}
                  {n.objections.map((o) => (
                    <Flex key={o.id} wrap gap={8} align="center" justify="space-between">
                      <ObjectionLine objection={o} />
                      {canWrite && !n.cancelledAt && o.resolvedOn === null && <Button size="small" onClick={() => setDialog({ kind: 'resolve', notice: n, objection: o })}>处理</Button>}
                    </Flex>
                  ))}
                  <Flex wrap gap={8}>
                    <Button size="small" icon={<DownloadOutlined />} href={noticeDocxUrl(n.id)}>下载公示</Button>
                    {canWrite && !n.cancelledAt && <Button size="small" onClick={() => setDialog({ kind: 'objection', notice: n })}>登记异议</Button>}
                    {canWrite && !n.cancelledAt && <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', paper: 'notice', id: n.id, version: n.version })}>撤销</Button>}
                  </Flex>
                </Flex>
              </div>
            ))}
          </Flex>
        )}
      </Card>

      <Card
        size="small"
        title={<span>征求意见函{open.length > 0 && <Tag color={open.some((r) => r.overdue) ? 'red' : 'orange'} style={{ marginInlineStart: 8 }}>{open.length} 件待回复</Tag>}</span>}
        extra={canWrite && <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'request' })}>发征求意见函</Button>}
      >
        {requests.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有发出征求意见函" />
        ) : (
          <Flex vertical data-testid="request-list">
            {requests.map((r, i) => (
              <div key={r.id} style={{ ...row(i), opacity: r.cancelledAt ? 0.6 : 1 }}>
                <Flex vertical gap={6}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{r.letterNo}</Typography.Text>
                    <Tag>{r.stageLabel}</Tag>
                    <Tag>{r.placeLabel}</Tag>
                    <RequestStatusTag request={r} />
                  </Flex>
                  <Typography.Text>
                    致 {r.toName} · {r.sentOn} 发出 · {r.replyBy} 前回复
                  </Typography.Text>
                  {r.aspects && (
                    <Flex wrap gap={4}>
                      {(Object.keys(aspectLabels) as (keyof Aspects)[]).map((k) => (
                        <Tag key={k} color={r.aspects![k] === 'pass' ? 'green' : 'red'}>{aspectLabels[k]}：{r.aspects![k] === 'pass' ? '合格' : '不合格'}</Tag>
                      ))}
                    </Flex>
                  )}
                  {r.answerNote && <Typography.Text type="secondary">其他意见：{r.answerNote}</Typography.Text>}
                  {r.cancelReason && <Typography.Text type="secondary">撤销原因：{r.cancelReason}</Typography.Text>}
                  <Flex wrap gap={8}>
                    <Button size="small" icon={<DownloadOutlined />} href={letterDocxUrl(r.id)}>下载函件</Button>
                    {canWrite && !r.cancelledAt && <Button size="small" onClick={() => setDialog({ kind: 'answer', request: r })}>{r.answeredOn ? '更正回执' : '登记回执'}</Button>}
                    {canWrite && !r.cancelledAt && !r.answeredOn && <Button size="small" danger onClick={() => setDialog({ kind: 'cancel', paper: 'letter', id: r.id, version: r.version })}>撤销</Button>}
                  </Flex>
                </Flex>
              </div>
            ))}
          </Flex>
        )}
      </Card>

      {dialog?.kind === 'notice' && <NoticeFormModal dossierId={dossierId} onClose={close} />}
      {dialog?.kind === 'request' && <RequestFormModal dossierId={dossierId} onClose={close} />}
      {dialog?.kind === 'objection' && <ObjectionModal notice={dialog.notice} onClose={close} />}
      {dialog?.kind === 'resolve' && <ResolveModal notice={dialog.notice} objection={dialog.objection} onClose={close} />}
      {dialog?.kind === 'cancel' && <CancelPaperModal kind={dialog.paper} id={dialog.id} version={dialog.version} onClose={close} />}
      {dialog?.kind === 'answer' && <AnswerModal request={dialog.request} onClose={close} />}
    </Flex>
  );
}
