import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Pagination, Progress, Segmented, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useCheckPerson } from '../api/check-person';
import { SURVEY_PAGE_SIZE, type SurveyPeopleFilter, type SurveyPerson, useSurveyPeople } from '../api/get-survey-people';
import { useSurvey } from '../api/get-survey';
import { CheckModal, type ModalOutcome } from './check-modal';
import { PersonCheckCard } from './person-check-card';
import './surveys.css';

/** The grid worker's screen, phone first: their grids' people as cards, unchecked first. */
export function SurveyCheckPage() {
  const { message } = App.useApp();
  const surveyId = Number(useParams().id);
  const survey = useSurvey(surveyId);
  const [filter, setFilter] = useState<SurveyPeopleFilter>({ state: 'unchecked', page: 1 });
  const people = useSurveyPeople(surveyId, filter);
  const check = useCheckPerson(surveyId);
  const [open, setOpen] = useState<{ person: SurveyPerson; outcome: ModalOutcome } | null>(null);

  const confirm = (person: SurveyPerson) =>
    check.mutate(
      { personId: person.id, outcome: 'confirmed' },
      { onSuccess: () => void message.success(`${person.name}：确认无误，已登记`), onError: (e) => void message.error(errorMessage(e)) },
    );

  if (survey.isError) return <QueryError error={survey.error} onRetry={() => void survey.refetch()} />;
  if (!survey.data) return <Skeleton active />;
  const s = survey.data;
  const closed = s.status === 'closed';
  return (
    <Flex vertical gap={12} className="survey-check-page">
      <Flex align="center" gap={8}>
        <Link to="/surveys" aria-label="返回清查列表">
          <Button type="text" icon={<ArrowLeftOutlined />} />
        </Link>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {s.name}
        </Typography.Title>
      </Flex>
      <Card size="small">
        <Typography.Text type="secondary">
          已核查 {s.totals.checked} / {s.totals.total} 人 · 截止 {s.dueOn}
        </Typography.Text>
        <Progress percent={s.totals.percent} size="small" />
      </Card>
      {closed && (
        <Alert
          type="warning"
          showIcon
          data-testid="survey-closed"
          title={`该清查已于 ${formatDateTime(s.closedAt)} 结束，不能再登记核查结果`}
          description="如确需补查，请联系组织清查的单位重新开启。"
        />
      )}
      <Flex gap={8} wrap>
        <Segmented
          value={filter.state}
          onChange={(state) => setFilter({ ...filter, state: state as SurveyPeopleFilter['state'], page: 1 })}
          options={[
            { label: '未核查', value: 'unchecked' },
            { label: '已核查', value: 'checked' },
            { label: '全部', value: 'all' },
          ]}
        />
        {s.grids.length > 1 && (
          <Select
            allowClear
            placeholder="全部网格"
            style={{ minWidth: 140, flex: 1 }}
            value={filter.gridId}
            onChange={(gridId: number | undefined) => setFilter({ ...filter, gridId, page: 1 })}
            options={s.grids.map((g) => ({ value: g.gridId, label: `${g.gridName}（${g.checked}/${g.total}）` }))}
          />
        )}
      </Flex>
      {people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : !people.data ? (
        <Skeleton active />
      ) : people.data.items.length === 0 ? (
        <Card size="small">
          <Empty description={filter.state === 'unchecked' ? '本网格的人员都已核查' : '没有人员'} />
        </Card>
      ) : (
        <>
          {people.data.items.map((p) => (
            <PersonCheckCard key={p.id} person={p} readOnly={closed} busy={check.isPending && check.variables?.personId === p.id} onConfirm={() => confirm(p)} onOpen={(outcome) => setOpen({ person: p, outcome })} />
          ))}
          {people.data.total > SURVEY_PAGE_SIZE && (
            <Pagination simple align="center" current={filter.page} pageSize={SURVEY_PAGE_SIZE} total={people.data.total} onChange={(page) => setFilter({ ...filter, page })} />
          )}
        </>
      )}
      {open && <CheckModal surveyId={surveyId} person={open.person} outcome={open.outcome} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
