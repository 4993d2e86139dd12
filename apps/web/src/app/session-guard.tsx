import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/loading';
import { useSessionQuery } from '../features/auth/api/get-session';
import { SessionContext } from '../features/auth/session-context';
import type { LoginLocationState } from '../features/auth/components/login-page';
import { errorMessage, isSessionLost } from '../lib/api-client';

/** Renders its children only for a fully signed-in user (password and, where required, second factor). */
export function SessionGuard({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();

  if (session.isError) {
    // The API client has already sent the browser to the login page.
    if (isSessionLost(session.error)) return <Loading fullPage text="正在转到登录页…" />;
    return (
      <Result
        status="error"
        title="无法取得登录状态"
        subTitle={errorMessage(session.error)}
        extra={<Button type="primary" onClick={() => void session.refetch()}>重试</Button>}
      />
    );
  }
  if (!session.data) return <Loading fullPage />;
  if (!session.data.secondFactorDone) {
    const state: LoginLocationState = { step: session.data.totpEnabled ? 'totp' : 'totpSetup', from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <SessionContext value={session.data}>{children}</SessionContext>;
}
