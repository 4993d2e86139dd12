import type { DossierStatus } from './api/dossier';

/** How a dossier's status is shown (list, page, person card). */
export const dossierStatusView: Record<DossierStatus, { color: string; label: string }> = {
  active: { color: 'blue', label: '办理中' },
  withdrawn: { color: 'default', label: '已撤回' },
  notRecognized: { color: 'red', label: '不予承认' },
  member: { color: 'green', label: '已转为正式党员' },
};
