import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-MOVE-PROBATIONER', name: '流动的预备党员转移与推迟转正', aliasOf: ['R-TRANSFER-PROB', 'R-TRANSFER-POSTPONE'], versions: ['V2014', 'V2026'], severity: 'BLOCK', source: `${DOC}第三十四条、第三十五条`, step: 21 });
