export * from './categories.js';
export * from './periods.js';
export * from './status.js';
