/** Help texts of the `monitor` command and its subcommands. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version of the CLI package. */
export const VERSION: string = (require('../package.json') as { version: string }).version;

export const HELP = {
    main: `monitor ${VERSION} — monitoring as code for the Dutch social domain

Usage: monitor <command> [options]

Commands:
  check <files or folders…>   Validate .monitor files: syntax, references, meaning and the real data files.
  run <file>                  Compute the indicators of a monitor and print the rows.

Options for every command:
  --lang en|nl    Language of messages (default: from MONITOR_LANG or LANG).
  --debug         Print a stack trace for internal errors.
  --help          Help for a command: monitor <command> --help
  --version       Print the version.

Exit codes: 0 clean, 1 findings (errors), 2 usage or internal error.
`,
    check: `Usage: monitor check <files or folders…> [--format text|json] [--no-data] [--root DIR]

Validates .monitor files in four stages: syntax, references, meaning, and the data stage
(the declared files exist inside the workspace, have the declared columns, and the values fit
their types — checked with DuckDB on the real files).

Options:
  --format text|json   text: 'path:line:column: severity CODE message' (default);
                       json: an array of {file, line, column, endLine, endColumn, severity, code, message}.
  --no-data            Skip the data stage (for CI without data).
  --root DIR           The workspace that data paths must stay inside (default: the current folder).

Exit codes: 0 no errors, 1 errors found, 2 usage or internal error.
`,
    run: `Usage: monitor run <file> [--indicator NAME…] [--format json|csv] [--out FILE] [--root DIR]

Computes the indicators of a monitor on its data and prints one row per indicator, period and
breakdown value (the row shape of docs/language.md), after disclosure control.
A file with errors is not computed: the diagnostics are printed and the exit code is 1.

Options:
  --indicator NAME   Only this indicator (repeatable).
  --format json|csv  Output format (default json).
  --out FILE         Write to FILE instead of standard output.
  --root DIR         The workspace that data paths must stay inside (default: the current folder).
`,
};
