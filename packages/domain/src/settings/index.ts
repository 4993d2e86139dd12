export * from './city-settings.ts';
export * from './resolve.ts';
