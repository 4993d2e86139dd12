import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { fiveItemLabels } from '@xinxue/domain';
import type { SurveyPerson } from '../api/get-survey-people';
import { outcomeColors, outcomeLabels } from '../outcomes';
import type { ModalOutcome } from './check-modal';

interface Props {
  person: SurveyPerson;
  busy: boolean;
  onConfirm: () => void;
  onOpen: (outcome: ModalOutcome) => void;
  /** A closed survey: the card shows the check, without the four answers. */
  readOnly?: boolean;
}

/** One person on a phone: what the ledger says, and the four answers a grid worker can give. */
export function PersonCheckCard({ person, busy, onConfirm, onOpen, readOnly = false }: Props) {
  const c = person.current;
  const unclear = [...person.fiveItems.missing.map((i) => `缺${fiveItemLabels[i]}`), ...person.fiveItems.stale.map((i) => `${fiveItemLabels[i]}过期`)];
  return (
    <Card size="small" data-testid="person-check-card" className="survey-person-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {person.name}
        </Typography.Text>
        <Flex gap={4} wrap>
          <Tag>{person.gridName}</Tag>
          {person.check ? <Tag color={outcomeColors[person.check.outcome]}>{outcomeLabels[person.check.outcome]}</Tag> : <Tag color="default">未核查</Tag>}
        </Flex>
      </Flex>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} styles={{ label: { width: 72 } }}>
        <Descriptions.Item label="工作单位">{c.employer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="工作地址">{c.workAddress ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="职业">{c.occupation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{c.phones.length ? c.phones.join('、') : '—'}</Descriptions.Item>
        <Descriptions.Item label="现住址">{c.residenceAddress ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="流动时间">{c.movedOn ?? '—'}</Descriptions.Item>
      </Descriptions>
      {unclear.length > 0 && (
        <Flex gap={4} wrap style={{ marginBottom: 8 }}>
          {unclear.map((u) => (
            <Tag key={u} color="warning">
              {u}
            </Tag>
          ))}
        </Flex>
      )}
      {person.check?.destination && <Typography.Paragraph type="secondary">迁往：{person.check.destination}</Typography.Paragraph>}
      {!readOnly && (
        <div className="survey-actions">
          <Button type="primary" block loading={busy} onClick={onConfirm}>
            确认无误
          </Button>
          <Button block onClick={() => onOpen('corrected')}>
            修改
          </Button>
          <Button block danger onClick={() => onOpen('notFound')}>
            查无此人
          </Button>
          <Button block onClick={() => onOpen('movedAway')}>
            已迁出
          </Button>
        </div>
      )}
    </Card>
  );
}
