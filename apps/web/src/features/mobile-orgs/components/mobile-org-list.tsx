import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Flex, Grid, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../lib/authorization';
import type { MobileOrg } from '../api/get-mobile-orgs';
import { HomeAreasModal } from './home-areas-modal';

function MayDevelop({ org }: { org: MobileOrg }) {
  if (org.mayDevelop === null) return <Tag>未认定</Tag>;
  const title = [org.mayDevelopDecidedBy, org.mayDevelopDecidedOn].filter(Boolean).join(' ');
  return (
    <Tag color={org.mayDevelop ? 'green' : 'default'} title={title} style={{ marginInlineEnd: 0 }}>
      {org.mayDevelop ? '可发展党员' : '不发展党员'}
    </Tag>
  );
}

function HomeAreas({ org }: { org: MobileOrg }) {
  if (!org.homeAreas.length) return <Typography.Text type="warning">未设置</Typography.Text>;
  return (
    <Flex wrap gap={4}>
      {org.homeAreas.map((a) => (
        <Tag key={a.code} color="blue" style={{ marginInlineEnd: 0 }}>
          {a.name}
        </Tag>
      ))}
    </Flex>
  );
}

/** 市外流动党组织名册: where each is, whom it serves, its members; home areas editable by whoever set it up. */
export function MobileOrgList({ items }: { items: MobileOrg[] }) {
  const screens = Grid.useBreakpoint();
  const canWrite = useCan('orgs:write');
  const [editing, setEditing] = useState<MobileOrg | null>(null);
  const editButton = (org: MobileOrg) =>
    canWrite && org.owned && org.status === 'active' ? (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(org)} aria-label={`设置${org.name}服务的原籍地`}>
        原籍地
      </Button>
    ) : null;

  const columns: TableColumnsType<MobileOrg> = [
    {
      title: '党组织',
      dataIndex: 'name',
      render: (name: string, org) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {org.kindLabel} · {org.divisionName}组建{org.status !== 'active' ? ` · ${org.statusLabel}` : ''}
            {org.owned ? '' : ' · 服务本辖区'}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '所在地', dataIndex: 'locationName' },
    { title: '服务的原籍地', key: 'homeAreas', render: (_: unknown, org) => <HomeAreas org={org} /> },
    { title: '正式党员', key: 'full', align: 'right', render: (_: unknown, org) => org.members.full },
    { title: '预备党员', key: 'probationary', align: 'right', render: (_: unknown, org) => org.members.probationary },
    { title: '书记', dataIndex: 'secretary', render: (s: string | null) => s ?? '—' },
    { title: '发展党员', key: 'mayDevelop', render: (_: unknown, org) => <MayDevelop org={org} /> },
    { title: '', key: 'actions', render: (_: unknown, org) => editButton(org) },
  ];

  if (!items.length) return <Empty description="管辖范围内还没有市外流动党组织（在“党组织”中新建，类型选市外流动党组织）" />;
  return (
    <>
      {screens.md ? (
        <Table<MobileOrg> rowKey="id" size="small" columns={columns} dataSource={items} pagination={items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false} data-testid="mobile-org-table" />
      ) : (
        <Row gutter={[12, 12]} data-testid="mobile-org-cards">
          {items.map((org) => (
            <Col key={org.id} xs={24}>
              <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{org.name}</span>} extra={editButton(org)}>
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label="所在地">{org.locationName}</Descriptions.Item>
                  <Descriptions.Item label="组建地">{org.divisionName}</Descriptions.Item>
                  <Descriptions.Item label="原籍地"><HomeAreas org={org} /></Descriptions.Item>
                  <Descriptions.Item label="党员">正式 {org.members.full} · 预备 {org.members.probationary}{org.secretary ? ` · 书记 ${org.secretary}` : ''}</Descriptions.Item>
                  <Descriptions.Item label="发展党员"><MayDevelop org={org} /></Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {editing && <HomeAreasModal org={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
