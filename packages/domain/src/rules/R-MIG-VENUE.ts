import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-VENUE', name: '流动人员向规定的党组织申请', aliasOf: ['R-APP-VENUE'], versions: ['V2014', 'V2026'], severity: 'WARN', source: `${DOC}第六条`, step: 1 });
