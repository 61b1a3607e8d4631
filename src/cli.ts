// corpus-navigator: the core's command line. Filled in by the core issue.
console.error('corpus-navigator: not implemented yet');
process.exit(2);
