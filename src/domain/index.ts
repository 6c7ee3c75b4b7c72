// The pure domain of MOU Engine: types, schemas and rules, with no framework imports.
export * from './bilingual';
export * from './errors';
export * from './agreement';
export * from './comment';
export * from './roles';
export * from './fixture';
export * from './catalogue/areas';
export * from './catalogue/provinces';
