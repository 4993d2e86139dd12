import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout } from '../../features/auth/api/logout';
import { useSession } from '../../features/auth/session-context';
import { allows } from '../../lib/authorization';
import { errorMessage } from '../../lib/api-client';
import { pages } from '../navigation';

export function UserMenu({ compact }: { compact: boolean }) {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const logout = useLogout();
  const { user } = session;

  const accountPages = pages.filter((entry) => entry.placement === 'account' && allows(session.permissions, entry.requires));
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Flex vertical style={{ maxWidth: 260 }}>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary">{user.roleLabel}</Typography.Text>
          <Typography.Text type="secondary">管辖范围：{user.scope.divisionName}</Typography.Text>
        </Flex>
      ),
    },
    { type: 'divider' },
    ...accountPages.map((entry) => ({ key: entry.path, icon: entry.icon, label: entry.label })),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') {
      void navigate(key);
      return;
    }
    logout.mutate(undefined, {
      onError: (error) => void message.warning(`退出时出错：${errorMessage(error)}`),
      onSettled: async () => {
        await navigate('/login', { replace: true });
        // Only after leaving the signed-in pages, or they would refetch what was just dropped.
        queryClient.clear();
      },
    });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <a onClick={(e) => e.preventDefault()} style={{ color: 'inherit' }} data-testid="user-menu" aria-label="用户菜单">
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
          <span>{user.displayName}</span>
          {!compact && (
            <span style={{ opacity: 0.85 }}>
              {user.roleLabel} · {user.scope.divisionName}
            </span>
          )}
          <DownOutlined style={{ fontSize: 10 }} />
        </Flex>
      </a>
    </Dropdown>
  );
}
