import { EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useSession } from '../../auth/session-context';

export function WelcomeCard() {
  const { user } = useSession();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="welcome-card">
      <Flex vertical gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {user.displayName}
          </Typography.Title>
          <Tag color="red">{user.roleLabel}</Tag>
        </Flex>
        <Typography.Text style={{ fontSize: 16 }} data-testid="scope-name">
          <EnvironmentOutlined /> 管辖范围：{user.scope.divisionName}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
