/**
 * `monitor check --format sarif`: a SARIF 2.1.0 log for code-scanning tools (GitHub code scanning,
 * GitLab, Azure DevOps). One rule per diagnostic code, with English help text.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { message } from '@monitor/language';
import type { CliDiagnostic } from '../diagnostic.js';
import { VERSION } from '../help.js';

const LEVEL: Record<CliDiagnostic['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Help texts for codes that come from the parser or the data stage rather than `messages.ts`. */
const EXTRA_HELP: Record<string, string> = {
    'syntax-error': 'The text does not follow the grammar of the .monitor language. Check the spelling of keywords and the brackets near the position.',
    'linking-error': 'A name refers to something that is not declared in this file or a file it imports.',
    'data-empty': 'The data file has no rows. Check the extract, or the header and delimiter options of the source.',
    'data-missing-column': 'A declared column is not in the data file. Check the column name, or the header and delimiter options.',
    'data-type-mismatch': 'Values in the data file do not fit the declared column type. Fix the data or the declared type.',
    'data-null-in-required': 'A column declared without `?` has missing values. Mark the column as optional with `?` or fix the data.',
    'data-unreadable': 'The data file could not be read as the declared format. Check the format, delimiter and encoding.',
    'data-format-unsupported': 'This data format cannot be read here. Convert the file to CSV.',
    'data-duplicate-header': 'The header of the data file names a column twice; only one would be read. Give each column its own name.',
    'data-end-before-start': 'Episodes in the data file end before they start. Correct the dates or leave those rows out.',
    'data-breakdown-changed': 'A breakdown value appears or disappears in the middle of the series; a district layout may have changed.',
    'data-no-value': 'An indicator has no value in any period of the range; the data may not cover one whole period.',
};

/** Placeholder arguments so a message template reads as a general description ("Source '…' has no column '…'."). */
const PLACEHOLDERS = new Proxy({}, { get: (_t, key) => (key === 'suggestion' ? '' : '…'), has: () => true }) as Record<string, string>;

function helpText(code: string): string {
    const text = message(code, PLACEHOLDERS, 'en');
    return text !== code ? text : EXTRA_HELP[code] ?? `Diagnostic '${code}' of the monitor language.`;
}

function shortDescription(code: string): string {
    const words = code.replace(/-/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1) + '.';
}

/** Where people read about the tool: the repository in GitHub Actions, else the bundled language reference. */
function informationUri(): string {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo } = process.env;
    if (server && repo) return `${server}/${repo}`;
    return pathToFileURL(path.resolve(import.meta.dirname, '../../../../docs/language.md')).href;
}

/** A file's URI relative to the working directory (forward slashes, percent-encoded), or absolute outside it. */
export function artifactUri(file: string, cwd = process.cwd()): string {
    const rel = path.relative(cwd, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(file).href;
    return rel.split(path.sep).map(encodeURIComponent).join('/');
}

/** The SARIF 2.1.0 log of a check run. */
export function sarifLog(diagnostics: CliDiagnostic[]): object {
    const codes = [...new Set(diagnostics.map(d => d.code))].sort();
    const rules = codes.map(code => ({
        id: code,
        name: code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
        shortDescription: { text: shortDescription(code) },
        fullDescription: { text: helpText(code) },
        help: { text: helpText(code) },
        defaultConfiguration: { level: LEVEL[diagnostics.find(d => d.code === code)!.severity] },
    }));
    const results = diagnostics.map(d => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: artifactUri(d.file), ...(isInside(d.file) ? { uriBaseId: '%SRCROOT%' } : {}) },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
        }],
    }));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'monitor', version: VERSION, semanticVersion: VERSION, informationUri: informationUri(), rules } },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd() + path.sep).href } },
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
}

function isInside(file: string): boolean {
    const rel = path.relative(process.cwd(), file);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
}
