import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { passwordPolicyRule } from '../../../lib/password-rule';
import { useChangePassword } from '../api/change-password';
import { useSession } from '../session-context';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordPage() {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) => {
    setError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success('密码已修改，下次登录请使用新密码');
        },
        onError: (e) => setError(applyServerError(form, e, ['currentPassword', 'newPassword'])),
      },
    );
  };

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {session.passwordExpired && (
        <Alert type="warning" showIcon title="您的密码已超过有效期，请设置新密码" style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含登录名；不能与最近5次使用过的密码相同"
          rules={[{ required: true, message: '请输入新密码' }, passwordPolicyRule({ value: session.user.username })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
