import { SearchOutlined } from '@ant-design/icons';
import { Empty, Flex, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { OrgKind } from '../api/get-orgs';
import { matchWithAncestors, type OrgForest, type OrgNode } from '../org-tree-data';

const kindColors: Record<OrgKind, string> = { committee: 'red', generalBranch: 'orange', branch: 'gold' };

interface Props {
  forest: OrgForest;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
}

function toTreeData(nodes: OrgNode[], visible: Set<number> | null): TreeDataNode[] {
  return nodes
    .filter((node) => !visible || visible.has(node.key))
    .map((node) => ({
      key: node.key,
      title: (
        <span>
          <Tag color={kindColors[node.org.kind]} style={{ marginInlineEnd: 6 }}>
            {node.org.kindLabel}
          </Tag>
          {node.org.name}
        </span>
      ),
      children: toTreeData(node.children, visible),
      isLeaf: node.children.length === 0,
    }));
}

/** Up to a couple of thousand organizations: a virtual tree with a name search that keeps the parent chain. */
export function OrgTree({ forest, selectedId, onSelect }: Props) {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim());
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(() => forest.roots.map((r) => r.key));

  const { treeData, searchExpanded } = useMemo(() => {
    if (!query) return { treeData: toTreeData(forest.roots, null), searchExpanded: null };
    const { visible, expanded } = matchWithAncestors(forest, query);
    return { treeData: toTreeData(forest.roots, visible), searchExpanded: expanded };
  }, [forest, query]);

  // A search opens the branches leading to its matches; the user can still fold them afterwards.
  useEffect(() => {
    if (searchExpanded) setExpandedKeys(searchExpanded);
  }, [searchExpanded]);

  return (
    <Flex vertical gap={12}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="按党组织或所在区划名称查找"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {treeData.length === 0 ? (
        <Empty description="没有找到匹配的党组织" />
      ) : (
        <Tree
          treeData={treeData}
          height={520}
          blockNode
          showLine
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpandedKeys(keys)}
          selectedKeys={selectedId === null ? [] : [selectedId]}
          onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : null)}
        />
      )}
    </Flex>
  );
}
