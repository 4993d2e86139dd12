import { chinaToday } from '@xinxue/domain/calendar/china-today';
import type { Dossier } from '@xinxue/domain/dossier/index';
import { type ChecklistItem } from '@xinxue/domain/pipeline/gate';
import { deferralSteps, isStepNumber, type Pending, stepLabel, stepSchemas } from '@xinxue/domain/pipeline/step-inputs';
import { stepName } from '@xinxue/domain/pipeline/steps';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../../lib/api-client';
import { type DeferralFacts, useDeferral } from './api/get-deferral';
import { useDossierPapers } from './api/get-papers';
import { useRuleSettings } from './api/get-rule-settings';
import { useRecordStep } from './api/record-step';
import { acceptedKeys, type DraftJudgement, type GateFinding, judgeDraft } from './live-judgement';
import { DeferralPanel, FindingList, SixRefusals, Verdict } from './rule-feedback';
import { StepFields } from './step-fields';
import { type FormValues, initialValues, namePath, toStepInput } from './step-values';

/** What the drawer needs of `GET /api/dossiers/:id` (the pages' `DossierDetail` has all of it). */
export interface StepFormDossier {
  id: number;
  version: number;
  currentStep: number;
  person: { name: string };
  document: unknown;
  pending: unknown;
  events: readonly { kind: string; detail: unknown }[];
}

export interface StepFormDrawerProps {
  dossier: StepFormDossier;
  step: number;
  open: boolean;
  onClose(): void;
  onRecorded(): void;
}

/** The server's refusal of the last submission (422 / 409), shown until the next one. */
type Refusal =
  | { kind: 'blocked'; message: string; blocks: GateFinding[]; checklist: ChecklistItem[] | null; deferral: DeferralFacts | null }
  | { kind: 'justify'; message: string; warnings: GateFinding[]; checklist: ChecklistItem[] | null; deferral: DeferralFacts | null }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

export const MIN_JUSTIFICATION = 10;
const DEBOUNCE_MS = 250;

function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { kind: 'error', message: errorMessage(error) };
  const d = (error.details ?? {}) as { blocks?: GateFinding[]; warnings?: GateFinding[]; checklist?: ChecklistItem[] | null; deferral?: DeferralFacts | null };
  if (error.code === 'STEP_BLOCKED') return { kind: 'blocked', message: error.message, blocks: d.blocks ?? [], checklist: d.checklist ?? null, deferral: d.deferral ?? null };
  if (error.code === 'STEP_JUSTIFICATION_REQUIRED') return { kind: 'justify', message: error.message, warnings: d.warnings ?? [], checklist: d.checklist ?? null, deferral: d.deferral ?? null };
  if (error.status === 409 || error.code === 'CONFLICT') return { kind: 'conflict', message: error.message };
  return { kind: 'error', message: error.message };
}

/**
 * 办理第N步: the step's form with the rule engine's verdict as the clerk types (the same domain code
 * the server runs, in the browser), then the server's gate: a BLOCK refuses with every finding, a
 * WARN asks for a written justification, a stale version is a conflict.
 */
