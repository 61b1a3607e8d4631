export * from './gender';
export * from './honorifics';
export * from './titles';
export * from './firstNames';
export * from './places';
export * from './organisations';
export * from './common';
