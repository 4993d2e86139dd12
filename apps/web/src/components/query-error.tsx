import { Alert, Button } from 'antd';
import { errorMessage } from '../lib/api-client';

/** A failed load, in the server's own words, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
    />
  );
}
