import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import { useSession } from '../../auth/session-context';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { useCreateOrg, type CreateOrgInput } from '../api/create-org';
import { orgKindLabels, type Org, type OrgKind } from '../api/get-orgs';
import type { OrgForest, OrgNode } from '../org-tree-data';

interface Props {
  forest: OrgForest;
  /** The organization selected in the tree, offered as the parent. */
  parent: Org | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[]): TreeOption[] => nodes.map((n) => ({ value: n.key, title: n.org.name, children: toOptions(n.children) }));

/** A child is usually one rank below its parent: 党委 → 党总支 → 党支部. */
const suggestedKind: Record<OrgKind, OrgKind> = { committee: 'generalBranch', generalBranch: 'branch', branch: 'branch' };

export function CreateOrgModal({ forest, parent, onClose, onCreated }: Props) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrgInput>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOrg();
  const treeOptions = useMemo(() => toOptions(forest.roots), [forest]);

  const submit = (values: CreateOrgInput) => {
    setError(null);
    create.mutate(
      { name: values.name.trim(), kind: values.kind, parentId: values.parentId ?? null, divisionCode: values.divisionCode },
      {
        onSuccess: (org) => {
          void message.success(`已新建“${org.name}”`);
          onCreated(org.id);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['name', 'kind', 'parentId', 'divisionCode'])),
      },
    );
  };

  return (
    <Modal open title="新建党组织" okText="新建" onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ parentId: parent?.id, kind: parent ? suggestedKind[parent.kind] : 'branch', divisionCode: parent?.divisionCode }}
      >
        <Form.Item name="name" label="党组织名称" rules={[{ required: true, whitespace: true, message: '请输入党组织名称' }, { max: 80, message: '名称不超过80个字' }]}>
          <Input placeholder="如：中共××社区第一支部委员会" maxLength={80} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={(Object.keys(orgKindLabels) as OrgKind[]).map((kind) => ({ value: kind, label: orgKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item name="parentId" label="上级党组织">
          <TreeSelect
            treeData={treeOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            allowClear
            placeholder="选择上级党组织（可不选）"
            listHeight={320}
            treeDefaultExpandedKeys={parent ? [parent.id] : []}
          />
        </Form.Item>
        <Form.Item name="divisionCode" label="所在行政区划" rules={[{ required: true, message: '请选择所在行政区划' }]}>
          <DivisionSearchSelect
            within={user.scope.divisionPrefix}
            initialOptions={parent ? [{ code: parent.divisionCode, name: parent.divisionName, level: 'village', parentCode: null }] : []}
            placeholder="输入乡镇、村（社区）名称查找"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
