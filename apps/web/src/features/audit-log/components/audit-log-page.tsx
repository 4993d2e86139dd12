import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { auditActionLabels } from '../audit-actions';
import { useAuditLog } from '../api/get-audit-log';
import { AuditLogTable } from './audit-log-table';
import { VerifyChain } from './verify-chain';

export function AuditLogPage() {
  const [action, setAction] = useState<string | undefined>();
  const log = useAuditLog(action);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        审计日志
      </Typography.Title>
      <VerifyChain />
      <Card
        size="small"
        title="操作记录（新的在前）"
        extra={
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="按操作筛选"
            value={action}
            onChange={(value: string | undefined) => setAction(value)}
            options={Object.entries(auditActionLabels).map(([value, label]) => ({ value, label }))}
            style={{ width: 180 }}
          />
        }
      >
        {log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <>
            <AuditLogTable entries={entries} loading={log.isLoading} />
            <Flex justify="center" style={{ marginTop: 12 }}>
              {log.hasNextPage ? (
                <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  加载更早的记录
                </Button>
              ) : (
                !log.isLoading && <Typography.Text type="secondary">已显示全部 {entries.length} 条记录</Typography.Text>
              )}
            </Flex>
          </>
        )}
      </Card>
    </Flex>
  );
}
