export * from './canonical-json';
export * from './raci';
export * from './roles';
