export * from './iin/iin.js';
export * from './domain/roles.js';
export * from './domain/resources.js';
export * from './domain/appeals.js';
export * from './domain/password.js';
export * from './permissions/abilities.js';
