export * from './edition';
export * from './leak-check';
export * from './model';
export * from './render';
