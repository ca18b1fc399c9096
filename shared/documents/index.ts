export * from './edition';
export * from './leak-check';
export * from './model';
export * from './references';
export * from './render';
