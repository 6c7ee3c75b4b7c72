// After signing: activities (action plan and reports), attached files, the term and its renewals.
export * from './activity';
export * from './file-type';
export * from './term';
