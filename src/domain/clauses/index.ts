// The model form and its clause library.
export * from './numbers';
export * from './library';
export * from './model-form';
