// corpus-navigator: the core's command line (see src/cliMain.ts and `corpus-navigator --help`).
import { main } from './cliMain';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corpus-navigator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
