// Bringing in the pairs that exist: MOI's list read column by column, cell by cell, row by row (pure).
export * from './columns';
export * from './cells';
export * from './rows';
