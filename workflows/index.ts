// The approval workflow: the statechart, its events, who may send them, and its diagram.
export * from './agreement-machine';
export * from './events';
export * from './permissions';
export * from './available';
export * from './structure';
export * from './diagram';
