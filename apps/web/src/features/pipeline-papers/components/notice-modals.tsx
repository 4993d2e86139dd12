import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyServerError } from '../../../lib/form-errors';
import { useAddObjection } from '../api/add-objection';
import { useCancelNotice } from '../api/cancel-notice';
import { useCancelOpinionRequest } from '../api/cancel-opinion-request';
import { useCreateNotice } from '../api/create-notice';
import { type Notice, type NoticePlace, type NoticeStage, type Objection, placeOptions, stageOptions } from '../api/get-dossier-papers';
import { useNoticeEnd } from '../api/get-notice-end';
import { useResolveObjection } from '../api/resolve-objection';

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** The end date as soon as a start is chosen: working days with the rule engine's calendar. */
function NoticeEndHint({ start, days, stage }: { start: Dayjs | undefined; days: number | null | undefined; stage: NoticeStage | undefined }) {
  const end = useNoticeEnd(start ? iso(start) : undefined, days ?? undefined, stage);
  if (!start) return <Typography.Text type="secondary">选择开始日期后显示结束日期</Typography.Text>;
  if (end.isError) return <Alert type="warning" showIcon title={errorMessage(end.error)} />;
  if (!end.data) return <Typography.Text type="secondary">正在计算……</Typography.Text>;
  return (
    <Typography.Text data-testid="notice-end">
      公示期至 <Typography.Text strong>{end.data.end}</Typography.Text>（{end.data.workingDays} 个工作日{end.data.countsFirstDay ? '，含开始当日' : '，不含开始当日'}，已扣除法定节假日、计入调休上班日）
    </Typography.Text>
  );
}

interface NoticeForm { stage: NoticeStage; place: NoticePlace; location: string; startOn: Dayjs; workingDays: number | null; contact: string; note: string }

