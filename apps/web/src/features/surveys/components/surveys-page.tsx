import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { useSurveys } from '../api/get-surveys';
import { CreateSurveyModal } from './create-survey-modal';
import { SurveyCard } from './survey-card';

/** 清查: the surveys of the user's area with their progress per grid. */
export function SurveysPage() {
  const surveys = useSurveys();
  const canCreate = useCan('grids:write');
  const canCheck = useCan('people:write');
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
      {surveys.isError ? (
        <QueryError error={surveys.error} onRetry={() => void surveys.refetch()} />
      ) : !surveys.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : surveys.data.items.length === 0 ? (
        <Card size="small">
          <Empty description={canCreate ? '还没有清查，点击“新建清查”选择区域' : '您的网格目前没有进行中的清查'} />
        </Card>
      ) : (
        surveys.data.items.map((s) => <SurveyCard key={s.id} survey={s} canCheck={canCheck} />)
      )}
      {creating && <CreateSurveyModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
