import { MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/loading';
import { useSession } from '../../features/auth/session-context';
import { SideMenu } from './side-menu';
import { useIdleWatch } from './use-idle-watch';
import { UserMenu } from './user-menu';
import './app-layout.css';

export function AppLayout() {
  const session = useSession();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { pathname } = useLocation();
  useIdleWatch(session.idleMinutes);

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        {isPhone && (
          <Button
            type="text"
            className="app-header-menu-button"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="app-brand">
          <span className="app-brand-name">新血</span>
          {screens.lg && <span className="app-brand-subtitle">流动人员发展党员工作系统</span>}
        </Link>
        <div className="app-header-spacer" />
        <UserMenu compact={!screens.lg} />
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider theme="light" width={200} collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" className="app-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content className={isPhone ? 'app-content app-content-phone' : 'app-content'}>
          {session.passwordExpired && pathname !== '/account/password' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="您的密码已超过有效期，请尽快修改。"
              action={<Link to="/account/password">修改密码</Link>}
            />
          )}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title="新血 · 导航"
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
