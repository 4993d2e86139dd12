import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../lib/authorization';
import { useSession } from '../../auth/session-context';
import { DivisionDrill } from '../../divisions/components/division-drill';
import { useHome } from '../../home/api/get-home';
import { useGrids } from '../api/get-grids';
import { CreateGridModal } from './create-grid-modal';
import { GridsByChildChart } from './grids-by-child-chart';
import { GridTable } from './grid-table';

/** Prefix length of a county code: above that a list would run into thousands of grids. */
const LISTABLE_PREFIX_LENGTH = 6;

export function GridsPage() {
  const { user } = useSession();
  const canWrite = useCan('grids:write');
  const [params, setParams] = useSearchParams();
  const scopePrefix = user.scope.divisionPrefix;
  // The address may be edited or bookmarked by someone else; never go outside the user's own scope.
  const asked = params.get('within') ?? '';
  const within = /^\d{2,12}$/.test(asked) && asked.startsWith(scopePrefix) ? asked : scopePrefix;
  const listable = within.length >= LISTABLE_PREFIX_LENGTH;
  const grids = useGrids(within, listable);
  // At the user's own scope the home overview already has exact counts per next-level division.
  const home = useHome(within === scopePrefix);
  const [creating, setCreating] = useState(false);

  const drillTo = (prefix: string) => setParams(prefix === scopePrefix ? {} : { within: prefix });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          网格
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建网格
          </Button>
        )}
      </Flex>
      <DivisionDrill rootPrefix={scopePrefix} value={within} onChange={drillTo}>
        {(division) => (
          <>
            {division.children.length > 0 && (
              <Card size="small" title={`${division.name}各下级区划网格数（点击柱条进入下级）`}>
                <GridsByChildChart
                  division={division}
                  grids={grids.data?.items}
                  overview={within === scopePrefix ? home.data?.byChild : undefined}
                  onDrill={drillTo}
                />
              </Card>
            )}
            {listable ? (
              <GridTable query={grids} canAssign={canWrite} />
            ) : (
              <Card size="small">
                <Empty description="网格数量较多，请先选择县（市、区）再查看网格列表" />
              </Card>
            )}
            {creating && <CreateGridModal division={division} onClose={() => setCreating(false)} />}
          </>
        )}
      </DivisionDrill>
    </Flex>
  );
}
