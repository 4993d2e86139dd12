import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { applyServerError } from '../../../lib/form-errors';
import { OrgPicker } from '../../orgs/components/org-picker';
import { type GateFinding, useOpenDossier, usePersonDossiers } from '../api/dossier';
import { dossierStatusView } from '../dossier-labels';
import { FindingList } from './finding-list';

interface OpenValues {
  orgId: number;
  datedOn: Dayjs;
  receivedOn?: Dayjs;
  justification?: string;
}

/** 建立发展党员档案: step 1 (the written application) at a chosen organization; the identity comes from the ledger. */
function OpenDossierModal({ personId, personName, onClose }: { personId: number; personName: string; onClose: () => void }) {
  const [form] = Form.useForm<OpenValues>();
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<GateFinding[]>([]);
  const [needJustification, setNeedJustification] = useState(false);
  const open = useOpenDossier();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

  const submit = (v: OpenValues) => {
    setError(null);
    open.mutate(
      {
        personId, orgId: v.orgId, datedOn: v.datedOn.format('YYYY-MM-DD'),
        ...(v.receivedOn ? { receivedOn: v.receivedOn.format('YYYY-MM-DD') } : {}),
        ...(v.justification?.trim() ? { justification: v.justification.trim() } : {}),
      },
      {
        onSuccess: (d) => {
          void message.success('已建立发展党员档案');
          onClose();
          void navigate(`/dossiers/${d.id}`);
        },
        onError: (e) => {
          const details = e instanceof ApiError ? (e.details as { blocks?: GateFinding[]; warnings?: GateFinding[] } | undefined) : undefined;
          setFindings(details?.blocks ?? details?.warnings ?? []);
          if (e instanceof ApiError && e.code === 'STEP_JUSTIFICATION_REQUIRED') setNeedJustification(true);
          setError(applyServerError(form, e, ['orgId', 'datedOn', 'receivedOn', 'justification']));
        },
      },
    );
  };

  return (
    <Modal open title={`建立发展党员档案：${personName}`} okText="建立档案" cancelText="取消" onOk={() => form.submit()} confirmLoading={open.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ datedOn: dayjs() }}>
        <Form.Item name="orgId" label="办理的党组织" rules={[{ required: true, message: '请选择办理的党组织' }]}>
          <OrgPicker placeholder="受理入党申请的党组织（一般是党支部）" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="datedOn" label="入党申请书落款日期" rules={[{ required: true, message: '请选择入党申请书落款日期' }]} style={{ flex: 1, minWidth: 180 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} allowClear={false} />
          </Form.Item>
          <Form.Item name="receivedOn" label="党组织收到日期" extra="不填则与落款日期相同" style={{ flex: 1, minWidth: 180 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
          </Form.Item>
        </Flex>
        {needJustification && (
          <Form.Item name="justification" label="继续办理的理由" rules={[{ required: true, min: 10, message: '请写明理由（不少于10个字）' }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>姓名、公民身份号码、出生日期和流动情况取自台帐，不必重新填写。</Typography.Text>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {findings.length > 0 && <div style={{ marginTop: 8 }}><FindingList findings={findings} /></div>}
      </Form>
    </Modal>
  );
}

/**
 * On a person's or a cultivation target's page: the person's dossier (a link), or the button that
 * opens one when there is none.
 */
export function PersonDossier({ personId, personName }: { personId: number; personName: string }) {
  const canRead = useCan('dossiers:read');
  const canWrite = useCan('dossiers:write');
  const dossiers = usePersonDossiers(personId, canRead);
  const [open, setOpen] = useState(false);
  if (!canRead || !dossiers.data) return null;
  const items = dossiers.data.items;
  const active = items.find((d) => d.status === 'active');
  return (
    <Card size="small" title="发展党员" data-testid="person-dossier">
      <Flex vertical gap={8}>
        {items.map((d) => (
          <Flex key={d.id} wrap gap={6} align="center">
            <Link to={`/dossiers/${d.id}`}>发展党员档案（{d.currentStep <= 25 ? `第${d.currentStep}步 ${d.currentStepName}` : '已全部办结'}）</Link>
            <Tag color={dossierStatusView[d.status].color} style={{ marginInlineEnd: 0 }}>{dossierStatusView[d.status].label}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.orgName}</Typography.Text>
          </Flex>
        ))}
        {items.length === 0 && <Typography.Text type="secondary">尚未建立发展党员档案</Typography.Text>}
        {!active && canWrite && !items.some((d) => d.status === 'member') && (
          <div>
            <Button type="primary" onClick={() => setOpen(true)} data-testid="open-dossier">建立发展党员档案</Button>
          </div>
        )}
      </Flex>
      {open && <OpenDossierModal personId={personId} personName={personName} onClose={() => setOpen(false)} />}
    </Card>
  );
}
