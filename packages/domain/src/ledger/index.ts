export * from './columns.ts';
export * from './five-items.ts';
export * from './ledger-row.ts';
export * from './match.ts';
export * from './normalize.ts';
