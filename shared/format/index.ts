export * from './collate';
export * from './dates';
export * from './numbers';