/** 登记公示: the end date follows from the start and the working days. */
export function NoticeFormModal({ dossierId, onClose }: { dossierId: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateNotice();
  const start = Form.useWatch('startOn', form);
  const days = Form.useWatch('workingDays', form);
  const stage = Form.useWatch('stage', form);
  return (
    <Modal open title="登记公示" okText="登记" cancelText="取消" onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stage: 'candidate', place: 'workplace', startOn: dayjs(), workingDays: null }}
        onFinish={(v) => {
          setError(null);
          create.mutate(
            { dossierId, stage: v.stage, place: v.place, location: v.location, startOn: iso(v.startOn), workingDays: v.workingDays ?? undefined, contact: v.contact || undefined, note: v.note || undefined },
            { onSuccess: () => { void message.success('已登记公示'); onClose(); }, onError: (e) => setError(applyServerError(form, e, ['location', 'startOn', 'workingDays', 'contact', 'note'])) },
          );
        }}
      >
        <Form.Item name="stage" label="公示环节" rules={[{ required: true, message: '请选择公示环节' }]}>
          <Select options={stageOptions} aria-label="公示环节" />
        </Form.Item>
        <Form.Item name="place" label="公示地点" rules={[{ required: true, message: '请选择公示地点' }]} extra="流动人员确定发展对象时，须在原籍地和务工地同时公示">
          <Radio.Group options={placeOptions} />
        </Form.Item>
        <Form.Item name="location" label="张贴位置" rules={[{ required: true, whitespace: true, message: '请填写张贴位置' }, { max: 100, message: '不超过100个字' }]}>
          <Input maxLength={100} placeholder="如：冯家湾社区党务公开栏" />
        </Form.Item>
        <Form.Item name="startOn" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly aria-label="开始日期" />
        </Form.Item>
        <Form.Item name="workingDays" label="工作日数" extra="不填则按本市规则设置（确定发展对象不少于5个工作日）">
          <InputNumber min={1} max={30} precision={0} style={{ width: '100%' }} aria-label="工作日数" />
        </Form.Item>
        <Form.Item>
          <NoticeEndHint start={start} days={days} stage={stage} />
        </Form.Item>
        <Form.Item name="contact" label="联系电话（监督电话）">
          <Input maxLength={100} placeholder="如：0717-7812345" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 登记异议 received during a notice. */
export function ObjectionModal({ notice, onClose }: { notice: Notice; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ receivedOn: Dayjs; summary: string }>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddObjection();
  return (
    <Modal open title="登记异议" okText="登记" cancelText="取消" onOk={() => form.submit()} confirmLoading={add.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receivedOn: dayjs().isAfter(dayjs(notice.endOn)) ? dayjs(notice.endOn) : dayjs() }}
        onFinish={(v) => {
          setError(null);
          add.mutate({ noticeId: notice.id, receivedOn: iso(v.receivedOn), summary: v.summary }, {
            onSuccess: () => { void message.success('已登记异议'); onClose(); },
            onError: (e) => setError(applyServerError(form, e, ['receivedOn', 'summary'])),
          });
        }}
      >
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择收到日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly disabledDate={(d) => notFuture(d) || d.isBefore(dayjs(notice.startOn), 'day')} aria-label="收到日期" />
        </Form.Item>
        <Form.Item name="summary" label="反映的问题（摘要）" rules={[{ required: true, whitespace: true, message: '请填写异议内容摘要' }, { min: 2, message: '不少于2个字' }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 处理异议: the verification and whether the objection stands (an objection that stands blocks the step). */
export function ResolveModal({ notice, objection, onClose }: { notice: Notice; objection: Objection; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ resolvedOn: Dayjs; resolution: string; upheld: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const resolve = useResolveObjection();
  return (
    <Modal open title="处理异议" okText="保存" cancelText="取消" onOk={() => form.submit()} confirmLoading={resolve.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{objection.receivedOn} 收到：{objection.summary}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ resolvedOn: dayjs(), upheld: false }}
        onFinish={(v) => {
          setError(null);
          resolve.mutate({ noticeId: notice.id, objectionId: objection.id, version: objection.version, resolvedOn: iso(v.resolvedOn), resolution: v.resolution, upheld: v.upheld }, {
            onSuccess: () => { void message.success('已登记处理结果'); onClose(); },
            onError: (e) => setError(applyServerError(form, e, ['resolvedOn', 'resolution'])),
          });
        }}
      >
        <Form.Item name="resolvedOn" label="处理日期" rules={[{ required: true, message: '请选择处理日期' }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} inputReadOnly disabledDate={(d) => notFuture(d) || d.isBefore(dayjs(objection.receivedOn), 'day')} aria-label="处理日期" />
        </Form.Item>
        <Form.Item name="resolution" label="核实和处理情况" rules={[{ required: true, whitespace: true, message: '请填写核实和处理情况' }, { min: 4, message: '不少于4个字' }]}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="upheld" label="异议是否成立">
          <Radio.Group options={[{ value: false, label: '不成立，不影响发展' }, { value: true, label: '成立' }]} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 撤销 a notice or a letter, with a reason; nothing is deleted. */
export function CancelPaperModal({ kind, id, version, onClose }: { kind: 'notice' | 'letter'; id: number; version: number; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const notice = useCancelNotice();
  const letter = useCancelOpinionRequest();
  const pending = notice.isPending || letter.isPending;
  const what = kind === 'notice' ? '公示' : '征求意见函';
  return (
    <Modal open title={`撤销${what}`} okText="撤销" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={pending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          const options = { onSuccess: () => { void message.success(`已撤销${what}`); onClose(); }, onError: (e: unknown) => setError(applyServerError(form, e, ['reason'])) };
          if (kind === 'notice') notice.mutate({ id, version, reason: v.reason }, options);
          else letter.mutate({ id, version, reason: v.reason }, options);
        }}
      >
        <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请写明撤销原因' }, { min: 4, message: '不少于4个字' }]} extra="撤销后记录仍保留，不再计入档案">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
