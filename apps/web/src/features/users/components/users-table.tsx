import { EyeOutlined, LockOutlined, StopOutlined, UnlockOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../auth/session-context';
import type { UserAccount } from '../api/get-users';
import { useSetUserDisabled } from '../api/set-user-disabled';
import { useUnlockUser } from '../api/unlock-user';
import { RevealPhoneModal } from './reveal-phone-modal';
import { ScopeOrgModal } from './scope-org-modal';
import { useCan } from '../../../lib/authorization';

interface Props {
  users: UserAccount[];
  loading: boolean;
  /** users:security — unlock, disable and reveal are the security administrator's. */
  canSecure: boolean;
}

export function UsersTable({ users, loading, canSecure }: Props) {
  const session = useSession();
  const { message } = App.useApp();
  const unlock = useUnlockUser();
  const setDisabled = useSetUserDisabled();
  const [revealing, setRevealing] = useState<UserAccount | null>(null);
  const [scoping, setScoping] = useState<UserAccount | null>(null);
  const canCreate = useCan('users:create');

  const report = (done: string) => ({
    onSuccess: () => void message.success(done),
    onError: (error: unknown) => void message.error(errorMessage(error)),
  });

  const columns: TableColumnsType<UserAccount> = [
    {
      title: '账号',
      key: 'account',
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <Typography.Text type="secondary">{u.username}</Typography.Text>
        </Space>
      ),
    },
    { title: '角色', dataIndex: 'roleLabel', key: 'role' },
    {
      title: '管辖范围',
      key: 'scope',
      responsive: ['md'],
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          <span>{u.scopeName}</span>
          {u.scopeOrgName && <Typography.Text type="secondary">限：{u.scopeOrgName}及其下级</Typography.Text>}
          {canCreate && (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setScoping(u)}>
              党组织范围
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: '手机号',
      key: 'phone',
      responsive: ['md'],
      render: (_, u) =>
        u.phoneMasked ? (
          <Space size={4}>
            <span>{u.phoneMasked}</span>
            {canSecure && (
              <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setRevealing(u)} aria-label={`查看${u.displayName}的完整手机号`}>
                查看
              </Button>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">未登记</Typography.Text>
        ),
    },
    {
      title: '状态',
      key: 'state',
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {u.locked && <Tag color="red" icon={<LockOutlined />}>已锁定</Tag>}
          {u.totpEnabled ? <Tag color="blue">动态口令</Tag> : null}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', key: 'lastLogin', responsive: ['lg'], render: formatDateTime },
  ];
  if (canSecure) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, u) => (
        <Space size={4} wrap>
          {u.locked && (
            <Button size="small" icon={<UnlockOutlined />} loading={unlock.isPending && unlock.variables === u.id} onClick={() => unlock.mutate(u.id, report(`已解除${u.displayName}的锁定`))}>
              解锁
            </Button>
          )}
          {u.id !== session.user.id && (
            <Popconfirm
              title={u.disabled ? `启用${u.displayName}的账号？` : `停用${u.displayName}的账号？`}
              description={u.disabled ? undefined : '停用后该账号立即不能登录。'}
              okText={u.disabled ? '启用' : '停用'}
              cancelText="取消"
              onConfirm={() => setDisabled.mutate({ id: u.id, disabled: !u.disabled }, report(u.disabled ? '账号已启用' : '账号已停用'))}
            >
              <Button size="small" danger={!u.disabled} icon={u.disabled ? <CheckCircleOutlined /> : <StopOutlined />}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Card size="small" title="账号列表">
      <Table<UserAccount>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={users}
        loading={loading}
        pagination={{ defaultPageSize: 20, showTotal: (total) => `共 ${total} 个账号`, size: 'small' }}
      />
      {revealing && <RevealPhoneModal user={revealing} onClose={() => setRevealing(null)} />}
      {scoping && <ScopeOrgModal user={scoping} onClose={() => setScoping(null)} />}
    </Card>
  );
}
