import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useDivision } from '../../divisions/api/get-division';
import { useChangeOrg, type ChangeOrgInput } from '../api/change-org';
import { useDecideMayDevelop } from '../api/decide-may-develop';
import { useDissolveOrg } from '../api/dissolve-org';
import type { OrgDetail } from '../api/get-org';
import { useMergeOrg } from '../api/merge-org';
import { useSetOrgCoverage } from '../api/set-org-coverage';
import { isoDate, notFuture } from '../org-labels';
import type { OrgNode } from '../org-tree-data';
import { NewOrgPicker } from './new-org-picker';
import { OrgFields, orgFormFields, type OrgFormValues } from './org-fields';
import { OrgPicker } from './org-picker';

interface ModalProps {
  org: OrgDetail;
  onClose: () => void;
}

const dateItem = (name: string, label: string, from: string | null) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
    <DatePicker style={{ width: '100%' }} disabledDate={notFuture(from)} allowClear={false} />
  </Form.Item>
);

const reasonItem = (required: boolean, label = '原因或依据') => (
  <Form.Item name="reason" label={label} rules={required ? [{ required: true, whitespace: true, min: 2, message: `请填写${label}（2至200个字）` }] : []}>
    <Input.TextArea rows={2} maxLength={200} placeholder="如：某文件、某次会议决定" />
  </Form.Item>
);

/** The units the organization covers now, by name, for the pickers. */
const currentUnits = (org: OrgDetail) => org.coverage.filter((c) => !c.validTo).map((c) => ({ id: c.newOrgId, name: c.name, hint: c.kindLabel }));

/** 变更: the organization's fields, sent with the version the form was filled from; only what changed is sent. */
export function ChangeOrgModal({ org, onClose }: ModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangeOrg(org.id);
  const division = useDivision(org.divisionCode);
  const located = useDivision(org.locatedDivisionCode ?? undefined);
  const units = currentUnits(org);
  const initial: OrgFormValues = {
    name: org.name, kind: org.kind, parentId: org.parentId, divisionCode: org.divisionCode, hostKind: org.hostKind, formation: org.formation,
    attachedToId: org.attachedToId, coveredNewOrgIds: units.map((u) => u.id), approvalPower: org.approvalPower, locatedDivisionCode: org.locatedDivisionCode,
    establishedOn: dayjs(org.establishedOn ?? undefined), effectiveOn: dayjs(),
  };

  const submit = (v: OrgFormValues) => {
    setError(null);
    const input: ChangeOrgInput = { version: org.version, effectiveOn: isoDate(v.effectiveOn), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) };
    if (v.name.trim() !== org.name) input.name = v.name.trim();
    if (v.kind !== org.kind) input.kind = v.kind;
    if ((v.parentId ?? null) !== org.parentId) input.parentId = v.parentId ?? null;
    if (v.divisionCode !== org.divisionCode) input.divisionCode = v.divisionCode;
    if (v.hostKind !== org.hostKind) input.hostKind = v.hostKind;
    if (v.formation !== org.formation) input.formation = v.formation;
    const attachedToId = v.formation === 'attached' ? (v.attachedToId ?? null) : null;
    if (attachedToId !== org.attachedToId) input.attachedToId = attachedToId;
    const approval = v.kind === 'committee' && !!v.approvalPower;
    if (approval !== org.approvalPower) input.approvalPower = approval;
    const locatedCode = v.hostKind === 'mobileOrg' ? (v.locatedDivisionCode ?? null) : null;
    if (locatedCode !== org.locatedDivisionCode) input.locatedDivisionCode = locatedCode;
    if (isoDate(v.establishedOn) !== org.establishedOn) input.establishedOn = isoDate(v.establishedOn);
    const ids = v.hostKind === 'mobileOrg' ? [] : [...(v.coveredNewOrgIds ?? [])].sort((a, b) => a - b);
    if (ids.join(',') !== units.map((u) => u.id).sort((a, b) => a - b).join(',')) input.coveredNewOrgIds = ids;
    change.mutate(input, {
      onSuccess: () => {
        void message.success('已保存，修改已记入历史沿革');
        onClose();
      },
      onError: (e) => setError(applyServerError(form, e, orgFormFields)),
    });
  };

  return (
    <Modal open title={`变更：${org.name}`} okText="保存" onOk={() => form.submit()} confirmLoading={change.isPending} onCancel={onClose} destroyOnHidden width={640}>
      {division.isLoading ? null : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} scrollToFirstError>
          <OrgFields form={form} mode="change" selfId={org.id} knownUnits={units} division={division.data} locatedDivision={located.data} />
          {dateItem('effectiveOn', '生效日期', org.establishedOn)}
          {reasonItem(false)}
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      )}
    </Modal>
  );
}

