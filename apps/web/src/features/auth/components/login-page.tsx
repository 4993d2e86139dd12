import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginNext } from '../api/login';
import { PasswordForm } from './password-form';
import { SetupStatusAlert } from './setup-status-alert';
import { TotpCodeForm } from './totp-code-form';
import { TotpEnrolment } from './totp-enrolment';
import './login-page.css';

type Step = 'password' | 'totp' | 'totpSetup';

/** What other parts of the app may tell the login page when they send the user here. */
export interface LoginLocationState {
  notice?: string;
  step?: Step;
  from?: string;
}

const stepTitles: Record<Step, string> = {
  password: '登录',
  totp: '动态口令验证',
  totpSetup: '设置动态口令',
};

export function LoginPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as LoginLocationState;
  const [step, setStep] = useState<Step>(state.step ?? 'password');

  const finish = () => {
    // A different person may sign in on this browser: nothing cached for the last one may show.
    queryClient.clear();
    const target = state.from && !state.from.startsWith('/login') ? state.from : '/';
    void navigate(target, { replace: true });
  };
  const onNext = (next: LoginNext) => (next === 'done' ? finish() : setStep(next));

  return (
    <Flex vertical align="center" className="login-page">
      <div className="login-brand">
        <div className="login-logo">新血</div>
        <Typography.Title level={4} style={{ margin: 0, color: 'inherit' }}>
          流动人员发展党员工作系统
        </Typography.Title>
      </div>
      <Card className="login-card" title={stepTitles[step]}>
        {state.notice && <Alert type="warning" showIcon title={state.notice} style={{ marginBottom: 16 }} />}
        {step === 'password' && (
          <>
            <SetupStatusAlert />
            <PasswordForm onNext={onNext} />
          </>
        )}
        {step === 'totp' && <TotpCodeForm onVerified={finish} />}
        {step === 'totpSetup' && (
          <>
            <Alert type="info" showIcon title="管理员账号须绑定动态口令（双因素认证）后方可使用" style={{ marginBottom: 16 }} />
            <TotpEnrolment onEnrolled={finish} />
          </>
        )}
        {step !== 'password' && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => setStep('password')}>
            返回重新登录
          </Button>
        )}
      </Card>
      <Typography.Text type="secondary" className="login-footer">
        行政区划：国家统计局2023年统计用区划代码
      </Typography.Text>
    </Flex>
  );
}
