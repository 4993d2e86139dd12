import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useLogin, type LoginInput, type LoginNext } from '../api/login';

export function PasswordForm({ onNext }: { onNext: (next: LoginNext) => void }) {
  const [form] = Form.useForm<LoginInput>();
  const [error, setError] = useState<string | null>(null);
  const login = useLogin();

  const submit = (values: LoginInput) => {
    setError(null);
    login.mutate(values, {
      onSuccess: onNext,
      onError: (e) => {
        form.setFieldValue('password', '');
        setError(applyServerError(form, e, ['username', 'password']));
      },
    });
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} autoComplete="on">
      <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus placeholder="登录名" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        登录
      </Button>
    </Form>
  );
}