/** 调整覆盖单位 (PUT /coverage): which enterprises and social organizations it covers from a date. */
export function CoverageModal({ org, onClose }: ModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ coveredNewOrgIds: number[]; effectiveOn: Dayjs; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetOrgCoverage(org.id);
  const units = currentUnits(org);
  const submit = (v: { coveredNewOrgIds: number[]; effectiveOn: Dayjs; reason?: string }) => {
    setError(null);
    save.mutate(
      { version: org.version, newOrgIds: v.coveredNewOrgIds ?? [], effectiveOn: isoDate(v.effectiveOn), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success('覆盖单位已调整');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['coveredNewOrgIds', 'effectiveOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title="调整覆盖单位" okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ coveredNewOrgIds: units.map((u) => u.id), effectiveOn: dayjs() }}>
        <Typography.Paragraph type="secondary">
          {org.formationLabel}：{org.formation === 'standalone' ? '最多覆盖1个单位' : org.formation === 'joint' ? '至少覆盖2个单位' : '挂靠组建的企业、社会组织党组织至少覆盖1个单位'}。不再覆盖的单位记为结束覆盖，记录不会删除。
        </Typography.Paragraph>
        <Form.Item name="coveredNewOrgIds" label="覆盖的单位">
          <NewOrgPicker known={units} />
        </Form.Item>
        {dateItem('effectiveOn', '生效日期', org.establishedOn)}
        {reasonItem(false)}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** R-MIG-MOBILE-ORG-SCOPE: whether a mobile organization may develop members, who decided it and when. */
export function MayDevelopModal({ org, onClose }: ModalProps) {
  const { message } = App.useApp();
  type Values = { mayDevelop: boolean; decidedBy: string; decidedOn: Dayjs; reason?: string };
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const decide = useDecideMayDevelop(org.id);
  const submit = (v: Values) => {
    setError(null);
    decide.mutate(
      { version: org.version, mayDevelop: v.mayDevelop, decidedBy: v.decidedBy.trim(), decidedOn: isoDate(v.decidedOn)!, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success('已记录认定结果');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['mayDevelop', 'decidedBy', 'decidedOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title="认定是否具备发展党员条件" okText="记录" onOk={() => form.submit()} confirmLoading={decide.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mayDevelop: org.mayDevelopDecision?.value ?? true, decidedOn: dayjs(), decidedBy: org.mayDevelopDecision?.decidedBy ?? '' }}>
        <Typography.Paragraph type="secondary">
          具备条件的流动党组织可以确定入党积极分子、发展对象直至接收预备党员；不具备的只能接收入党申请、培养教育积极分子，并须及时把人员和材料转交有关党组织。
        </Typography.Paragraph>
        <Form.Item name="mayDevelop" label="认定结果" rules={[{ required: true, message: '请选择认定结果' }]}>
          <Radio.Group options={[{ value: true, label: '具备发展党员条件' }, { value: false, label: '不具备' }]} />
        </Form.Item>
        <Form.Item name="decidedBy" label="认定单位" rules={[{ required: true, whitespace: true, message: '请填写作出认定的党组织或部门' }]}>
          <Input maxLength={50} placeholder="如：中共夷陵区委组织部" />
        </Form.Item>
        {dateItem('decidedOn', '认定日期', org.establishedOn)}
        {reasonItem(false, '依据')}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 合并: this organization goes into another; its sub-organizations, members and covered units follow. */
export function MergeModal({ org, onClose }: ModalProps) {
  const { message } = App.useApp();
  type Values = { intoId: number; effectiveOn: Dayjs; reason?: string };
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const merge = useMergeOrg(org.id);
  const canReceive = (node: OrgNode) => node.org.status === 'active' && (org.children.length === 0 || node.org.kind !== 'branch');
  const submit = (v: Values) => {
    setError(null);
    merge.mutate(
      { version: org.version, intoId: v.intoId, effectiveOn: isoDate(v.effectiveOn), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
      {
        onSuccess: () => {
          void message.success('已合并');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['intoId', 'effectiveOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title={`合并：${org.name}`} okText="合并" okButtonProps={{ danger: true }} onOk={() => form.submit()} confirmLoading={merge.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveOn: dayjs() }}>
        <Typography.Paragraph type="secondary">
          本组织将标记为“已合并”；其下级党组织（{org.children.filter((c) => c.status === 'active').length}个）、党员（{org.members.total}名）和覆盖单位（{org.coveredCount}个）转入并入的党组织。
        </Typography.Paragraph>
        <Form.Item name="intoId" label="并入的党组织" rules={[{ required: true, message: '请选择并入的党组织' }]}>
          <OrgPicker exclude={org.id} selectable={canReceive} />
        </Form.Item>
        {dateItem('effectiveOn', '合并日期', org.establishedOn)}
        {reasonItem(false)}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** 撤销: only without active sub-organizations; covered units and members end on the date. */
export function DissolveModal({ org, onClose }: ModalProps) {
  const { message } = App.useApp();
  type Values = { effectiveOn: Dayjs; reason: string };
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const dissolve = useDissolveOrg(org.id);
  const activeChildren = org.children.filter((c) => c.status === 'active').length;
  const submit = (v: Values) => {
    setError(null);
    dissolve.mutate(
      { version: org.version, effectiveOn: isoDate(v.effectiveOn), reason: v.reason.trim() },
      {
        onSuccess: () => {
          void message.success('已撤销，历史记录保留');
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['effectiveOn', 'reason'])),
      },
    );
  };
  return (
    <Modal open title={`撤销：${org.name}`} okText="撤销" okButtonProps={{ danger: true, disabled: activeChildren > 0 }} onOk={() => form.submit()} confirmLoading={dissolve.isPending} onCancel={onClose} destroyOnHidden>
      {activeChildren > 0 && <Alert type="warning" showIcon title={`还有${activeChildren}个下级党组织，须先撤销它们或调整到其他党组织之下`} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveOn: dayjs() }}>
        {dateItem('effectiveOn', '撤销日期', org.establishedOn)}
        {reasonItem(true, '撤销原因')}
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
