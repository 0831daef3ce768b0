/**
 * The extension's contributions agree with each other and with the language: every UI text has an
 * English and a Dutch version, every command is declared and registered, the TextMate grammar
 * covers every keyword of grammars/monitor.langium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const EXT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(EXT, file), 'utf8');
const json = (file: string) => JSON.parse(read(file));
const manifest = json('package.json');
const sources = fs.readdirSync(path.join(EXT, 'src'), { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.ts')).map(f => read(path.join('src', f))).join('\n');

interface Rule { match?: string; begin?: string; end?: string; patterns?: Rule[]; include?: string }

function rules(grammar: { patterns: Rule[]; repository: Record<string, Rule> }): Rule[] {
    const all: Rule[] = [];
    const walk = (r: Rule) => { all.push(r); r.patterns?.forEach(walk); };
    grammar.patterns.forEach(walk);
    Object.values(grammar.repository).forEach(walk);
    return all;
}

describe('extension manifest', () => {
    test('every %key% of package.json has an English and a Dutch text', () => {
        const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map(m => m[1]);
        expect(keys.length).toBeGreaterThan(20);
        const en = json('package.nls.json');
        const nl = json('package.nls.nl.json');
        expect(keys.filter(k => !(k in en))).toEqual([]);
        expect(keys.filter(k => !(k in nl))).toEqual([]);
        expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    });

    test('every runtime text (vscode.l10n.t) has a Dutch translation', () => {
        const texts = [...sources.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map(m => m[1].replace(/\\(.)/g, '$1'));
        expect(texts.length).toBeGreaterThan(10);
        const nl = json('l10n/bundle.l10n.nl.json');
        expect(texts.filter(t => !(t in nl))).toEqual([]);
    });

    test('the commands declared in package.json are the commands the extension registers', () => {
        const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
        const registered = [...sources.matchAll(/command\('(monitor\.[\w.]+)'/g)].map(m => m[1]).sort();
        expect(registered).toEqual(declared);
    });

    test('the TextMate grammar highlights every keyword of the language', () => {
        const langium = fs.readFileSync(path.resolve(EXT, '../../grammars/monitor.langium'), 'utf8');
        const keywords = [...new Set([...langium.matchAll(/'([a-z][a-z-]*)'/g)].map(m => m[1]))];
        expect(keywords.length).toBeGreaterThan(60);
        const regexes = rules(json('syntaxes/monitor.tmLanguage.json')).flatMap(r => (r.match ? [new RegExp(r.match)] : []));
        const missing = keywords.filter(k => !regexes.some(re => re.exec(` ${k} x`)?.slice(1).includes(k) || re.exec(` ${k} `)?.[0].trim() === k));
        expect(missing).toEqual([]);
    });

    test('the TextMate grammar tells dates, periods and numbers apart', () => {
        const grammar = json('syntaxes/monitor.tmLanguage.json');
        const dates: Rule[] = grammar.repository.dates.patterns;
        const [day, period] = dates.map(r => new RegExp(r.match!));
        expect(day.exec('coverage 2018-01-01 .. x')?.[0]).toBe('2018-01-01');
        expect(period.exec('range 2019-Q1 .. 2026-Q4')?.[0]).toBe('2019-Q1');
        expect(period.exec('2025-H2')?.[0]).toBe('2025-H2');
        expect(new RegExp(grammar.repository.numbers.match).exec('tolerance 5%')?.[0]).toBe('5%');
    });

    test('the snippets and language configuration are valid JSON for the monitor language', () => {
        const snippets = json('snippets/monitor.code-snippets') as Record<string, { prefix: string[]; body: string[] }>;
        expect(Object.keys(snippets)).toEqual(expect.arrayContaining(['Monitor header', 'Source (episodes)', 'Indicator', 'Target']));
        const config = json('language-configuration.json');
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(manifest.contributes.languages[0]).toMatchObject({ id: 'monitor', extensions: ['.monitor'], configuration: './language-configuration.json' });
    });

    test('untrusted workspaces are supported in a limited way, with a reason', () => {
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
        expect(json('package.nls.json')['untrusted.description']).toMatch(/no data file is read/);
    });

    test('vsce and other build tools stay out of the extension dependencies', () => {
        expect(manifest.dependencies).toEqual({});
        expect(Object.keys(manifest.devDependencies)).not.toContain('@vscode/vsce');
    });

    test('the walkthrough has English and Dutch media, and every step can complete', () => {
        const en = json('package.nls.json');
        const nl = json('package.nls.nl.json');
        // The completion events VS Code knows; `onLanguage:` (the first step's old event) is not one of them.
        const known = /^(onCommand|onLink|onView|onSettingChanged|onContext|extensionInstalled|onStepSelected):?/;
        for (const step of manifest.contributes.walkthroughs[0].steps as { id: string; media: { markdown: string }; completionEvents: string[] }[]) {
            const key = /^%(.+)%$/.exec(step.media.markdown)?.[1];
            expect(key, step.id).toBeDefined();
            expect(en[key!]).toMatch(/^walkthrough\/en\//);
            expect(nl[key!]).toMatch(/^walkthrough\/nl\//);
            expect(fs.existsSync(path.join(EXT, en[key!])) && fs.existsSync(path.join(EXT, nl[key!])), step.id).toBe(true);
            expect(step.completionEvents.length).toBeGreaterThan(0);
            expect(step.completionEvents.filter(e => !known.test(e)), step.id).toEqual([]);
        }
        // Media lines fit the walkthrough's narrow media column (no clipping).
        for (const lang of ['en', 'nl']) {
            for (const file of fs.readdirSync(path.join(EXT, 'walkthrough', lang))) {
                const long = read(path.join('walkthrough', lang, file)).split('\n').filter(l => [...l].length > 44 && !l.startsWith('|'));
                expect(long, `${lang}/${file}`).toEqual([]);
            }
        }
    });

    test('the extension has a PNG icon of at least 128×128', () => {
        const png = fs.readFileSync(path.join(EXT, manifest.icon));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(128);
    });

    test('the Vega editor button is off unless a setting enables it', () => {
        expect(manifest.contributes.configuration.properties['monitor.preview.vegaEditor']).toMatchObject({ type: 'boolean', default: false });
    });

    test('no Dutch label calls the preview "Voorbeeld" (a place name in the examples: gemeente Voorbeeld)', () => {
        const nl = JSON.stringify(json('package.nls.nl.json')) + JSON.stringify(json('l10n/bundle.l10n.nl.json'));
        expect(nl).not.toMatch(/Voorbeeld/);
        expect(sources).not.toMatch(/'Voorbeeld'/);
    });
});
