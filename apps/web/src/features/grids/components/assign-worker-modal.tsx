import { Alert, App, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useAssignGridWorker } from '../api/assign-grid-worker';
import type { Grid } from '../api/get-grids';

/** Business roles cannot list accounts (that is the administrators' job), so the worker is named by account number. */
export function AssignWorkerModal({ grid, onClose }: { grid: Grid; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ userId: number }>();
  const [error, setError] = useState<string | null>(null);
  const assign = useAssignGridWorker();

  const submit = ({ userId }: { userId: number }) => {
    setError(null);
    assign.mutate(
      { gridId: grid.id, userId },
      {
        onSuccess: () => {
          void message.success('已指派网格员');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['userId'])),
      },
    );
  };

  return (
    <Modal open title={`指派网格员 · ${grid.divisionName}${grid.name}`} okText="指派" onOk={() => form.submit()} confirmLoading={assign.isPending} onCancel={onClose}>
      <Typography.Paragraph type="secondary">请填写网格员账号的编号（可向系统管理员查询）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="userId" label="账号编号" rules={[{ required: true, message: '请输入账号编号' }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
