import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-REVIEW-2PLACES', name: '流动人员政审听取两地意见', aliasOf: ['R-REVIEW-MIGRANT'], versions: ['V2014', 'V2026'], severity: 'BLOCK', source: `${DOC}第十六条`, step: 10 });
