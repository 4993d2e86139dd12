import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-LEAVING', name: '流动人员三个月内离开单位', aliasOf: ['R-LEAVE-3M'], versions: ['V2014', 'V2026'], severity: 'WARN', source: `${DOC}第十八条`, step: 13 });
