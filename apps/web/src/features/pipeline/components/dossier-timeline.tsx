import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled, PaperClipOutlined, RedoOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Collapse, Flex, Grid, Tag, Timeline, Typography, Upload, type TimelineItemProps } from 'antd';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { type DossierDetail, type DossierFile, type DossierStep, type StepStatus, downloadDossierFile, useUploadFile } from '../api/dossier';
import { RecordValues } from '../record-format';
import { FindingList } from './finding-list';

const statusView: Record<StepStatus, { color: string; label: string }> = {
  done: { color: 'green', label: '已办理' },
  missing: { color: 'red', label: '缺少记录' },
  current: { color: 'blue', label: '当前步骤' },
  pending: { color: 'default', label: '未办理' },
};

const dotOf = (s: DossierStep) =>
  s.redo ? <RedoOutlined style={{ color: '#fa8c16' }} />
  : s.status === 'done' ? <CheckCircleFilled style={{ color: '#52c41a' }} />
  : s.status === 'missing' ? <ExclamationCircleFilled style={{ color: '#ff4d4f' }} />
  : s.status === 'current' ? <ClockCircleOutlined style={{ color: '#1677ff' }} />
  : undefined;

function StepFiles({ dossier, step, files }: { dossier: DossierDetail; step: DossierStep; files: DossierFile[] }) {
  const upload = useUploadFile(dossier.id);
  const { message } = App.useApp();
  const canUpload = dossier.nextActions.upload.allowed && step.status !== 'pending';
  if (files.length === 0 && !canUpload) return null;
  return (
    <Flex wrap gap={8} align="center">
      {files.map((f) => (
        <Button key={f.id} size="small" type="link" icon={<PaperClipOutlined />} style={{ paddingInline: 0 }}
          title={`SHA-256 ${f.sha256}，${(f.size / 1024).toFixed(0)} KB，${formatDateTime(f.uploadedAt)} 上传`}
          onClick={() => downloadDossierFile(dossier.id, f).catch((e: unknown) => void message.error(errorMessage(e)))}>
          {f.fileName}
        </Button>
      ))}
      {canUpload && (
        <Upload
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png,.docx"
          customRequest={({ file }) =>
            upload.mutate({ step: step.number, file: file as File }, {
              onSuccess: () => void message.success('材料已上传'),
              onError: (e) => void message.error(errorMessage(e)),
            })
          }
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>上传材料</Button>
        </Upload>
      )}
    </Flex>
  );
}

function StepItem({ dossier, step }: { dossier: DossierDetail; step: DossierStep }) {
  const view = statusView[step.status];
  const files = dossier.files.filter((f) => f.step === step.number);
  return (
    <Flex vertical gap={4} data-testid={`step-${step.number}`} data-status={step.status} data-redo={step.redo ? 'true' : 'false'}>
      <Flex wrap gap={6} align="center">
        <Typography.Text strong={step.status === 'current'}>第{step.number}步 {step.name}</Typography.Text>
        <Tag color={view.color} style={{ marginInlineEnd: 0 }}>{view.label}</Tag>
        {step.redo && <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="step-redo">退回，须重新办理</Tag>}
      </Flex>
      {step.records.map((r, i) => (
        <Flex key={i} vertical gap={2} style={{ paddingInlineStart: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.on ?? '—'}{step.records.length > 1 ? `（第${i + 1}次）` : ''} · {r.by} 于 {formatDateTime(r.recordedAt)} 录入
          </Typography.Text>
          <RecordValues input={r.input} />
        </Flex>
      ))}
      {step.status === 'missing' && step.records.length === 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>导入的档案已有此步骤的内容，或没有办理记录</Typography.Text>}
      <FindingList findings={step.findings} />
      <StepFiles dossier={dossier} step={step} files={files} />
    </Flex>
  );
}

function StageSteps({ dossier, stage }: { dossier: DossierDetail; stage: number }) {
  const items: TimelineItemProps[] = dossier.steps
    .filter((s) => s.stage === stage)
    .map((s) => ({ key: s.number, icon: dotOf(s), color: s.status === 'pending' ? 'gray' : statusView[s.status].color, content: <StepItem dossier={dossier} step={s} /> }));
  return <Timeline items={items} />;
}

function stageSummary(dossier: DossierDetail, stage: number) {
  const steps = dossier.steps.filter((s) => s.stage === stage);
  const done = steps.filter((s) => s.status === 'done').length;
  const blocks = steps.reduce((n, s) => n + s.findings.filter((f) => f.severity === 'BLOCK').length, 0);
  const warns = steps.reduce((n, s) => n + s.findings.filter((f) => f.severity === 'WARN').length, 0);
  return (
    <Flex wrap gap={4}>
      <Tag style={{ marginInlineEnd: 0 }}>{done}/{steps.length} 步</Tag>
      {blocks > 0 && <Tag color="red" style={{ marginInlineEnd: 0 }}>否决 {blocks}</Tag>}
      {warns > 0 && <Tag color="orange" style={{ marginInlineEnd: 0 }}>警示 {warns}</Tag>}
    </Flex>
  );
}

/** The 25 steps grouped by the 5 stages: cards on a desk, collapsible stage cards on a phone. */
export function DossierTimeline({ dossier }: { dossier: DossierDetail }) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <div data-testid="dossier-timeline">
      <Collapse
        defaultActiveKey={[String(dossier.stage)]}
        items={dossier.stages.map((st) => ({
          key: String(st.number),
          label: <Typography.Text strong>第{st.number}阶段 {st.name}</Typography.Text>,
          extra: stageSummary(dossier, st.number),
          children: <StageSteps dossier={dossier} stage={st.number} />,
        }))}
      />
      </div>
    );
  }
  return (
    <Flex vertical gap={12} data-testid="dossier-timeline">
      {dossier.stages.map((st) => (
        <Card key={st.number} size="small" title={`第${st.number}阶段 ${st.name}`} extra={stageSummary(dossier, st.number)} data-testid={`stage-${st.number}`}>
          <StageSteps dossier={dossier} stage={st.number} />
        </Card>
      ))}
    </Flex>
  );
}
