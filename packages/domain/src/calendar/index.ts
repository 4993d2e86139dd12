export * from './dates.ts';
export * from './working-days.ts';
