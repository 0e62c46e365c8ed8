export * from './table.js';
export * from './regions.js';
export * from './miyun.js';
export * from './people.js';
export * from './industry.js';
export * from './skills.js';
export * from './union.js';
