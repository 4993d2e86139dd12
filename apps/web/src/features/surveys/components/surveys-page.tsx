import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useSurveys, type SurveyStatusFilter } from '../api/get-surveys';
import { CreateSurveyModal } from './create-survey-modal';
import { SurveyCard } from './survey-card';

/** 清查: the surveys of the user's area with their progress per grid. */
export function SurveysPage() {
  const canCreate = useCan('grids:write');
  const canCheck = useCan('people:write');
  const phone = !Grid.useBreakpoint().md;
  // A grid worker on a phone has only open surveys to work on; whoever manages surveys also sees the closed ones.
  const onlyOpen = phone && !canCreate;
  const [chosen, setChosen] = useState<'open' | 'closed' | 'all'>(canCreate ? 'all' : 'open');
  const status: SurveyStatusFilter = onlyOpen ? 'open' : chosen === 'all' ? undefined : chosen;
  const surveys = useSurveys(status);
  const [creating, setCreating] = useState(false);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          清查
        </Typography.Title>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建清查
          </Button>
        )}
      </Flex>
      {!onlyOpen && (
        <Segmented<'open' | 'closed' | 'all'>
          style={{ alignSelf: 'flex-start' }}
          value={chosen}
          onChange={setChosen}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: '进行中' },
            { value: 'closed', label: '已结束' },
          ]}
        />
      )}
      {surveys.isError ? (
        <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : !surveys.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : surveys.data.items.length === 0 ? (
        <Card size="small">
          <Empty description={status === 'closed' ? '没有已结束的清查' : canCreate ? '还没有清查，点击“新建清查”选择区域' : '您的网格目前没有进行中的清查'} />
        </Card>
      ) : (
        surveys.data.items.map((s) => <SurveyCard key={s.id} survey={s} canCheck={canCheck} canManage={canCreate} />)
      )}
      {creating && <CreateSurveyModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
