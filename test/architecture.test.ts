/**
 * The package boundaries of ARCHITECTURE.md, checked on the sources: what each package may import,
 * and no import cycles between packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Per package: the module specifiers it may import (a trailing `*` matches any subpath). */
const ALLOWED: Record<string, string[]> = {
    ir: [],
    language: ['langium', 'langium/*', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-types', '@monitor/ir'],
    compiler: ['@monitor/ir'],
    engine: ['@monitor/ir', '@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*', '@duckdb/node-api', 'node:*', 'apache-arrow', 'hyparquet', 'hyparquet-compressors/*', 'fzstd', 'pg', 'highs'],
    // The audit is a second implementation of disclosure control's promise, from the reader's side:
    // it sees the IR and the published rows only, never the engine's suppression code.
    audit: ['@monitor/ir', 'highs'],
    protocol: ['@monitor/ir'],
    render: ['@monitor/ir', 'vega', 'vega-lite', 'vega-interpreter', 'vega-util', 'vega-dataflow', 'vega-transforms', 'vega-view-transforms', 'vega-encode', 'vega-parser', 'vega-view', '@resvg/resvg-js', 'node:*'],
    // The webview app: browser only, so the engine's browser entry and never its Node entry.
    preview: ['@monitor/ir', '@monitor/protocol', '@monitor/engine/browser', '@monitor/render', '@monitor/compiler'],
    server: ['@monitor/ir', '@monitor/language', '@monitor/language/polyfill', '@monitor/compiler', '@monitor/engine', '@monitor/engine/native', '@monitor/engine/parquet', '@monitor/engine/issues', '@monitor/engine/postgres', '@monitor/protocol', 'langium', 'langium/*', 'vscode-languageserver', 'vscode-languageserver/*', 'node:*'],
    cli: ['@monitor/ir', '@monitor/audit', '@monitor/language', '@monitor/language/messages', '@monitor/language/polyfill', '@monitor/compiler', '@monitor/engine', '@monitor/engine/native', '@monitor/engine/postgres', '@monitor/protocol', '@monitor/render', '@monitor/render/png', '@monitor/server', 'langium', 'langium/node', 'node:*'],
    // The only package that imports `vscode`; it reaches the server over LSP, never by import. From the
    // engine only the unpacking of the VSIX's compressed .wasm files (Node, no DuckDB).
    extension: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*', '@monitor/protocol', '@monitor/engine/wasm-store', 'lz-string', 'node:*'],
};

function sourceFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === 'generated' ? [] : sourceFiles(full);
        return e.name.endsWith('.ts') ? [full] : [];
    });
}

/** The non-relative module specifiers a file imports (static and dynamic). */
function importsOf(file: string): string[] {
    const text = fs.readFileSync(file, 'utf8');
    const statements = /^\s*(?:import|export)\b[^;'"`=]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
    const found = [...text.matchAll(statements)].map(m => m[1] ?? m[2] ?? m[3]);
    return found.filter(s => !s.startsWith('.'));
}

function allowed(specifier: string, patterns: string[]): boolean {
    return patterns.some(p => (p.endsWith('*') ? specifier.startsWith(p.slice(0, -1)) : specifier === p));
}

describe('package boundaries', () => {
    for (const [pkg, patterns] of Object.entries(ALLOWED)) {
        test(`${pkg} imports only what ARCHITECTURE.md allows`, () => {
            const files = sourceFiles(path.join(ROOT, 'packages', pkg, 'src'));
            expect(files.length).toBeGreaterThan(0);
            const violations = files.flatMap(f => importsOf(f)
                .filter(s => !allowed(s, patterns))
                .map(s => `${path.relative(ROOT, f)} imports ${s}`));
            expect(violations).toEqual([]);
        });
    }

    test('there are no import cycles between packages', () => {
        const edges = new Map<string, Set<string>>();
        for (const pkg of Object.keys(ALLOWED)) {
            const deps = new Set(sourceFiles(path.join(ROOT, 'packages', pkg, 'src'))
                .flatMap(importsOf).filter(s => s.startsWith('@monitor/')).map(s => s.slice('@monitor/'.length)));
            edges.set(pkg, deps);
        }
        const cycles: string[] = [];
        const visit = (node: string, trail: string[]) => {
            if (trail.includes(node)) {
                cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
                return;
            }
            for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
        };
        for (const pkg of edges.keys()) visit(pkg, []);
        expect(cycles).toEqual([]);
    });
});
