import { Alert, Button, Flex, QRCode, Typography } from 'antd';
import { Loading } from '../../../components/loading';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useSetupTotp } from '../api/setup-totp';
import { TotpCodeForm } from './totp-code-form';

interface Props {
  onEnrolled: () => void;
}

/** Shows a fresh secret as a QR code, then asks for one code to prove the phone has it. */
export function TotpEnrolment({ onEnrolled }: Props) {
  const setup = useSetupTotp();
  const started = useRef(false);

  useEffect(() => {
    // Each setup call replaces the secret, so React's double effect in development must not call twice.
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  if (setup.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(setup.error)}
        action={<Button size="small" onClick={() => setup.mutate()}>重试</Button>}
      />
    );
  }
  if (!setup.data) return <Loading text="正在生成动态口令密钥…" />;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        第一步：用手机上的身份验证器（支持 TOTP 的应用，如 Microsoft Authenticator、FreeOTP 等）扫描下方二维码。
      </Typography.Paragraph>
      <Flex justify="center">
        <QRCode value={setup.data.otpauthUrl} size={180} errorLevel="M" />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        无法扫码时，可手动输入密钥：
        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
          {setup.data.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: 0 }}>第二步：输入验证器显示的6位数字，完成绑定。</Typography.Paragraph>
      <TotpCodeForm onVerified={onEnrolled} submitText="完成绑定" />
    </Flex>
  );
}
