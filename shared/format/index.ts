export * from './collate';
export * from './dates';
export * from './numbers';
export * from './lists';
export * from './citation';
