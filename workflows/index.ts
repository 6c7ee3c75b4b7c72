// The approval workflow: the statechart, its events, who may send them, its diagram, and the migrations of its snapshots.
export * from './agreement-machine';
export * from './events';
export * from './permissions';
export * from './available';
export * from './capabilities';
export * from './structure';
export * from './diagram';
export * from './migrations';
