import { Card, Col, Row, Statistic } from 'antd';
import { roleLabels, roles } from '@xinxue/domain';
import { useMemo } from 'react';
import { BarChart } from '../../../components/chart';
import type { UserAccount } from '../api/get-users';

export function UsersSummary({ users }: { users: UserAccount[] }) {
  const byRole = useMemo(() => {
    const present = roles.filter((role) => users.some((u) => u.role === role));
    return { categories: present.map((role) => roleLabels[role]), data: present.map((role) => users.filter((u) => u.role === role).length) };
  }, [users]);
  const locked = users.filter((u) => u.locked).length;
  const disabled = users.filter((u) => u.disabled).length;
  const withTotp = users.filter((u) => u.totpEnabled).length;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Row gutter={[16, 16]}>
          <Col span={12}>
            <Card size="small"><Statistic title="账号总数" value={users.length} /></Card>
          </Col>
          <Col span={12}>
            <Card size="small"><Statistic title="已启用动态口令" value={withTotp} suffix={`/ ${users.length}`} /></Card>
          </Col>
          <Col span={12}>
            <Card size="small"><Statistic title="已锁定" value={locked} styles={{ content: locked ? { color: '#cf1322' } : {} }} /></Card>
          </Col>
          <Col span={12}>
            <Card size="small"><Statistic title="已停用" value={disabled} /></Card>
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="各角色账号数">
          <BarChart testId="users-role-chart" categories={byRole.categories} series={[{ name: '账号', data: byRole.data }]} />
        </Card>
      </Col>
    </Row>
  );
}
