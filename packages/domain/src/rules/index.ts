export * from './types.ts';
export * from './registry.ts';
export * from './engine.ts';
export * from './explain.ts';
export * from './rule-table.ts';
export * from './not-implemented.ts';
export * from './labels.ts';
