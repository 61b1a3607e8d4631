// Identity resolution's public entry: the incremental index that groups the corpus's person mentions into
// people with stable ids, one document at a time. Import identity from here; the other files are its parts.
export { IdentityIndex, type IdentityChanges } from './identityIndex';
