import { createBrowserRouter } from 'react-router';
import { LoginPage, type LoginLocationState } from '../features/auth/components/login-page';
import { setSessionLostHandler } from '../lib/api-client';
import { AppLayout } from './layout/app-layout';
import { pages } from './navigation';
import { NotFound, PageGate } from './page-gate';
import { SessionGuard } from './session-guard';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <SessionGuard>
        <AppLayout />
      </SessionGuard>
    ),
    children: [...pages.map((entry) => ({ path: entry.path, element: <PageGate entry={entry} /> })), { path: '*', element: <NotFound /> }],
  },
]);

// Any request that finds the session gone (idle timeout, revoked, disabled) ends up here.
setSessionLostHandler((error) => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const state: LoginLocationState = { from: pathname + search };
  if (error.code === 'SESSION_EXPIRED') state.notice = error.message;
  void router.navigate('/login', { replace: true, state });
});
