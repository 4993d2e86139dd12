import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PieChart } from '../../../components/chart';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { orgKindLabels, useOrgs, type OrgKind } from '../api/get-orgs';
import { buildOrgForest } from '../org-tree-data';
import { CreateOrgModal } from './create-org-modal';
import { OrgDetail } from './org-detail';
import { OrgTree } from './org-tree';

export function OrgsPage() {
  const orgs = useOrgs();
  const canWrite = useCan('orgs:write');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const items = orgs.data?.items;
  const forest = useMemo(() => buildOrgForest(items ?? []), [items]);
  const kindCounts = useMemo(() => {
    const counts: Record<OrgKind, number> = { committee: 0, generalBranch: 0, branch: 0 };
    for (const org of items ?? []) counts[org.kind] += 1;
    return (Object.keys(counts) as OrgKind[]).map((kind) => ({ name: orgKindLabels[kind], value: counts[kind] }));
  }, [items]);
  const selected = selectedId === null ? null : (forest.byId.get(selectedId)?.org ?? null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          党组织
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建党组织
          </Button>
        )}
      </Flex>
      {orgs.isError ? (
        <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={`组织体系（共 ${items.length} 个）`}>
              <OrgTree forest={forest} selectedId={selectedId} onSelect={setSelectedId} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={16}>
              <OrgDetail org={selected} forest={forest} onSelect={setSelectedId} />
              <Card size="small" title="组织类型分布">
                <PieChart testId="org-kind-chart" items={kindCounts} />
              </Card>
            </Flex>
          </Col>
        </Row>
      )}
      {creating && <CreateOrgModal forest={forest} parent={selected} onClose={() => setCreating(false)} onCreated={setSelectedId} />}
    </Flex>
  );
}
