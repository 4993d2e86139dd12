import type { QueryClient } from '@tanstack/react-query';
import { orgQueryKey, type OrgDetail } from './get-org';
import { orgsQueryKey } from './get-orgs';

/**
 * After any organization write: the written detail goes straight into the cache, and everything
 * that counts organizations or coverage (the tree, lists, the home page, the new-organization
 * registry and its blank spots) is fetched again.
 */
export async function afterOrgWrite(queryClient: QueryClient, detail?: OrgDetail): Promise<void> {
  if (detail) queryClient.setQueryData(orgQueryKey(detail.id), detail);
  await Promise.all(
    [orgsQueryKey, ['home'], ['new-orgs'], ['coverage'], ['mobile-orgs']].map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: 'active' })),
  );
}
