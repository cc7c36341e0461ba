export * from './canonical-json';
export * from './raci';
