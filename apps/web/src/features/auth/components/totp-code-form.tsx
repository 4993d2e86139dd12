import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useVerifyTotp } from '../api/verify-totp';

interface Props {
  onVerified: () => void;
  submitText?: string;
}

/** The six-digit code from the authenticator app; submits by itself once all digits are in. */
export function TotpCodeForm({ onVerified, submitText = '验证' }: Props) {
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const verify = useVerifyTotp();

  const submit = ({ code }: { code: string }) => {
    setError(null);
    verify.mutate(code, {
      onSuccess: onVerified,
      onError: (e) => {
        form.setFieldValue('code', '');
        setError(applyServerError(form, e, ['code']));
      },
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="code"
        label="动态口令"
        extra="打开手机上的身份验证器，输入显示的6位数字"
        rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字动态口令' }]}
      >
        <Input.OTP
          length={6}
          inputMode="numeric"
          autoFocus
          formatter={(value) => value.replace(/\D/g, '')}
          onChange={(value) => {
            if (/^\d{6}$/.test(value)) form.submit();
          }}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block loading={verify.isPending}>
        {submitText}
      </Button>
    </Form>
  );
}
