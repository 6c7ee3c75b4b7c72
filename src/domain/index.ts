// The pure domain of MOU Engine: types, schemas and rules, with no framework imports.
export * from './bilingual';
export * from './errors';
export * from './agreement';
export * from './comment';
export * from './roles';
export * from './fixture';
export * from './catalogue/areas';
export * from './catalogue/provinces';
export * from './canonical-json';
export * from './resolution';
export * from './signing';
export * from './version';
export * from './history';
export * from './aggregate';
export * from './validation/issues';
export * from './validation/content';
export * from './validation/steps';