export function StepFormDrawer({ dossier, step, open, onClose, onRecorded }: StepFormDrawerProps) {
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const settings = useRuleSettings();
  const papers = useDossierPapers(dossier.id, open);
  const record = useRecordStep();
  const [draft, setDraft] = useState<FormValues>(() => initialValues(step));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [justification, setJustification] = useState('');
  const [justificationError, setJustificationError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const bottom = useRef<HTMLDivElement>(null);

  // The version the clerk read when the form opened: a refetch meanwhile must not move it (the server's
  // compare-and-bump then refuses a record made on a dossier someone else advanced).
  const openedVersion = useRef(dossier.version);
  useEffect(() => {
    if (!open) return;
    openedVersion.current = dossier.version;
    form.resetFields();
    form.setFieldsValue(initialValues(step));
    setDraft(initialValues(step));
    setRefusal(null);
    setJustification('');
    setJustificationError(null);
  }, [open, step, form]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const accepted = useMemo(() => acceptedKeys(dossier.events), [dossier.events]);
  // The deferral facts are as of the step's date (the activist's or the candidate's listing date).
  const on = typeof draft.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(draft.on) ? draft.on : undefined;
  const deferral = useDeferral(dossier.id, on, open && deferralSteps.has(step) && !!on);
  const judgement = useMemo((): DraftJudgement | { kind: 'error'; message: string } | null => {
    if (!settings.data) return null;
    try {
      return judgeDraft(draft, { step, document: dossier.document as Dossier, pending: (dossier.pending ?? {}) as Pending, settings: settings.data, accepted, today: chinaToday(), papers: papers.data ?? undefined, deferral: deferral.data });
    } catch (error) {
      return { kind: 'error', message: `规则检查出错：${errorMessage(error)}` };
    }
  }, [draft, step, dossier.document, dossier.pending, settings.data, accepted, papers.data, deferral.data]);

  const deferralFacts = deferral.data ?? (refusal && 'deferral' in refusal ? refusal.deferral : null);

  const onValuesChange = () => {
    // The server's verdict was on the values sent; once they change, the live check speaks again.
    if (refusal?.kind === 'blocked' || refusal?.kind === 'justify') setRefusal(null);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setDraft(form.getFieldsValue(true) as FormValues), DEBOUNCE_MS);
  };

  const submit = () => {
    if (!isStepNumber(step)) return;
    const values = form.getFieldsValue(true) as FormValues;
    setDraft(values);
    const input = toStepInput(step, values);
    const parsed = stepSchemas[step].safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      form.setFields([{ name: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), errors: [issue.message] }]);
      setRefusal({ kind: 'error', message: issue.message });
      return;
    }
    const asked = refusal?.kind === 'justify' || (judgement?.kind === 'judged' && judgement.outcome.newWarnings.length > 0);
    const text = justification.trim();
    if (refusal?.kind === 'justify' && text.length < MIN_JUSTIFICATION) {
      setJustificationError(`请写明继续办理的理由（不少于${MIN_JUSTIFICATION}个字，已写 ${text.length} 个字）`);
      bottom.current?.scrollIntoView({ block: 'end' });
      return;
    }
    setJustificationError(null);
    record.mutate(
      { dossierId: dossier.id, step, version: openedVersion.current, justification: asked && text ? text : undefined, input },
      {
        onSuccess: (result) => {
          const justified = result.justifiedWarnings.length;
          void message.success(`${stepLabel(step)}已办理${justified ? `（${justified} 项警示已写明理由）` : ''}`);
          setRefusal(null);
          onRecorded();
        },
        onError: (error) => {
          const r = refusalOf(error);
          setRefusal(r);
          if (error instanceof ApiError && error.status === 400 && error.field && error.field !== 'justification') {
            form.setFields([{ name: namePath(error.field), errors: [error.message] }]);
          }
          // Let the layout settle, then bring the refusal into view.
          setTimeout(() => bottom.current?.scrollIntoView({ block: 'end' }), 0);
        },
      },
    );
  };

  const reload = () => {
    void queryClient.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].includes('dossier') });
    onClose();
  };

  const live = judgement?.kind === 'judged' ? judgement : null;
  const checklist = live?.checklist ?? (refusal && 'checklist' in refusal ? refusal.checklist : null);
  const showJustification = refusal?.kind === 'justify' || (live?.outcome.newWarnings.length ?? 0) > 0;
  const title = `办理第${step}步：${stepName(step)}`;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={<Flex vertical><span>{title}</span><Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>{dossier.person.name}</Typography.Text></Flex>}
      size={screens.md ? 720 : '100%'}
      destroyOnHidden
      data-testid="step-form-drawer"
      footer={
        <Flex vertical gap={8}>
          {judgement?.kind === 'judged' && <Verdict blocks={judgement.outcome.blocks.length} warnings={judgement.outcome.newWarnings.length} />}
          {judgement?.kind === 'incomplete' && <Alert type="info" showIcon title={`尚未填完：${judgement.message}`} data-testid="live-verdict" />}
          {judgement?.kind === 'error' && <Alert type="warning" showIcon title={judgement.message} data-testid="live-verdict" />}
          <Flex gap={8} justify="end">
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" onClick={submit} loading={record.isPending} data-testid="step-submit">
              {refusal?.kind === 'justify' ? '写明理由后提交' : '提交办理'}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form form={form} name={`step${step}`} layout="vertical" initialValues={initialValues(step)} onValuesChange={onValuesChange} onFinish={submit} disabled={record.isPending}>
        <StepFields step={step} />
      </Form>

      <Flex vertical gap={12} data-testid="live-rules">
        <Typography.Title level={5} style={{ margin: 0 }}>规则检查（填写时即时检查，以提交后服务器的检查为准）</Typography.Title>
        {settings.isLoading && <Spin size="small" />}
        {settings.isError && <Alert type="warning" showIcon title={`载入规则设置失败：${errorMessage(settings.error)}`} />}
        {live && !(refusal?.kind === 'blocked' || refusal?.kind === 'justify') && (
          <>
            <FindingList findings={live.outcome.blocks} testId="live-blocks" />
            <FindingList findings={live.outcome.newWarnings} testId="live-warnings" />
          </>
        )}
        {checklist && <SixRefusals items={checklist} />}
        {deferralSteps.has(step) && deferralFacts && <DeferralPanel facts={deferralFacts} />}
      </Flex>

      <div ref={bottom} style={{ marginTop: 16 }}>
        {refusal?.kind === 'blocked' && (
          <Flex vertical gap={8} data-testid="server-blocked">
            <Alert type="error" showIcon title="服务器拒绝办理：有不能办理（BLOCK）的问题，本步骤未记录" description="请纠正下列问题后重新提交。" />
            <FindingList findings={refusal.blocks} testId="server-blocks" />
          </Flex>
        )}
        {refusal?.kind === 'justify' && (
          <Flex vertical gap={8} data-testid="server-warnings">
            <Alert type="warning" showIcon title={`有 ${refusal.warnings.length} 项警示：如继续办理，请写明理由（不少于${MIN_JUSTIFICATION}个字），理由将记入档案历史`} />
            <FindingList findings={refusal.warnings} testId="server-warning-list" />
          </Flex>
        )}
        {showJustification && (
          <Form layout="vertical" component="div" style={{ marginTop: 8 }}>
            <Form.Item label="继续办理的理由" required validateStatus={justificationError ? 'error' : undefined} help={justificationError ?? undefined} extra={justificationError ? undefined : `已写 ${justification.trim().length} 个字（不少于${MIN_JUSTIFICATION}个字）；理由记入档案历史`}>
              <Input.TextArea id="step-justification" aria-label="继续办理的理由" rows={3} maxLength={2000} value={justification} onChange={(e) => { setJustification(e.target.value); setJustificationError(null); }} />
            </Form.Item>
          </Form>
        )}
        {refusal?.kind === 'conflict' && (
          <Alert type="error" showIcon data-testid="server-conflict" title="其他人已先办理了这份档案" description={`${refusal.message}。本次填写未记录。`}
            action={<Button size="small" onClick={reload}>重新载入档案</Button>} />
        )}
        {refusal?.kind === 'error' && <Alert type="error" showIcon title={refusal.message} data-testid="server-error" />}
      </div>
    </Drawer>
  );
}
