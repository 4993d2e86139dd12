import { aliasRule } from './alias.ts';
import { DOC } from './helpers.ts';

export const rule = aliasRule({ id: 'R-MIG-NOTICE-2PLACES', name: '流动人员两地同时公示', aliasOf: ['R-PUB-CANDIDATE-2PLACES'], versions: ['V2026'], severity: 'BLOCK', source: `${DOC}（2026年）第十三条`, step: 7 });
