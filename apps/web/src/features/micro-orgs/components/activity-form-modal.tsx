import { microActivityKindLabels, microActivityKinds, type MicroActivityKind } from '@xinxue/domain';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import type { Activity } from '../api/get-activity';
import { useSaveActivity } from '../api/save-activity';
import { datesFrom } from './member-modals';
import { PeoplePicker } from './pickers';

interface Values {
  heldOn: Dayjs;
  kind: MicroActivityKind;
  title: string;
  peopleServed: number;
  problemsSolved: number;
  note: string;
  participantIds: number[];
}

export const activityKindOptions = microActivityKinds.map((value) => ({ value, label: microActivityKindLabels[value] }));

interface Props {
  microOrg: { id: number; name: string; foundedOn: string | null };
  /** People the micro-organization reaches, offered as participants before typing. */
  reached: { id: number; name: string; hint?: string }[];
  activity?: Activity;
  onClose: () => void;
}

/**
 * 登记活动 — often on a phone right after the activity: date, kind, what it was, how many people
 * were served and problems solved, and the participants from the ledger.
 */
export function ActivityFormModal({ microOrg, reached, activity, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveActivity();
  const known = [...reached, ...(activity?.participants ?? []).map((p) => ({ id: p.personId, name: p.name, hint: p.divisionName }))];

  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      { microOrgId: microOrg.id, id: activity?.id, heldOn: v.heldOn.format('YYYY-MM-DD'), kind: v.kind, title: v.title.trim(), peopleServed: v.peopleServed, problemsSolved: v.problemsSolved, note: (v.note ?? '').trim(), participantIds: v.participantIds ?? [] },
      {
        onSuccess: () => {
          void message.success(activity ? '已保存修改' : '已登记活动');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['heldOn', 'kind', 'title', 'peopleServed', 'problemsSolved', 'note', 'participantIds'])),
      },
    );
  };

  return (
    <Modal open title={activity ? '修改活动记录' : `登记活动：${microOrg.name}`} okText={activity ? '保存' : '登记'} cancelText="取消" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden style={{ top: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="activity-form"
        initialValues={
          activity
            ? { heldOn: dayjs(activity.heldOn), kind: activity.kind, title: activity.title, peopleServed: activity.peopleServed, problemsSolved: activity.problemsSolved, note: activity.note, participantIds: activity.participants.map((p) => p.personId) }
            : { heldOn: dayjs(), kind: 'service', peopleServed: 0, problemsSolved: 0, participantIds: [] }
        }
      >
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={datesFrom(microOrg.foundedOn)} allowClear={false} inputReadOnly aria-label="活动日期" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="kind" label="活动类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={activityKindOptions} aria-label="活动类型" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="活动主题" rules={[{ required: true, whitespace: true, message: '请填写活动主题' }, { max: 60, message: '不超过60个字' }]}>
          <Input maxLength={60} placeholder="如：电动车免费检修、务工政策宣讲" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="peopleServed" label="服务人数" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" aria-label="服务人数" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="problemsSolved" label="解决问题数" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" aria-label="解决问题数" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="participantIds" label="参加人员（台帐中的流动人员）" extra="登记的参加人员会自动列入本微组织联系服务的人员">
          <PeoplePicker known={known} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={1000} showCount placeholder="解决了哪些困难、发现了哪些苗子" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
