import { UserAddOutlined } from '@ant-design/icons';
import { Button, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useUsers } from '../api/get-users';
import { CreateUserModal } from './create-user-modal';
import { UsersSummary } from './users-summary';
import { UsersTable } from './users-table';

export function UsersPage() {
  const users = useUsers();
  const canCreate = useCan('users:create');
  const canSecure = useCan('users:security');
  const [creating, setCreating] = useState(false);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          账号管理
        </Typography.Title>
        {canCreate && (
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        )}
      </Flex>
      {users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : !users.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <UsersSummary users={users.data.items} />
          <UsersTable users={users.data.items} loading={users.isFetching} canSecure={canSecure} />
        </>
      )}
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
