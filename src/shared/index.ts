// Pure, browser-safe helpers shared by the server and the web UI.
export * from './result.js';
export * from './text.js';
export * from './dates.js';
export * from './idcard.js';
export * from './uscc.js';
export * from './phone.js';
export * from './password.js';
export * from './codes/index.js';
