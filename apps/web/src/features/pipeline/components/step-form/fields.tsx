import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  appraisalResultLabels, appraiserLabels, aspectLabels, aspectResultLabels, noticePlaceLabels, opinionChannelLabels, opinionStageLabels, optionsOf, twoPlaceLabels,
} from './labels';
import { emptyOpinion } from './step-values';

/**
 * The form items the step forms are made of. Field names are the step input's (stepSchemas), labels
 * the words of its Chinese messages, so a message names the field the clerk sees. Dates are native
 * date inputs (YYYY-MM-DD, the phone's own picker).
 */
type Name = string | number | (string | number)[];

export function DateField({ name, label, required = false, extra }: { name: Name; label: string; required?: boolean; extra?: ReactNode }) {
  return (
    <Form.Item name={name} label={label} required={required} extra={extra}>
      <Input type="date" max="9999-12-31" />
    </Form.Item>
  );
}

export function TextField({ name, label, required = false, placeholder, max = 100 }: { name: Name; label: string; required?: boolean; placeholder?: string; max?: number }) {
  return (
    <Form.Item name={name} label={label} required={required}>
      <Input placeholder={placeholder} maxLength={max} />
    </Form.Item>
  );
}

export function CountField({ name, label, required = false, addonAfter = '人', decimals = false }: { name: Name; label: string; required?: boolean; addonAfter?: string; decimals?: boolean }) {
  return (
    <Form.Item name={name} label={label} required={required}>
      <InputNumber min={0} max={100000} precision={decimals ? 1 : 0} style={{ width: '100%' }} suffix={addonAfter} inputMode={decimals ? 'decimal' : 'numeric'} />
    </Form.Item>
  );
}

export function ChoiceField<K extends string>({ name, label, labels, required = true }: { name: Name; label: string; labels: Record<K, string>; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} required={required}>
      <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(labels)} />
    </Form.Item>
  );
}

export function FlagField({ name, label, required = true }: { name: Name; label: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} required={required}>
      <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
    </Form.Item>
  );
}

/** A Form.List of cards: one per row, added and removed by the clerk. */
export function ListField({ name, title, addLabel, newRow, min = 0, max = 10, testId, children }: {
  name: string; title: string; addLabel: string; newRow: () => unknown; min?: number; max?: number; testId: string;
  children: (row: number) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid={testId}>
          <Typography.Text strong>{title}</Typography.Text>
          {rows.map((row, index) => (
            <Card key={row.key} size="small" data-testid={`${testId}-${index}`} title={`${title} ${index + 1}`}
              extra={rows.length > min ? <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`删除${title} ${index + 1}`} /> : null}
            >
              {children(row.name)}
            </Card>
          ))}
          {rows.length < max && <Button icon={<PlusOutlined />} onClick={() => add(newRow())} block type="dashed">{addLabel}</Button>}
        </Flex>
      )}
    </Form.List>
  );
}

/** 征求意见（两地）: each round with its stage, place, channel, date and the four aspects. */
export function OpinionList({ stages }: { stages: readonly string[] }) {
  const stageLabels = Object.fromEntries(stages.map((s) => [s, opinionStageLabels[s as keyof typeof opinionStageLabels]])) as Record<string, string>;
  return (
    <ListField name="opinions" title="征求意见" addLabel="添加一次征求意见（户籍地或工作地）" newRow={() => emptyOpinion(stages[stages.length - 1]!)} max={20} testId="opinions">
      {(row) => (
        <>
          {stages.length > 1 && <ChoiceField name={[row, 'stage']} label="征求意见的环节" labels={stageLabels} />}
          <ChoiceField name={[row, 'place']} label="征求意见地点" labels={twoPlaceLabels} />
          <ChoiceField name={[row, 'channel']} label="征求意见方式" labels={opinionChannelLabels} />
          <DateField name={[row, 'on']} label="征求意见日期" required />
          <Flex gap={12} wrap>
            {(Object.keys(aspectLabels) as (keyof typeof aspectLabels)[]).map((a) => (
              <ChoiceField key={a} name={[row, 'aspects', a]} label={aspectLabels[a]} labels={aspectResultLabels} />
            ))}
          </Flex>
        </>
      )}
    </ListField>
  );
}

/** 三项鉴定: employer, police, family planning. */
export function AppraisalList() {
  return (
    <ListField name="appraisals" title="鉴定" addLabel="添加一份鉴定（用工单位、派出所、计生部门）" newRow={() => ({ by: 'employer', result: 'positive' })} testId="appraisals">
      {(row) => (
        <>
          <ChoiceField name={[row, 'by']} label="鉴定部门" labels={appraiserLabels} />
          <DateField name={[row, 'on']} label="鉴定日期" required />
          <ChoiceField name={[row, 'result']} label="鉴定结论" labels={appraisalResultLabels} />
        </>
      )}
    </ListField>
  );
}

/** 公示: place, start and end, objections with their resolution. */
export function NoticeList() {
  return (
    <ListField name="notices" title="公示" addLabel="添加一处公示（户籍地、工作地）" newRow={() => ({ place: 'workplace', objections: [] })} max={6} testId="notices">
      {(row) => (
        <>
          <ChoiceField name={[row, 'place']} label="公示地点" labels={noticePlaceLabels} />
          <Flex gap={12} wrap>
            <DateField name={[row, 'start']} label="公示开始日期" required />
            <DateField name={[row, 'end']} label="公示结束日期" required />
          </Flex>
          <Form.List name={[row, 'objections']}>
            {(items, { add, remove }) => (
              <Flex vertical gap={4}>
                {items.map((item, i) => (
                  <Card key={item.key} size="small" type="inner" title={`异议 ${i + 1}`} extra={<Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={`删除异议 ${i + 1}`} />}>
                    <Flex gap={12} wrap>
                      <DateField name={[item.name, 'receivedOn']} label="收到异议日期" required />
                      <DateField name={[item.name, 'resolvedOn']} label="异议处理日期" />
                    </Flex>
                    <FlagField name={[item.name, 'upheld']} label="异议是否成立" />
                  </Card>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ upheld: false })}>登记异议</Button>
              </Flex>
            )}
          </Form.List>
        </>
      )}
    </ListField>
  );
}

/** A list of dates (思想汇报). */
export function DateList({ name, title, label }: { name: string; title: string; label: string }) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={4} style={{ marginBottom: 16 }} data-testid={name}>
          <Typography.Text strong>{title}</Typography.Text>
          {rows.map((row, i) => (
            <Flex key={row.key} gap={8} align="center">
              <Form.Item name={row.name} label={`${label} ${i + 1}`} style={{ flex: 1, marginBottom: 0 }}>
                <Input type="date" max="9999-12-31" />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`删除${label} ${i + 1}`} />
            </Flex>
          ))}
          {rows.length < 12 && <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>添加{label}</Button>}
        </Flex>
      )}
    </Form.List>
  );
}
