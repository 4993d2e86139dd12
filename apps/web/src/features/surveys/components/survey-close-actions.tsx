import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyServerError } from '../../../lib/form-errors';
import { useCloseSurvey } from '../api/close-survey';
import { useReopenSurvey } from '../api/reopen-survey';
import type { Survey } from '../api/get-surveys';

/** 结束清查 (after a confirmation) on an open survey; 重新开启 (with a reason) on a closed one. */
export function SurveyCloseActions({ survey }: { survey: Survey }) {
  const { message } = App.useApp();
  const close = useCloseSurvey();
  const [reopening, setReopening] = useState(false);

  if (survey.status === 'closed') {
    return (
      <>
        <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopening(true)}>
          重新开启
        </Button>
        {reopening && <ReopenModal survey={survey} onClose={() => setReopening(false)} />}
      </>
    );
  }
  const unchecked = survey.totals.total - survey.totals.checked;
  return (
    <Popconfirm
      title={`结束“${survey.name}”？`}
      description={
        <div style={{ maxWidth: 280 }}>
          结束后不再登记核查结果，各网格的进度按此刻固定{unchecked > 0 ? `（还有 ${unchecked} 人未核查）` : ''}。如有需要可重新开启。
        </div>
      }
      okText="结束清查"
      okButtonProps={{ danger: true, loading: close.isPending }}
      cancelText="取消"
      onConfirm={() =>
        close.mutateAsync(survey.id).then(
          () => void message.success(`“${survey.name}”已结束，进度已固定`),
          (e: unknown) => void message.error(errorMessage(e)),
        )
      }
    >
      <Button size="small" danger icon={<LockOutlined />}>
        结束清查
      </Button>
    </Popconfirm>
  );
}

function ReopenModal({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const reopen = useReopenSurvey();
  const submit = ({ reason }: { reason: string }) => {
    setError(null);
    reopen.mutate(
      { id: survey.id, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(`“${survey.name}”已重新开启，可以继续核查`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['reason'])),
      },
    );
  };
  return (
    <Modal open title={`重新开启：${survey.name}`} okText="重新开启" cancelText="取消" onOk={() => form.submit()} confirmLoading={reopen.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写重新开启的原因' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：有新迁入人员需要补查" />
        </Form.Item>
        <Alert type="info" showIcon title="重新开启后，进度重新按台帐当前的人员计算，网格员可以继续登记核查结果。" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      </Form>
    </Modal>
  );
}
