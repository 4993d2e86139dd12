import type { Org } from './api/get-orgs';

export interface OrgNode {
  key: number;
  org: Org;
  children: OrgNode[];
}

export interface OrgForest {
  roots: OrgNode[];
  byId: Map<number, OrgNode>;
  parentOf: Map<number, number>;
}

/** Organizations whose parent lies outside the user's scope become roots of their own. */
export function buildOrgForest(orgs: readonly Org[]): OrgForest {
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

/** The ids to show for a name search: every match and the chain of parents leading to it. */
export function matchWithAncestors(forest: OrgForest, text: string): { visible: Set<number>; expanded: number[] } {
  const visible = new Set<number>();
  const expanded = new Set<number>();
  for (const node of forest.byId.values()) {
    if (!node.org.name.includes(text) && !node.org.divisionName.includes(text)) continue;
    visible.add(node.key);
    for (let parent = forest.parentOf.get(node.key); parent !== undefined; parent = forest.parentOf.get(parent)) {
      visible.add(parent);
      expanded.add(parent);
    }
  }
  return { visible, expanded: [...expanded] };
}
