import type { OrgTreeItem } from './api/get-org-tree';

export interface OrgNode {
  key: number;
  org: OrgTreeItem;
  children: OrgNode[];
}

export interface OrgForest {
  roots: OrgNode[];
  byId: Map<number, OrgNode>;
  parentOf: Map<number, number>;
}

/** Organizations whose parent lies outside the user's scope become roots of their own. */
export function buildOrgForest(orgs: readonly OrgTreeItem[]): OrgForest {
  const byId = new Map<number, OrgNode>(orgs.map((org) => [org.id, { key: org.id, org, children: [] }]));
  const parentOf = new Map<number, number>();
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.org.parentId === null ? undefined : byId.get(node.org.parentId);
    if (parent) {
      parent.children.push(node);
      parentOf.set(node.key, parent.key);
    } else {
      roots.push(node);
    }
  }
  return { roots, byId, parentOf };
}

/** The ids to show for a filter: every match and the chain of parents leading to it. */
export function matchWithAncestors(forest: OrgForest, matches: (org: OrgTreeItem) => boolean): { visible: Set<number>; expanded: number[]; count: number } {
  const visible = new Set<number>();
  const expanded = new Set<number>();
  let count = 0;
  for (const node of forest.byId.values()) {
    if (!matches(node.org)) continue;
    count += 1;
    visible.add(node.key);
    for (let parent = forest.parentOf.get(node.key); parent !== undefined; parent = forest.parentOf.get(parent)) {
      visible.add(parent);
      expanded.add(parent);
    }
  }
  return { visible, expanded: [...expanded], count };
}

/** The ids of an organization and everything below it (a parent cannot move under these). */
export function subtreeIds(forest: OrgForest, id: number): Set<number> {
  const ids = new Set<number>();
  const walk = (node: OrgNode | undefined) => {
    if (!node) return;
    ids.add(node.key);
    node.children.forEach(walk);
  };
  walk(forest.byId.get(id));
  return ids;
}
