import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { errorMessage } from '../../../lib/api-client';
import { useVerifyAuditLog } from '../api/verify-audit-log';

/** Each entry carries the hash of the one before it; a changed or deleted entry breaks the chain here. */
export function VerifyChain() {
  const verify = useVerifyAuditLog();
  const result = verify.data;
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">审计日志逐条以哈希值首尾相连，任何一条被修改或删除都会被发现。</Typography.Text>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
            校验哈希链
          </Button>
        </Flex>
        {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
        {result &&
          (result.ok ? (
            <Alert type="success" showIcon title={`哈希链完整：已校验 ${result.checked} 条记录，未发现篡改。`} />
          ) : (
            <Alert
              type="error"
              showIcon
              title="哈希链已断裂，审计日志可能被篡改"
              description={
                result.firstBroken
                  ? `已校验 ${result.checked} 条；第一处断裂在编号 ${result.firstBroken.id} 的记录：${result.firstBroken.reason}`
                  : `已校验 ${result.checked} 条记录。`
              }
            />
          ))}
      </Flex>
    </Card>
  );
}
