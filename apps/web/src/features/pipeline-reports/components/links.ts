/** The dossier list (built by the dossier pages) with the board's filters: an organization and all below it, a stage. */
export function dossierListUrl(filter: { orgId?: number | undefined; subtree?: boolean; stage?: number | undefined; status?: string | undefined }): string {
  const params = new URLSearchParams();
  if (filter.orgId) params.set('orgId', String(filter.orgId));
  if (filter.orgId && filter.subtree) params.set('subtree', '1');
  if (filter.stage) params.set('stage', String(filter.stage));
  if (filter.status) params.set('status', filter.status);
  const text = params.toString();
  return `/dossiers${text ? `?${text}` : ''}`;
}

export const dossierUrl = (id: number) => `/dossiers/${id}`;
