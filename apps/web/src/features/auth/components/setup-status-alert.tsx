import { Alert, Typography } from 'antd';
import { useSetupStatus } from '../api/get-setup-status';

/** A fresh installation has no accounts; tell the operator which command creates them. */
export function SetupStatusAlert() {
  const { data } = useSetupStatus();
  if (!data || data.hasUsers) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="系统尚未创建任何账号"
      description={
        <>
          请在服务器上运行 <Typography.Text code>{data.demoCommand}</Typography.Text> 载入演示数据，或运行{' '}
          <Typography.Text code>{data.addUserCommand}</Typography.Text> 创建第一个账号。
        </>
      }
    />
  );
}
