import { orgKindLabels } from '@xinxue/domain';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgTree } from '../api/get-org-tree';
import { buildOrgForest, subtreeIds, type OrgNode } from '../org-tree-data';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Left out with everything below it (an organization cannot sit under itself). */
  exclude?: number;
  /** Only these can be chosen (others show, greyed, to keep the tree readable). */
  selectable?: (node: OrgNode) => boolean;
  placeholder?: string;
  id?: string;
}

interface Option {
  value: number;
  title: string;
  disabled: boolean;
  children: Option[];
}

/** Picks an active organization in scope from the tree, searching by name. */
export function OrgPicker({ value, onChange, exclude, selectable, placeholder, id }: Props) {
  const tree = useOrgTree();
  const options = useMemo(() => {
    const forest = buildOrgForest(tree.data?.items ?? []);
    const hidden = exclude ? subtreeIds(forest, exclude) : new Set<number>();
    const toOptions = (nodes: OrgNode[]): Option[] =>
      nodes
        .filter((n) => !hidden.has(n.key))
        .map((n) => ({ value: n.key, title: `${n.org.name}（${orgKindLabels[n.org.kind]}）`, disabled: selectable ? !selectable(n) : false, children: toOptions(n.children) }));
    return toOptions(forest.roots);
  }, [tree.data, exclude, selectable]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      treeData={options}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      loading={tree.isLoading}
      placeholder={placeholder ?? '输入名称查找党组织'}
      listHeight={320}
      style={{ width: '100%' }}
    />
  );
}
