export * from './codes.js';
export * from './doc-no.js';
export * from '../money.js';
