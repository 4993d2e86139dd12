import { ArrowLeftOutlined } from '@ant-design/icons';
import { formations, hostKinds, orgKinds, type Formation, type HostKind, type OrgKind } from '@xinxue/domain';
import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyServerError } from '../../../lib/form-errors';
import { useDivision } from '../../divisions/api/get-division';
import { useCreateOrg, type CreateOrgInput } from '../api/create-org';
import { useNewOrgsById } from '../api/get-new-org';
import { isoDate } from '../org-labels';
import { OrgFields, orgFormFields, type OrgFormValues } from './org-fields';

const pick = <T extends string>(list: readonly T[], value: string | null): T | undefined => (value && (list as readonly string[]).includes(value) ? (value as T) : undefined);

/** Reads the prefill a link may carry: ?formation=joint&newOrgIds=1,2&hostKind=enterprise&divisionCode=…&parentId=… */
function prefillFrom(params: URLSearchParams) {
  const ids = (params.get('newOrgIds') ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const parentId = Number(params.get('parentId'));
  return {
    formation: pick<Formation>(formations, params.get('formation')),
    hostKind: pick<HostKind>(hostKinds, params.get('hostKind')),
    kind: pick<OrgKind>(orgKinds, params.get('kind')),
    divisionCode: /^\d{2,12}$/.test(params.get('divisionCode') ?? '') ? params.get('divisionCode')! : undefined,
    parentId: Number.isInteger(parentId) && parentId > 0 ? parentId : undefined,
    name: params.get('name') ?? undefined,
    newOrgIds: [...new Set(ids)].slice(0, 50),
  };
}

/** 新建党组织: a full page (it has many fields on a phone); the blank-spot page links here with units to cover. */
export function OrgCreatePage() {
  const [params] = useSearchParams();
  const prefill = useMemo(() => prefillFrom(params), [params]);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOrg();
  const units = useNewOrgsById(prefill.newOrgIds);
  const division = useDivision(prefill.divisionCode);
  const known = units.flatMap((u, i) => (u.data ? [{ id: u.data.id, name: u.data.name, hint: u.data.coverage ? `已由${u.data.coverage.orgName}覆盖` : u.data.divisionName }] : [{ id: prefill.newOrgIds[i]!, name: `单位 ${prefill.newOrgIds[i]}` }]));
  const takenUnits = units.flatMap((u) => (u.data?.coverage ? [u.data] : []));

  const initialValues: Partial<OrgFormValues> = {
    name: prefill.name,
    kind: prefill.kind ?? 'branch',
    parentId: prefill.parentId ?? null,
    divisionCode: prefill.divisionCode ? prefill.divisionCode.padEnd(12, '0') : undefined,
    hostKind: prefill.hostKind ?? (prefill.newOrgIds.length ? 'enterprise' : 'organ'),
    formation: prefill.formation ?? (prefill.newOrgIds.length > 1 ? 'joint' : 'standalone'),
    coveredNewOrgIds: prefill.newOrgIds,
    approvalPower: false,
    mayDevelop: 'none',
    decidedOn: dayjs(),
    establishedOn: dayjs(),
  };

  const submit = (v: OrgFormValues) => {
    setError(null);
    const mobile = v.hostKind === 'mobileOrg';
    const input: CreateOrgInput = {
      name: v.name.trim(),
      kind: v.kind,
      parentId: v.parentId ?? null,
      divisionCode: v.divisionCode,
      hostKind: v.hostKind,
      formation: v.formation,
      attachedToId: v.formation === 'attached' ? (v.attachedToId ?? null) : null,
      coveredNewOrgIds: mobile ? [] : (v.coveredNewOrgIds ?? []),
      approvalPower: v.kind === 'committee' && !!v.approvalPower,
      locatedDivisionCode: mobile ? (v.locatedDivisionCode ?? null) : null,
      mayDevelop: mobile && v.mayDevelop && v.mayDevelop !== 'none' ? { value: v.mayDevelop === 'yes', decidedBy: (v.decidedBy ?? '').trim(), decidedOn: isoDate(v.decidedOn) ?? '' } : null,
      establishedOn: isoDate(v.establishedOn),
    };
    create.mutate(input, {
      onSuccess: (org) => {
        void message.success(`已新建“${org.name}”`);
        void navigate(`/orgs/${org.id}`);
      },
      onError: (e) => setError(applyServerError(form, e, orgFormFields)),
    });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Flex align="center" gap={8} wrap>
        <Link to="/orgs">
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回党组织" />
        </Link>
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          新建党组织
        </Typography.Title>
      </Flex>
      {takenUnits.length > 0 && (
        <Alert type="warning" showIcon title={`${takenUnits.map((u) => `“${u.name}”已由“${u.coverage!.orgName}”覆盖`).join('；')}。一个单位同一时间只能由一个党组织覆盖。`} />
      )}
      <Card size="small">
        {(prefill.divisionCode && division.isLoading) ? null : (
          <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues} data-testid="org-create-form" scrollToFirstError>
            <OrgFields form={form} mode="create" knownUnits={known} division={division.data} />
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Flex gap={8} justify="flex-end">
              <Link to="/orgs">
                <Button>取消</Button>
              </Link>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                新建
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
