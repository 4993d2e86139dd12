import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { mobileOrgsExportUrl, useMobileOrgs } from '../api/get-mobile-orgs';
import { ComparisonCard } from './comparison-card';
import { MobileOrgList } from './mobile-org-list';

/** 市外流动党组织: where the city's outbound people are against where its mobile organizations are, then the roll. */
export function MobileOrgsPage() {
  const [includeEnded, setIncludeEnded] = useState(false);
  const orgs = useMobileOrgs({ includeEnded });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
        市外流动党组织
      </Typography.Title>
      <Typography.Text type="secondary">
        人流动到哪里，党的组织就覆盖到哪里。先看外出人员在哪里务工、当地有没有流动党组织、是否覆盖了他们的原籍地；排在前面的是外出人员多而没有流动党组织的地方。
      </Typography.Text>
      <ComparisonCard />
      <Card
        size="small"
        title={`流动党组织名册${orgs.data ? `（${orgs.data.items.length} 个）` : ''}`}
        extra={
          <Flex gap={8} align="center" wrap>
            <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
              含已撤销
            </Checkbox>
            <Button size="small" icon={<DownloadOutlined />} href={mobileOrgsExportUrl({ includeEnded })} data-testid="mobile-orgs-export">
              导出 Excel
            </Button>
          </Flex>
        }
      >
        {orgs.isError ? <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} /> : !orgs.data ? <Skeleton active paragraph={{ rows: 6 }} /> : <MobileOrgList items={orgs.data.items} />}
      </Card>
    </Flex>
  );
}
