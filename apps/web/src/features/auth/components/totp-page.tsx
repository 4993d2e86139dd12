import { Alert, App, Button, Card, Result } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionQueryKey } from '../api/get-session';
import { useSession } from '../session-context';
import { TotpEnrolment } from './totp-enrolment';

/** Status and (re-)enrolment of the signed-in user's own second factor. */
export function TotpPage() {
  const session = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);

  // Starting enrolment already switches the old secret off on the server, so re-read the status either way.
  const stop = () => {
    setEnrolling(false);
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  };
  const onEnrolled = () => {
    stop();
    void message.success('动态口令已绑定，今后登录时须输入动态口令');
  };

  return (
    <Card title="动态口令" style={{ maxWidth: 520 }}>
      {enrolling ? (
        <>
          {session.totpEnabled && (
            <Alert type="warning" showIcon title="已开始重新绑定：原来的验证器即刻失效，请完成以下步骤" style={{ marginBottom: 16 }} />
          )}
          <TotpEnrolment onEnrolled={onEnrolled} />
          <Button type="link" block style={{ marginTop: 8 }} onClick={stop}>
            取消
          </Button>
        </>
      ) : (
        <Result
          status={session.totpEnabled ? 'success' : 'info'}
          title={session.totpEnabled ? '已启用动态口令' : '尚未启用动态口令'}
          subTitle={
            session.totpEnabled
              ? '登录时除密码外，还须输入手机验证器上的6位动态口令。'
              : '启用后，登录时除密码外还须输入手机验证器上的6位动态口令，账号更安全。'
          }
          extra={
            <Button type="primary" onClick={() => setEnrolling(true)}>
              {session.totpEnabled ? '重新绑定' : '立即设置'}
            </Button>
          }
        />
      )}
    </Card>
  );
}
