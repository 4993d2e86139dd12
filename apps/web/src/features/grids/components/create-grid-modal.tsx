import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import type { DivisionDetail } from '../../divisions/api/get-division';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { divisionPrefixOf } from '../../divisions/prefix';
import { useCreateGrid, type CreateGridInput } from '../api/create-grid';

interface Props {
  /** The division being viewed: the new grid goes into one of its villages. */
  division: DivisionDetail;
  onClose: () => void;
}

export function CreateGridModal({ division, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateGridInput>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateGrid();
  const isVillage = division.level === 'village';
  const villages = isVillage ? [division] : division.children.filter((c) => c.level === 'village');

  const submit = (values: CreateGridInput) => {
    setError(null);
    create.mutate(
      { name: values.name.trim(), divisionCode: values.divisionCode },
      {
        onSuccess: (grid) => {
          void message.success(`已在${grid.divisionName}新建“${grid.name}”`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['name', 'divisionCode'])),
      },
    );
  };

  return (
    <Modal
      open
      title="新建网格"
      okText="新建"
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ divisionCode: isVillage ? division.code : undefined }}>
        <Form.Item
          name="divisionCode"
          label="所属村（社区）"
          extra={`在“${division.name}”范围内${villages.length ? '选择或' : ''}输入名称查找`}
          rules={[{ required: true, message: '请选择网格所属的村（社区）' }]}
        >
          <DivisionSearchSelect level="village" within={divisionPrefixOf(division.code)} initialOptions={villages} placeholder="选择村（社区）" />
        </Form.Item>
        <Form.Item name="name" label="网格名称" rules={[{ required: true, whitespace: true, message: '请输入网格名称' }, { max: 40, message: '网格名称不超过40个字' }]}>
          <Input placeholder="如：第三网格" maxLength={40} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
