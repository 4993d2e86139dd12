import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type ActionState, type ChecklistItem, type DossierDetail, type DossierEvent, dossiersQueryKey, exportDossier, useDossier } from '../api/dossier';
import { CloseModal, SendBackModal } from './dossier-action-modals';
import { DossierTimeline } from './dossier-timeline';
import { FindingList } from './finding-list';
import { StepFormDrawer } from './step-form/step-form-drawer';
import { dossierStatusView } from '../dossier-labels';
import { DossierPapers } from '../../pipeline-papers/components/dossier-papers';

/** A button that is shown greyed with the server's reason when the action is not allowed now. */
function ActionButton({ state, children, onClick, testId, danger }: { state: ActionState; children: ReactNode; onClick: () => void; testId: string; danger?: boolean }) {
  const button = (
    <Button disabled={!state.allowed} onClick={onClick} data-testid={testId} danger={danger}>
      {children}
    </Button>
  );
  return state.allowed ? button : <Tooltip title={state.reason}>{button}</Tooltip>;
}

type Open = { kind: 'step'; step: number } | { kind: 'sendBack' } | { kind: 'withdraw' } | { kind: 'notRecognized' } | null;

function NextActions({ dossier, onOpen }: { dossier: DossierDetail; onOpen: (o: Open) => void }) {
  const a = dossier.nextActions;
  const { message } = App.useApp();
  return (
    <Card size="small" title="可以办理" data-testid="next-actions">
      <Flex vertical gap={8}>
        {a.readOnlyReason && <Alert type="info" showIcon title={a.readOnlyReason} />}
        <Flex wrap gap={8}>
          {a.recordStep && (
            <Button type="primary" onClick={() => onOpen({ kind: 'step', step: a.recordStep!.step })} data-testid="record-step">
              办理第{a.recordStep.step}步：{a.recordStep.name}
            </Button>
          )}
          {a.repeatStep && (
            <Button onClick={() => onOpen({ kind: 'step', step: a.repeatStep!.step })} data-testid="repeat-step">
              再次办理第{a.repeatStep.step}步：{a.repeatStep.name}
            </Button>
          )}
          <ActionButton state={a.sendBack} onClick={() => onOpen({ kind: 'sendBack' })} testId="send-back">退回</ActionButton>
          <ActionButton state={a.withdraw} onClick={() => onOpen({ kind: 'withdraw' })} testId="withdraw">撤回</ActionButton>
          <ActionButton state={a.notRecognized} onClick={() => onOpen({ kind: 'notRecognized' })} testId="not-recognized" danger>不予承认</ActionButton>
          <Button icon={<DownloadOutlined />} onClick={() => exportDossier(dossier.id).catch((e: unknown) => void message.error(errorMessage(e)))} data-testid="export-dossier">
            导出档案
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

const checklistView: Record<ChecklistItem['status'], { color: string; label: string }> = {
  passed: { color: 'green', label: '符合' },
  failed: { color: 'red', label: '不批' },
  unknown: { color: 'default', label: '尚无记录' },
};

function evidenceValue(v: string | number | boolean | null): string {
  if (v === null) return '无记录';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** 六个不批 as an explicit checklist with the evidence behind each item. */
function SixRefusals({ items }: { items: ChecklistItem[] }) {
  return (
    <Card size="small" title="六个不批" data-testid="six-refusals">
      <Flex vertical gap={10}>
        {items.map((i) => (
          <Flex key={i.item} vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Tag color={checklistView[i.status].color} style={{ marginInlineEnd: 0 }}>{checklistView[i.status].label}</Tag>
              <Typography.Text>{i.item}. {i.text}</Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.evidence.map((e) => `${e.label}：${evidenceValue(e.value)}`).join('；')}
              {i.note ? `（${i.note}）` : ''}
            </Typography.Text>
            <FindingList findings={i.findings} />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

function eventText(e: DossierEvent): string {
  const d = e.detail;
  const parts: string[] = [];
  if (typeof d.reason === 'string') parts.push(`原因：${d.reason}`);
  if (typeof d.decidedBy === 'string') parts.push(`决定机关：${d.decidedBy}`);
  if (typeof d.justification === 'string' && d.justification) parts.push(`继续办理的理由：${d.justification}`);
  if (e.kind === 'refused' && typeof d.message === 'string') parts.push(d.message);
  if (e.kind === 'sentBack' && typeof d.fromStep === 'number') parts.push(`从第${d.fromStep}步退回到第${String(d.toStep)}步`);
  if (e.kind === 'imported') parts.push(d.replaced ? '按导入文件更新' : '由导入文件建立');
  return parts.join('；');
}

const eventColors: Record<string, string> = { refused: 'red', sentBack: 'orange', withdrawn: 'gray', notRecognized: 'red', step: 'green', opened: 'blue', imported: 'blue' };

/** Everything that happened to the dossier, newest first: steps, refusals, justifications, send-backs… */
function EventHistory({ events }: { events: DossierEvent[] }) {
  return (
    <Card size="small" title={`办理历史（${events.length}）`} data-testid="dossier-events">
      <Timeline
        items={[...events].reverse().map((e) => ({
          key: e.id,
          color: eventColors[e.kind] ?? 'gray',
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong={e.kind !== 'step'}>
                {e.kindLabel}{e.step ? `：第${e.step}步` : ''}{e.occurredOn ? `（${e.occurredOn}）` : ''}
              </Typography.Text>
              {eventText(e) && <Typography.Text style={{ fontSize: 13 }}>{eventText(e)}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.recordedBy} · {formatDateTime(e.recordedAt)}</Typography.Text>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}

function Header({ d }: { d: DossierDetail }) {
  const status = dossierStatusView[d.status];
  const stage = d.stages.find((s) => s.number === d.stage);
  const blocks = d.findings.filter((f) => f.severity === 'BLOCK').length;
  const warns = d.findings.filter((f) => f.severity === 'WARN').length;
  return (
    <Card size="small" data-testid="dossier-header">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'person', label: '姓名', children: <Link to={`/people/${d.person.id}`}>{d.person.name}</Link> },
          { key: 'id', label: '公民身份号码', children: d.person.idNumberMasked ?? '—' },
          { key: 'status', label: '状态', children: <Tag color={status.color} style={{ marginInlineEnd: 0 }}>{status.label}</Tag> },
          { key: 'org', label: '办理党组织', children: <Link to={`/orgs/${d.org.id}`}>{d.org.name}</Link> },
          { key: 'other', label: '另一地党组织', children: d.otherOrg ? <Link to={`/orgs/${d.otherOrg.id}`}>{d.otherOrg.name}</Link> : '—' },
          { key: 'stage', label: '所处阶段', children: stage ? `第${stage.number}阶段 ${stage.name}` : '—' },
          { key: 'step', label: '下一步', children: d.currentStep <= 25 ? `第${d.currentStep}步 ${d.steps[d.currentStep - 1]?.name ?? ''}` : '已全部办结' },
          { key: 'opened', label: '申请日期', children: d.openedOn },
          { key: 'findings', label: '规则检查', children: blocks + warns === 0 ? <Tag color="green" style={{ marginInlineEnd: 0 }}>未发现问题</Tag> : <Flex gap={4}>{blocks > 0 && <Tag color="red">否决 {blocks}</Tag>}{warns > 0 && <Tag color="orange">警示 {warns}</Tag>}</Flex> },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>档案编号 {d.externalId} · 版本 {d.version}</Typography.Text>
    </Card>
  );
}

/** 发展党员档案: header, next actions, the 25 steps by stage with findings and files, six refusals, history. */
export function DossierPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const dossier = useDossier(Number.isInteger(id) && id > 0 ? id : undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Open>(null);

  if (!Number.isInteger(id) || id <= 0 || (dossier.error instanceof ApiError && dossier.error.status === 404)) {
    return <Result status="404" title="发展党员档案不存在" extra={<Link to="/dossiers">返回档案列表</Link>} />;
  }
  if (dossier.isError) return <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  if (!dossier.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = dossier.data;
  const close = () => setOpen(null);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} aria-label="返回" />
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>
          {d.person.name}的发展党员档案
        </Typography.Title>
      </Flex>
      <Header d={d} />
      <NextActions dossier={d} onOpen={setOpen} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <DossierTimeline dossier={d} />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={12}>
            {d.sixRefusals && <SixRefusals items={d.sixRefusals} />}
            <DossierPapers dossierId={d.id} canWrite={d.nextActions.canWrite && d.status === 'active'} />
            <EventHistory events={d.events} />
          </Flex>
        </Col>
      </Row>
      {open?.kind === 'step' && (
        <StepFormDrawer
          dossier={d}
          step={open.step}
          open
          onClose={close}
          onRecorded={() => {
            close();
            void queryClient.invalidateQueries({ queryKey: dossiersQueryKey });
          }}
        />
      )}
      {open?.kind === 'sendBack' && <SendBackModal dossier={d} onClose={close} />}
      {(open?.kind === 'withdraw' || open?.kind === 'notRecognized') && <CloseModal dossier={d} kind={open.kind} onClose={close} />}
    </Flex>
  );
}
