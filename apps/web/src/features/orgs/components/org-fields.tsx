import { formationLabels, formations, hostKindLabels, hostKinds, orgKindLabels, orgKinds, type Formation, type HostKind, type OrgKind } from '@xinxue/domain';
import { Alert, DatePicker, Form, Input, Radio, Select, Switch, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSession } from '../../auth/session-context';
import type { Division } from '../../divisions/api/get-division';
import { DivisionSearchSelect } from '../../divisions/components/division-search-select';
import { coveringHosts, notFuture } from '../org-labels';
import type { OrgNode } from '../org-tree-data';
import { NewOrgPicker, type KnownUnit } from './new-org-picker';
import { OrgPicker } from './org-picker';

/** The values of the create form and the change form (dates as Dayjs). */
export interface OrgFormValues {
  name: string;
  kind: OrgKind;
  parentId: number | null;
  divisionCode: string;
  hostKind: HostKind;
  formation: Formation;
  attachedToId: number | null;
  coveredNewOrgIds: number[];
  approvalPower: boolean;
  locatedDivisionCode: string | null;
  establishedOn: Dayjs;
  /** Create only: the mobile organization's decision ('none' = not decided yet). */
  mayDevelop?: 'none' | 'yes' | 'no';
  decidedBy?: string;
  decidedOn?: Dayjs;
  /** Change only: when the change takes effect, and why. */
  effectiveOn?: Dayjs;
  reason?: string;
}

export const orgFormFields = ['name', 'kind', 'parentId', 'divisionCode', 'hostKind', 'formation', 'attachedToId', 'coveredNewOrgIds', 'approvalPower', 'locatedDivisionCode', 'establishedOn', 'mayDevelop', 'decidedBy', 'decidedOn', 'effectiveOn', 'reason'];

const formationHelp: Record<Formation, string> = {
  standalone: '单位党员3名以上，单独建立党组织；最多覆盖1个单位',
  joint: '几个单位党员不足3名，联合建立党组织；须选择至少2个覆盖单位',
  attached: '挂靠在村（社区）、园区、主管部门等党组织；须选择挂靠的党组织',
};

/** A parent can be a 党委 or 党总支 (a 党支部 has no sub-organizations). */
const mayBeParent = (node: OrgNode) => node.org.kind !== 'branch';

interface Props {
  form: FormInstance<OrgFormValues>;
  mode: 'create' | 'change';
  /** The organization being changed (it cannot move under itself). */
  selfId?: number;
  /** Covered units known by name (current coverage, or those a link asked for). */
  knownUnits?: KnownUnit[];
  /** The current division, so the select shows its name. */
  division?: Division | undefined;
  locatedDivision?: Division | undefined;
}

