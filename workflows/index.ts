// The approval workflow: the statechart, its events, who may send them, what each actor may do now, its structure
// (the diagram is drawn from it), and the migrations of its snapshots.
export * from './agreement-machine';
export * from './events';
export * from './effects';
export * from './permissions';
export * from './available';
export * from './capabilities';
export * from './structure';
export * from './migrations';
