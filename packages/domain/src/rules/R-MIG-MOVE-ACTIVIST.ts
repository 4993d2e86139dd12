import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-MOVE-ACTIVIST', name: '流动的积极分子转移时移交材料', aliasOf: ['R-ACT-MOVE'], versions: ['V2014', 'V2026'], severity: 'BLOCK', source: `${DOC}第十二条`, step: 6 });
