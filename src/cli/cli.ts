// corpus-navigator: the core's command line (see src/cli/main.ts and `corpus-navigator --help`).
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corpus-navigator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
