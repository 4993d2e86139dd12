import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import type { FiveItem } from '@xinxue/domain';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { ApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { PersonTalentActions } from '../../talent/components/person-talent-actions';
import { PersonDossier } from '../../pipeline/components/person-dossier';
import { formatDateTime } from '../../../lib/format';
import { usePerson, type CurrentValue, type PersonDetail } from '../api/get-person';
import type { RevealField } from '../api/reveal-person';
import { directionLabels } from '../filter-params';
import { personSubtitle } from '../person-format';
import { SourceTag } from '../source-tag';
import { FiveItemsTags } from './five-items-tags';
import { PersonHistory } from './person-history';
import { PersonMerges } from './person-merges';
import { RevealModal } from './reveal-modal';

function itemStatus(person: PersonDetail, item: FiveItem): ReactNode {
  if (person.fiveItems.missing.includes(item)) return <Tag color="red">缺失</Tag>;
  if (person.fiveItems.stale.includes(item)) return <Tag color="orange">已过期</Tag>;
  return <Tag color="green">清楚</Tag>;
}

/** One current value with its source, and below it since when it holds and when it was recorded. */
function ValueLine({ current, extra }: { current: CurrentValue; extra?: ReactNode }) {
  return (
    <Flex vertical gap={0}>
      <Flex wrap gap={4} align="center">
        <Typography.Text type="secondary">{current.label}：</Typography.Text>
        <span>{current.value}</span>
        {extra}
        <SourceTag source={current.source} label={current.sourceLabel} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {current.validFrom ? `自 ${current.validFrom} 起 · ` : ''}记录于 {formatDateTime(current.recordedAt)}
      </Typography.Text>
    </Flex>
  );
}

/** An identity value (性别, 民族 …) with its source; a dash when no source has stated it. */
function IdentityValue({ value }: { value: CurrentValue | undefined }) {
  if (!value) return <>—</>;
  return (
    <Space size={4} wrap>
      <span>{value.value}</span>
      <SourceTag source={value.source} label={value.sourceLabel} />
    </Space>
  );
}

export function PersonPage() {
  const { id } = useParams();
  // A fresh view per person: nothing revealed for one person may linger on the next one's page.
  return <PersonView key={id} personId={Number(id)} />;
}

function PersonView({ personId }: { personId: number }) {
  const person = usePerson(personId);
  const navigate = useNavigate();
  const location = useLocation();
  const phone = !Grid.useBreakpoint().md;
  const canReveal = useCan('pii:reveal');
  const canWrite = useCan('people:write');
  const [revealing, setRevealing] = useState<RevealField | null>(null);
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string>>>({});

  // Back to wherever the user came from (the list with its filters, the review queue); opened
  // directly from an address, to the ledger.
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => void (location.key === 'default' ? navigate('/people') : navigate(-1))}>
      返回
    </Button>
  );

  if (!Number.isInteger(personId) || personId <= 0) return <Result status="404" title="人员不存在" extra={<Link to="/people">返回台帐</Link>} />;
  if (person.isError) {
    const { error } = person;
    return error instanceof ApiError && (error.status === 404 || error.status === 403) ? (
      <Result status={error.status === 403 ? '403' : '404'} title={error.message} extra={<Link to="/people">返回台帐</Link>} />
    ) : (
      <QueryError error={error} onRetry={() => void person.refetch()} />
    );
  }
  if (!person.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const p = person.data;
  // Current values and their sources come from the server, worked out from the facts (never rebuilt here).
  const identity = p.current.find((c) => c.item === 'identity')?.values ?? [];
  const identityValue = (key: string) => identity.find((v) => v.key === key);
  const fiveItemRows = p.current.filter((c): c is typeof c & { item: FiveItem } => c.item !== 'identity');
  const may = canReveal && p.canReveal;

  const revealButton = (field: RevealField, what: string) =>
    may && !revealed[field] ? (
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setRevealing(field)} aria-label={`查看完整${what}`}>
        查看
      </Button>
    ) : null;

  const itemLines = (values: CurrentValue[]) => {
    if (values.length === 0) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
    return (
      <Flex vertical gap={6}>
        {values.map((v) =>
          v.key === 'phones' && revealed.phones ? (
            <ValueLine key={v.key} current={{ ...v, value: revealed.phones }} />
          ) : (
            <ValueLine key={v.key} current={v} extra={v.key === 'phones' ? revealButton('phones', '电话') : null} />
          ),
        )}
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16}>
      <div>{back}</div>
      <Flex align="baseline" wrap gap={8}>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          {p.name}
        </Typography.Title>
        <Typography.Text type="secondary">{personSubtitle(p)}</Typography.Text>
        {p.direction && <Tag color={p.direction === 'inbound' ? 'blue' : 'purple'}>{directionLabels[p.direction]}</Tag>}
        <FiveItemsTags state={p.fiveItems} />
      </Flex>
      {p.mergedInto && (
        <Alert type="info" showIcon title={<span>此人已并入 <Link to={`/people/${p.mergedInto}`}>第 {p.mergedInto} 号人员</Link>，以下为合并后的信息。</span>} />
      )}
      {p.openReviews.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`该人员有 ${p.openReviews.length} 项待审核事项（来源冲突或疑似重复），处理后当前信息才会更新。`}
          action={<Link to="/reviews"><Button size="small">去审核</Button></Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title="基本信息">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'id',
                  label: '公民身份号码',
                  children: (
                    <Space size={4} wrap>
                      <span data-testid="person-id-number">{revealed.idNumber ?? p.idNumberMasked ?? '未登记'}</span>
                      {p.idNumberMasked && revealButton('idNumber', '公民身份号码')}
                    </Space>
                  ),
                },
                { key: 'gender', label: '性别', children: <IdentityValue value={identityValue('gender')} /> },
                { key: 'birth', label: '出生日期', children: <IdentityValue value={identityValue('birthDate')} /> },
                { key: 'ethnicity', label: '民族', children: <IdentityValue value={identityValue('ethnicity')} /> },
                { key: 'education', label: '学历', children: <IdentityValue value={identityValue('education')} /> },
                { key: 'political', label: '政治面貌', children: <IdentityValue value={identityValue('politicalStatus')} /> },
                { key: 'division', label: '所在村（社区）', children: p.divisionName },
                { key: 'grid', label: '网格', children: p.gridName ?? '未分网格' },
                { key: 'employer', label: '工作单位', children: <span data-testid="person-employer">{p.employer ?? '—'}</span> },
                { key: 'occupation', label: '职业大类', children: p.occupationGroupName || '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title="五个清楚（当前信息及其来源）" data-testid="person-current">
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: phone ? 84 : 120 } }}
              items={fiveItemRows.map(({ item, label, values }) => ({
                key: item,
                label: (
                  <Flex vertical gap={4} align="start">
                    <span>{label}</span>
                    {itemStatus(p, item)}
                  </Flex>
                ),
                children: itemLines(values),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <PersonTalentActions personId={p.id} personName={p.name} />
      <PersonDossier personId={p.id} personName={p.name} />
      <PersonHistory history={p.history} />
      {p.merges.length > 0 && <PersonMerges personId={p.id} merges={p.merges} canWrite={canWrite} />}
      {revealing && (
        <RevealModal
          personId={p.id}
          personName={p.name}
          field={revealing}
          onRevealed={(value) => setRevealed((r) => ({ ...r, [revealing]: value ?? '未登记' }))}
          onClose={() => setRevealing(null)}
        />
      )}
    </Flex>
  );
}
