import { Alert, App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session-context';
import { useDivisionSearch } from '../../divisions/api/search-divisions';
import type { MobileOrg } from '../api/get-mobile-orgs';
import { useSetHomeAreas } from '../api/set-home-areas';

/** The home areas a mobile organization serves: counties, townships or villages of the city, inside the user's scope. */
export function HomeAreasModal({ org, onClose }: { org: MobileOrg; onClose: () => void }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const [codes, setCodes] = useState<string[]>(org.homeAreas.map((a) => a.code));
  const [known, setKnown] = useState(() => new Map(org.homeAreas.map((a) => [a.code, a.name])));
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim());
  const search = useDivisionSearch({ q, within: user.scope.divisionPrefix });
  const [error, setError] = useState<string | null>(null);
  const save = useSetHomeAreas();

  const found = (q ? (search.data?.items ?? []) : []).filter((d) => d.level !== 'province');
  const options = [
    ...codes.map((code) => ({ value: code, label: known.get(code) ?? code })),
    ...found.filter((d) => !codes.includes(d.code)).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
  ];

  const submit = () => {
    setError(null);
    save.mutate(
      { id: org.id, homeAreas: codes },
      {
        onSuccess: (saved) => {
          void message.success(`已保存“${saved.name}”服务的原籍地`);
          onClose();
        },
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Modal open title={`服务的原籍地：${org.name}`} okText="保存" cancelText="取消" onOk={submit} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        选择这个流动党组织联系服务的外出人员来自哪些县（市、区）、乡镇（街道）或村（社区）。对照分析据此判断当地的外出人员是否已有流动党组织覆盖。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="原籍地" help="输入名称查找，可选多个">
          <Select
            mode="multiple"
            aria-label="原籍地"
            value={codes}
            onChange={(next: string[]) => {
              const names = new Map(known);
              for (const d of found) names.set(d.code, d.name);
              setKnown(names);
              setCodes(next);
              setText('');
            }}
            showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
            loading={search.isFetching}
            notFoundContent={q ? (search.isFetching ? '查找中…' : '没有找到') : '输入乡镇、村（社区）名称查找'}
            options={options}
            style={{ width: '100%' }}
            placeholder="如：小溪塔街道"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
