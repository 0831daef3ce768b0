/** The quick fixes for privacy rules that fail closed (privacy-fix.ts), applied to real validated documents. */
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, test } from 'vitest';
import { createMonitorServices, type ast } from '@monitor/language';
import { privacyFix } from '../src/privacy-fix.js';

const validate = validationHelper<ast.Model>(createMonitorServices(EmptyFileSystem).Monitor);
const SOURCE = `source a from "a.csv" { events on d columns { d date } }\nindicator n { value count from a }\n`;

/** The text after the fix of the first diagnostic with `code`, and whether that fixed it. */
async function fixed(text: string, code: string): Promise<{ text: string; codes: string[] }> {
    const result = await validate(text);
    const diagnostic = result.diagnostics.find(d => (d.data as { code?: string }).code === code);
    expect(diagnostic, `expected ${code}`).toBeDefined();
    const edit = privacyFix(result.document, diagnostic!, code);
    expect(edit).toBeDefined();
    const after = TextDocument.applyEdits(TextDocument.create('file:///x.monitor', 'monitor', 1, text), [edit!]);
    const again = await validate(after);
    return { text: after, codes: again.diagnostics.map(d => String((d.data as { code?: string }).code)) };
}

describe('privacy quick fixes', () => {
    test('privacy-missing on a multi-line header adds the usual rules on a line of their own', async () => {
        const out = await fixed(`monitor m {\n    range 2024 .. 2025\n}\n` + SOURCE, 'privacy-missing');
        expect(out.text).toContain('    range 2024 .. 2025\n    privacy { minimum 10  round 5 }\n}');
        expect(out.codes).toEqual([]);
    });
    test('privacy-missing on a one-line header adds them before the closing brace', async () => {
        const out = await fixed(`monitor m { range 2024 .. 2025 }\n` + SOURCE, 'privacy-missing');
        expect(out.text.split('\n')[0]).toBe('monitor m { range 2024 .. 2025 privacy { minimum 10  round 5 } }');
        expect(out.codes).toEqual([]);
    });
    test('privacy-minimum-missing adds a minimum of at least 10 and the rounding base', async () => {
        const out = await fixed(`monitor m { range 2024 .. 2025 privacy { round 20 } }\n` + SOURCE, 'privacy-minimum-missing');
        expect(out.text).toContain('privacy { minimum 20 round 20 }');
        expect(out.codes).toEqual([]);
    });
});
