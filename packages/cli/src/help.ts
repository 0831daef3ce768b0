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
  fmt [--check] <files…>      Rewrite .monitor files in the canonical layout (--check: list unformatted files).
  diff <old> <new>            What changed in meaning between two files or folders (or --git <rev>[..<rev>]).
  report <file or folder>     Write one self-contained HTML report: per indicator the chart, status and table.
  audit <files or folder>     The reader's view: which hidden counts follow from everything published.
  init [folder]               Write a working starter monitor with a small data set.
  lsp                         Start the language server on standard input/output (for editors).

Options for every command:
  --lang en|nl    Language of messages (default: from MONITOR_LANG or LANG).
  --debug         Print a stack trace for internal errors.
  --help          Help for a command: monitor <command> --help
  --version       Print the version.

Options for the commands that compute (check, run, report, diff, audit):
  --engine auto|native|wasm
                  auto (default): native DuckDB when its binary is installed (the optional dependency
                  @duckdb/node-api), else the embedded DuckDB-WASM; both give the same rows.
                  With --debug the engine used is printed on stderr.
  --engine postgres
                  Compute in PostgreSQL (table sources only; docs/postgres.md): connection from PGHOST,
                  PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE, or --pg-url-env NAME (the
                  environment variable NAME holds a connection string); --pg-statement-timeout
                  SECONDS (default 240) stops a query on the server.

Environment:
  MONITOR_CELLKEY_SECRET   The secret key of 'privacy { … perturb cellkey … }' (at least 16 characters;
                           never in a .monitor file). See docs/privacy-cellkey.md.

Exit codes: 0 clean, 1 findings (errors), 2 usage or internal error, 143 the --timeout time box ran out.
`,
    check: `Usage: monitor check <files or folders…> [--format text|json|github|sarif] [--strict] [--max-warnings N] [--no-data] [--root DIR]

Validates .monitor files in four stages: syntax, references, meaning, and the data stage
(the declared files exist inside the workspace, have the declared columns, and the values fit
their types — checked with DuckDB on the real files).

