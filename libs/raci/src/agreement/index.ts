export * from './snapshot';
export * from './verify';
export * from './describe';
export * from './signoff';
export * from './review';
