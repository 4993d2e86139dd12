import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerError } from '../../../lib/form-errors';
import type { UserAccount } from '../api/get-users';
import { useSetUserScopeOrg } from '../api/set-user-scope-org';
import { ScopeOrgSelect } from './scope-org-select';

/** 党组织范围: narrows an account to an organization and its sub-organizations, or widens it back. */
export function ScopeOrgModal({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scopeOrgId: number | null }>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetUserScopeOrg();
  const submit = ({ scopeOrgId }: { scopeOrgId: number | null }) => {
    setError(null);
    save.mutate(
      { id: user.id, orgId: scopeOrgId ?? null },
      {
        onSuccess: (u) => {
          void message.success(u.scopeOrgName ? `${u.displayName}只能查看“${u.scopeOrgName}”及其下级党组织` : `${u.displayName}的党组织范围已取消`);
          onClose();
        },
        onError: (e) => setError(applyServerError(form, e, ['scopeOrgId'])),
      },
    );
  };
  return (
    <Modal open title={`${user.displayName}的党组织范围`} okText="保存" onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ scopeOrgId: user.scopeOrgId }}>
        <Typography.Paragraph type="secondary">
          设置后，该账号在“{user.scopeName}”范围内只能查看和管理所选党组织及其下级党组织；不设置则按行政区划管辖。
        </Typography.Paragraph>
        <Form.Item name="scopeOrgId" label="党组织">
          <ScopeOrgSelect within={user.scopeDivision} current={user.scopeOrgId && user.scopeOrgName ? { id: user.scopeOrgId, name: user.scopeOrgName, divisionName: '' } : null} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}