Options:
  --format text|json|github|sarif
                       text: 'path:line:column: severity CODE message' (default);
                       json: an array of {file, line, column, endLine, endColumn, severity, code, message};
                       github: GitHub Actions annotations ('::error file=…,line=…::message');
                       sarif: a SARIF 2.1.0 log for code scanning (see docs/ci.md).
  --strict             Warnings fail the check too.
  --max-warnings N     Fail when there are more than N warnings.
  --no-data            Skip the data stage (for CI without data).
  --timeout SECONDS    Stop with an error after this many seconds (default 300; 0: no time box).
  --root DIR           The workspace that data paths and imports must stay inside (default: the nearest
                       folder above the monitor holding .git or .monitor-root, else the monitor's folder).

On a terminal a progress line shows on stderr; never in CI (env CI set) or when piped.
Exit codes: 0 no errors, 1 errors (or warnings under --strict / --max-warnings), 2 usage or internal error, 143 the --timeout time box ran out.
`,
    run: `Usage: monitor run <file> [--indicator NAME…] [--format json|csv] [--out FILE] [--root DIR] [--engine auto|native|wasm|postgres] [--csv-raw]

Computes the indicators of a monitor on its data and prints one row per indicator, period and
breakdown value (the row shape of docs/language.md), after disclosure control.
A file with errors is not computed: the diagnostics are printed and the exit code is 1.

Options:
  --indicator NAME   Only this indicator (repeatable).
  --format json|csv  Output format (default json).
  --out FILE         Write to FILE instead of standard output.
  --root DIR         The workspace that data paths and imports must stay inside (default: the nearest
                     folder above the monitor holding .git or .monitor-root, else the monitor's folder).
  --engine auto|native|wasm  auto (default): native DuckDB where installed, else DuckDB-WASM.
  --engine postgres  Compute in PostgreSQL (see 'monitor --help'; docs/postgres.md).
  --timeout SECONDS  Stop with an error after this many seconds (default 300; 0: no time box).
  --csv-raw          Leave CSV text cells starting with = + - @ tab or CR as they are (by default they
                     get a leading ' so a spreadsheet does not run them as formulas).
`,
    fmt: `Usage: monitor fmt [--check] <files or folders…>

Rewrites .monitor files in the one canonical layout — the same formatter the language server
uses for "Format Document": 4-space indentation, one property per line, columns aligned,
spaces around operators, a blank line between top-level elements, a rate's 'per'/'percent of'
on a line of its own. Only whitespace changes; comments are kept.

Options:
  --check   Change nothing; list the files that are not formatted (exit 1 when there are any).

Exit codes: 0 formatted, 1 unformatted files under --check or a file that does not parse, 2 usage error.
`,
    diff: `Usage: monitor diff <old> <new> | --git <rev>[..<rev>]  [--format markdown|json] [--values] [--lang en|nl]

A summary of what changed in meaning, for a pull request: indicators added, removed and renamed
(same definition, new name), and per changed indicator what changed in words — filters, unit,
time meaning, grain, breakdowns, sources, privacy, targets. A change that alters values already
published (the definition, not a target or a text) is flagged. Formatting and comments never
show up: both sides are compared after lowering.

  <old> <new>        Two .monitor files, or two folders (files matched by relative path).
  --git REV          The .monitor files at git revision REV against the working tree.
  --git OLD..NEW     The .monitor files at two revisions (read with git show).
  --format markdown|json   Markdown (default) or JSON.
  --values           Also compute the latest value of each changed indicator by the old and the
                     new definition, on the data as it is now.
`,
    report: `Usage: monitor report <file or folder> [--out FILE] [--png DIR] [--lang en|nl] [--timestamp] [--root DIR]

Computes the monitors (the same rows as 'monitor run', after disclosure control) and writes one
self-contained, offline HTML page: an overview of every indicator's status, then per indicator its
chart (inline SVG: target trajectory, tolerance band, notes, reference series, hidden values as
gaps), the latest value and its change, the definition in words, the target, the notes and a table
of the values, with hidden values shown as "hidden". No scripts, nothing loaded from elsewhere.
The same input gives the same bytes. A folder gives one report with a section per monitor.

Options:
  --out FILE     Write the HTML to FILE (default: standard output).
  --png DIR      Also write each chart as a PNG file into DIR (<monitor>-<indicator>[-by-<dimension>].png).
  --lang en|nl   Language of the report (default: from MONITOR_LANG or LANG, else English).
  --timestamp    Put the time of writing in the footer (the output then differs per run).
  --timeout SECONDS  Stop with an error after this many seconds (default 300; 0: no time box).
  --root DIR     The workspace that data paths and imports must stay inside (default: the nearest
                 folder above the monitor holding .git or .monitor-root, else the monitor's folder).

Exit codes: 0 written, 1 errors in a monitor or its data (diagnostics on stderr, no report), 2 usage error, 143 the --timeout time box ran out.
`,
    audit: `Usage: monitor audit <files or folder> [--format text|json] [--root DIR] [--lang en|nl]

The reader's view of a publication: computes every monitor named (a folder: every monitor in it,
published together) exactly as 'monitor run' publishes it, then works out, from the published rows,
the printed warnings and the definitions alone, what a reader can prove about each hidden count.
Every published count enters one system of linear relations (breakdowns and their margins, rows
outside a binding's where, periods across grains, the stock/flow identity, indicators that publish
the same count); for each hidden count two linear programmes (HiGHS) give its smallest and largest
value. A finding is a hidden count that follows exactly, or lies in an interval narrower than the
minimum; a published count below the minimum; one person's value (min/max, a reference over person
rows); a hidden cell marked provisional; a warning that names a value whose cells are all hidden.
See docs/privacy.md.

Options:
  --format text|json   text: one line per finding (default); json: {findings, checked, inconsistent}.
  --root DIR           The workspace that data paths must stay inside (default: the current folder).

Exit codes: 0 no findings, 1 findings, 2 usage error, or errors in a monitor or its data.
`,
    init: `Usage: monitor init [folder]

Writes a starter monitor to the folder (default: the current one): starter.monitor with two
indicators and a target, and a small, deterministic data set in data/ (episodes of youth care and
inhabitants per wijk). It passes 'monitor check' and 'monitor run' as it is. Existing files are
never overwritten.
`,
    lsp: `Usage: monitor lsp [--stdio]

Starts the Monitor language server (the one the VS Code extension bundles) on standard input and
output, for Neovim, Helix, Emacs and other LSP editors. See docs/editors.md for their configuration.
Initialization options: { "trusted": true|false, "locale": "en"|"nl" }; without "trusted" the
workspace counts as trusted (data files are read and indicators computed).
`,
};
