import { formationLabels, hostKindLabels, orgKindLabels } from '@xinxue/domain';
import { Empty, Flex, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import type { OrgTreeItem } from '../api/get-org-tree';
import { formationColors, kindColors } from '../org-labels';
import { matchWithAncestors, type OrgForest, type OrgNode } from '../org-tree-data';

interface Props {
  forest: OrgForest;
  /** Which organizations the filters keep; their parents stay to show where they sit. */
  matches: ((org: OrgTreeItem) => boolean) | null;
  onOpen: (id: number) => void;
}

function title(org: OrgTreeItem, dimmed: boolean) {
  return (
    <span style={{ opacity: dimmed ? 0.55 : 1 }}>
      <Tag color={kindColors[org.kind]} style={{ marginInlineEnd: 4 }}>
        {orgKindLabels[org.kind]}
      </Tag>
      {org.name}
      {org.hostKind !== 'organ' && org.hostKind !== 'village' && org.hostKind !== 'community' && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          {hostKindLabels[org.hostKind]}
        </Typography.Text>
      )}
      {org.formation !== 'standalone' && (
        <Tag color={formationColors[org.formation]} style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          {formationLabels[org.formation]}
        </Tag>
      )}
      {org.approvalPower && (
        <Tag color="red" bordered={false} style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
          审批权
        </Tag>
      )}
      {org.status !== 'active' && (
        <Tag style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>{org.status === 'merged' ? '已合并' : '已撤销'}</Tag>
      )}
    </span>
  );
}

function toTreeData(nodes: OrgNode[], visible: Set<number> | null, matched: ((org: OrgTreeItem) => boolean) | null): TreeDataNode[] {
  return nodes
    .filter((node) => !visible || visible.has(node.key))
    .map((node) => ({
      key: node.key,
      title: title(node.org, Boolean(matched && !matched(node.org))),
      children: toTreeData(node.children, visible, matched),
      isLeaf: node.children.length === 0,
    }));
}

/** Thousands of organizations: a virtual tree; filters keep the matches and the chain of parents leading to them. */
export function OrgTree({ forest, matches, onOpen }: Props) {
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(() => forest.roots.map((r) => r.key));
  const { treeData, filterExpanded, count } = useMemo(() => {
    if (!matches) return { treeData: toTreeData(forest.roots, null, null), filterExpanded: null, count: forest.byId.size };
    const { visible, expanded, count } = matchWithAncestors(forest, matches);
    return { treeData: toTreeData(forest.roots, visible, matches), filterExpanded: count <= 300 ? expanded : null, count };
  }, [forest, matches]);

  // A filter opens the branches leading to its matches (unless there are very many); the user can still fold them.
  useEffect(() => {
    if (filterExpanded) setExpandedKeys(filterExpanded);
  }, [filterExpanded]);

  if (treeData.length === 0) return <Empty description="没有符合条件的党组织" />;
  return (
    <Flex vertical gap={8}>
      {matches && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          符合条件 {count} 个（灰色为其上级）
        </Typography.Text>
      )}
      <Tree
        data-testid="org-tree"
        treeData={treeData}
        height={560}
        blockNode
        showLine
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={[]}
        onSelect={(keys) => keys.length && onOpen(Number(keys[0]))}
      />
    </Flex>
  );
}
