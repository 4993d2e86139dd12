import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { OrgPicker } from '../../orgs/components/org-picker';
import { useAnswerOpinionRequest } from '../api/answer-opinion-request';
import { useCreateOpinionRequest } from '../api/create-opinion-request';
import { type Aspects, aspectLabels, type OpinionRequest, requestStageOptions, type RequestStage, type TwoPlace } from '../api/get-dossier-papers';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

interface RequestForm { stage: RequestStage; place: TwoPlace; toOrgId: number | null; toName: string; sentOn: Dayjs; replyBy: Dayjs | null }

/** 发征求意见函 to the other place; the number is given by the system, the reply is due in 15 working days unless set. */
export function RequestFormModal({ dossierId, onClose }: { dossierId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOpinionRequest();
  return (
    <Modal open title="发征求意见函" okText="发函" cancelText="取消" onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stage: 'candidate', place: 'origin', sentOn: dayjs(), toOrgId: null, replyBy: null }}
        onFinish={(v) => {
          setError(null);
          create.mutate(
            { dossierId, stage: v.stage, place: v.place, toOrgId: v.toOrgId ?? undefined, toName: v.toName, sentOn: iso(v.sentOn), replyBy: v.replyBy ? iso(v.replyBy) : undefined },
            { onSuccess: () => { void message.success('已发函，可下载征求意见函打印'); onClose(); }, onError: (e) => setError(applyServerError(form, e, ['toOrgId', 'toName', 'sentOn', 'replyBy'])) },
          );
        }}
      >
        <Form.Item name="stage" label="环节" rules={[{ required: true, message: '请选择环节' }]}>
          <Select options={requestStageOptions} aria-label="环节" />
        </Form.Item>
        <Form.Item name="place" label="征求哪一地的意见">
          <Radio.Group options={[{ value: 'origin', label: '原籍地（流出地）' }, { value: 'workplace', label: '务工地（流入地）' }]} />
        </Form.Item>
        <Form.Item name="toOrgId" label="受函党组织（在本系统中的）" extra="选中后，该党组织也能在其管辖范围内看到此档案并登记回执">
          <OrgPicker placeholder="可不选" />
        </Form.Item>
        <Form.Item name="toName" label="受函单位（函件抬头）" rules={[{ required: true, whitespace: true, message: '请填写受函单位' }, { min: 2, message: '不少于2个字' }]}>
          <Input maxLength={100} placeholder="如：中共四川省古蔺县某镇某村支部委员会" />
        </Form.Item>
        <Form.Item name="sentOn" label="发函日期" rules={[{ required: true, message: '请选择发函日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly disabledDate={notFuture} aria-label="发函日期" />
        </Form.Item>
        <Form.Item name="replyBy" label="回复期限" extra="不填则为发函后第15个工作日">
          <DatePicker style={{ width: '100%' }} inputReadOnly aria-label="回复期限" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 登记回执: the four aspects as the other place answered them. */
export function AnswerModal({ request, onClose }: { request: OpinionRequest; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answeredOn: Dayjs; note: string } & Aspects>();
  const [error, setError] = useState<string | null>(null);
  const answer = useAnswerOpinionRequest();
  const keys = Object.keys(aspectLabels) as (keyof Aspects)[];
  return (
    <Modal open title={`登记回执（${request.letterNo}）`} okText="保存" cancelText="取消" onOk={() => form.submit()} confirmLoading={answer.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{request.toName} · {request.placeLabel} · {request.stageLabel}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ answeredOn: dayjs(), ...Object.fromEntries(keys.map((k) => [k, request.aspects?.[k] ?? 'pass'])), note: request.answerNote ?? '' }}
        onFinish={(v) => {
          setError(null);
          answer.mutate({ id: request.id, version: request.version, answeredOn: iso(v.answeredOn), aspects: { quality: v.quality, contribution: v.contribution, conduct: v.conduct, lawfulness: v.lawfulness }, note: v.note || undefined }, {
            onSuccess: () => { void message.success('已登记回执'); onClose(); },
            onError: (e) => setError(applyServerError(form, e, ['answeredOn', 'note'])),
          });
        }}
      >
        <Form.Item name="answeredOn" label="回复日期" rules={[{ required: true, message: '请选择回复日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly disabledDate={(d) => notFuture(d) || d.isBefore(dayjs(request.sentOn), 'day')} aria-label="回复日期" />
        </Form.Item>
        {keys.map((k) => (
          <Form.Item key={k} name={k} label={aspectLabels[k]}>
            <Radio.Group options={[{ value: 'pass', label: '合格' }, { value: 'fail', label: '不合格' }]} optionType="button" buttonStyle="solid" />
          </Form.Item>
        ))}
        <Form.Item name="note" label="其他意见">
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
