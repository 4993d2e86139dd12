import { ApartmentOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Empty, Flex, Form, Grid, Input, Modal, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useCan } from '../../../lib/authorization';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { useDeregisterNewOrg } from '../api/deregister-new-org';
import { type NewOrgDetail, useNewOrg } from '../api/get-new-org';
import { adviceColors, formationColors, formationFor, notFuture, setUpOrgLink } from '../new-org-labels';
import { NewOrgFormModal } from './new-org-form-modal';

function DeregisterModal({ unit, onClose }: { unit: NewOrgDetail; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ deregisteredOn: Dayjs; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const deregister = useDeregisterNewOrg();
  return (
    <Modal open title={`标记注销：${unit.name}`} okText="标记注销" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => form.submit()} confirmLoading={deregister.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">注销后不再计入在册单位和覆盖率，记录和覆盖历史保留，不会删除。</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          deregister.mutate(
            { id: unit.id, deregisteredOn: v.deregisteredOn.format('YYYY-MM-DD'), ...(v.note ? { note: v.note } : {}) },
            { onSuccess: () => { void message.success('已标记注销'); onClose(); }, onError: (e) => setError(errorMessage(e)) },
          )
        }
      >
        <Form.Item name="deregisteredOn" label="注销日期" rules={[{ required: true, message: '请选择注销日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={notFuture()} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

/** One unit: its details, the organization covering it and the history of its coverage. */
export function NewOrgDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const unit = useNewOrg(id);
  const screens = Grid.useBreakpoint();
  const canWrite = useCan('orgs:write');
  const [editing, setEditing] = useState(false);
  const [deregistering, setDeregistering] = useState(false);
  const u = unit.data;

  return (
    <Drawer open onClose={onClose} title={u?.name ?? '单位详情'} size={screens.md ? 560 : '100%'} destroyOnHidden>
      {unit.isError ? (
        <QueryError error={unit.error} onRetry={() => void unit.refetch()} />
      ) : !u ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          {u.deregisteredOn && <Alert type="warning" showIcon title={`已于 ${u.deregisteredOn} 注销`} />}
          {u.advice && (
            <Alert
              type="info"
              showIcon
              title={`空白点：${u.advice.label}`}
              action={
                canWrite && (
                  <Link to={setUpOrgLink({ formation: formationFor(u.advice.key), newOrgIds: [u.id], hostKind: u.kind, divisionCode: u.divisionCode })}>
                    <Button size="small" type="primary" icon={<ApartmentOutlined />}>组建党组织</Button>
                  </Link>
                )
              }
            />
          )}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="统一社会信用代码">{u.uscc}</Descriptions.Item>
            <Descriptions.Item label="组织类别">{u.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="所属行业">{`${u.industry} ${u.industryLabel}`}</Descriptions.Item>
            <Descriptions.Item label="所在地区">{u.divisionName}</Descriptions.Item>
            <Descriptions.Item label="住所">{u.address || '—'}</Descriptions.Item>
            <Descriptions.Item label="从业人员">{`${formatCount(u.employees)} 人（${u.sizeBandLabel}）`}</Descriptions.Item>
            <Descriptions.Item label="其中党员">{`${formatCount(u.partyMembers)} 人`}</Descriptions.Item>
            <Descriptions.Item label="成立日期">{u.registeredOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="党组织">
              {u.coverage ? (
                <Flex gap={4} wrap>
                  <Link to={`/orgs/${u.coverage.orgId}`}>{u.coverage.orgName}</Link>
                  <Tag color={formationColors[u.coverage.formation]}>{u.coverageHistory.find((h) => h.orgId === u.coverage!.orgId)?.formationLabel}</Tag>
                </Flex>
              ) : (
                <Tag color={u.advice ? adviceColors[u.advice.key] : 'default'}>未建立（空白点）</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="数据来源">{u.sourceLabel}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>覆盖历史</Typography.Title>
            {u.coverageHistory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="从未被党组织覆盖" />
            ) : (
              <Timeline
                items={u.coverageHistory.map((h) => ({
                  color: h.validTo ? 'gray' : 'green',
                  content: (
                    <span>
                      {h.validFrom} 至 {h.validTo ?? '今'}：{h.orgName} <Tag color={formationColors[h.formation]}>{h.formationLabel}</Tag>
                    </span>
                  ),
                }))}
              />
            )}
          </div>
          {canWrite && (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button>
              {!u.deregisteredOn && <Button danger icon={<StopOutlined />} onClick={() => setDeregistering(true)}>标记注销</Button>}
            </Flex>
          )}
          {editing && <NewOrgFormModal existing={u} onClose={() => setEditing(false)} />}
          {deregistering && <DeregisterModal unit={u} onClose={() => setDeregistering(false)} />}
        </Flex>
      )}
    </Drawer>
  );
}
