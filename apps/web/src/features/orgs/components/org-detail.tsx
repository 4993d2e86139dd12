import { Card, Descriptions, Empty, Typography } from 'antd';
import type { Org } from '../api/get-orgs';
import type { OrgForest } from '../org-tree-data';

interface Props {
  org: Org | null;
  forest: OrgForest;
  onSelect: (id: number) => void;
}

export function OrgDetail({ org, forest, onSelect }: Props) {
  if (!org) {
    return (
      <Card size="small" title="组织详情">
        <Empty description="在左侧选择一个党组织查看详情" />
      </Card>
    );
  }
  const node = forest.byId.get(org.id);
  const parent = org.parentId === null ? undefined : forest.byId.get(org.parentId)?.org;
  return (
    <Card size="small" title={org.name}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="类型">{org.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="所在区划">
          {org.divisionName}
          <Typography.Text type="secondary">（{org.divisionCode}）</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="上级党组织">
          {parent ? <a onClick={() => onSelect(parent.id)}>{parent.name}</a> : org.parentId === null ? '无' : '不在您的管辖范围内'}
        </Descriptions.Item>
        <Descriptions.Item label="直属下级">{node?.children.length ?? 0} 个</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