/** The organization's fields, showing only what its formation and host call for. */
export function OrgFields({ form, mode, selfId, knownUnits, division, locatedDivision }: Props) {
  const { user } = useSession();
  const kind = Form.useWatch('kind', form);
  const hostKind = Form.useWatch('hostKind', form);
  const formation = Form.useWatch('formation', form);
  const covered = Form.useWatch('coveredNewOrgIds', form) ?? [];
  const mayDevelop = Form.useWatch('mayDevelop', form);
  const covers = hostKind ? coveringHosts.includes(hostKind) : true;
  const needsUnits = formation === 'joint' || (formation === 'attached' && (hostKind === 'enterprise' || hostKind === 'socialOrg'));

  return (
    <>
      <Form.Item name="name" label="党组织名称" rules={[{ required: true, whitespace: true, message: '请输入党组织名称' }, { max: 80, message: '名称不超过80个字' }]}>
        <Input placeholder="如：中共××有限公司支部委员会" maxLength={80} />
      </Form.Item>
      <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
        <Radio.Group optionType="button" options={orgKinds.map((k) => ({ value: k, label: orgKindLabels[k] }))} />
      </Form.Item>
      <Form.Item name="parentId" label="上级党组织" extra={user.scope.orgId ? '您的管辖范围是一个党组织及其下级，须选择上级党组织' : undefined}>
        <OrgPicker exclude={selfId} selectable={mayBeParent} placeholder="选择上级党委或党总支" />
      </Form.Item>
      <Form.Item name="divisionCode" label="所在行政区划" rules={[{ required: true, message: '请选择所在行政区划' }]} extra={hostKind === 'mobileOrg' ? '流动党组织的所在区划填写其党员的流出地（本市）' : undefined}>
        <DivisionSearchSelect within={user.scope.divisionPrefix} initialOptions={division ? [division] : []} placeholder="输入区、乡镇、村（社区）名称查找" />
      </Form.Item>
      <Form.Item name="hostKind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
        <Select options={hostKinds.map((h) => ({ value: h, label: hostKindLabels[h] }))} />
      </Form.Item>
      <Form.Item name="formation" label="组建方式" rules={[{ required: true, message: '请选择组建方式' }]} extra={formation ? formationHelp[formation] : undefined}>
        <Radio.Group optionType="button" options={formations.map((f) => ({ value: f, label: formationLabels[f] }))} />
      </Form.Item>
      {formation === 'attached' && (
        <Form.Item name="attachedToId" label="挂靠的党组织" rules={[{ required: true, message: '挂靠组建须选择挂靠的党组织' }]}>
          <OrgPicker exclude={selfId} placeholder="如所在社区党委、园区党工委" />
        </Form.Item>
      )}
      {covers && (
        <Form.Item
          name="coveredNewOrgIds"
          label={`覆盖的非公企业、社会组织${covered.length ? `（${covered.length}个）` : ''}`}
          rules={needsUnits ? [{ required: true, type: 'array', min: formation === 'joint' ? 2 : 1, message: formation === 'joint' ? '联合组建须选择至少2个覆盖单位' : '挂靠组建须选择至少1个覆盖单位' }] : []}
          extra={formation === 'standalone' ? '单独组建最多覆盖1个单位' : undefined}
        >
          <NewOrgPicker known={knownUnits} />
        </Form.Item>
      )}
      {kind === 'committee' && (
        <Form.Item name="approvalPower" label="审批发展党员" valuePropName="checked" extra="党委才有审批权；乡镇（街道）党委下属的基层党委没有审批权">
          <Switch checkedChildren="有审批权" unCheckedChildren="无" />
        </Form.Item>
      )}
      {hostKind === 'mobileOrg' && (
        <>
          <Form.Item name="locatedDivisionCode" label="驻在地（本市以外）" rules={[{ required: true, message: '请选择驻在地' }]}>
            <DivisionSearchSelect initialOptions={locatedDivision ? [locatedDivision] : []} placeholder="输入城市或区县名称，如 深圳、东莞" />
          </Form.Item>
          {mode === 'create' && (
            <>
              <Form.Item name="mayDevelop" label="是否具备发展党员条件" extra="不具备的只能接收入党申请、培养教育积极分子，须及时把材料转交有关党组织">
                <Radio.Group
                  options={[
                    { value: 'none', label: '暂未认定' },
                    { value: 'yes', label: '具备' },
                    { value: 'no', label: '不具备' },
                  ]}
                />
              </Form.Item>
              {mayDevelop && mayDevelop !== 'none' && (
                <>
                  <Form.Item name="decidedBy" label="认定单位" rules={[{ required: true, whitespace: true, message: '请填写作出认定的党组织或部门' }]}>
                    <Input maxLength={50} placeholder="如：中共夷陵区委组织部" />
                  </Form.Item>
                  <Form.Item name="decidedOn" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={notFuture()} />
                  </Form.Item>
                </>
              )}
            </>
          )}
        </>
      )}
      <Form.Item name="establishedOn" label="成立日期" rules={[{ required: true, message: '请选择成立日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={notFuture()} allowClear={false} />
      </Form.Item>
      {mode === 'change' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          每项修改都作为一条带日期的记录写入历史沿革。
        </Typography.Paragraph>
      )}
      {hostKind === 'mobileOrg' && formation === 'joint' && <Alert type="info" showIcon title="市外流动党组织不覆盖非公企业和社会组织，组建方式请选单独组建或挂靠组建" style={{ marginBottom: 16 }} />}
    </>
  );
}
