/**
 * The first build of a workspace finishes the open documents first (MonitorDocumentBuilder): every
 * file's names are indexed, then the open file is linked and validated, then the others are linked.
 * The open file's diagnostics must be exactly those of Langium's plain build (names from the files
 * it imports resolve; an unknown name is still reported).
 */
import { DefaultDocumentBuilder, DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { createMonitorServices } from '@monitor/language';
import { MonitorDocumentBuilder } from '../src/monitor-document-builder.js';

const shared = (n: number) => `monitor m${n} { grain year  range 2020 .. 2021 }
source bron${n} from "b${n}.csv" {
    events on datum
    columns { datum date  wijk text }
}
indicator aantal${n} { title "Aantal ${n}" value count from bron${n} }
`;
const OPEN = `import "./f1.monitor"
import "./f2.monitor"
monitor open { grain year  range 2020 .. 2021  privacy none "test" }
indicator samen { title "Samen" value aantal1 + aantal2 }
indicator fout { title "Fout" value aantal1 + aantal3 }
`;

class OpenSetBuilder extends MonitorDocumentBuilder {
    open = new Set<string>();
    protected override isOpen(document: LangiumDocument): boolean {
        return this.open.has(document.uri.toString());
    }
}

async function build(kind: 'monitor' | 'default') {
    const { shared: s } = createMonitorServices(EmptyFileSystem, {}, {
        workspace: { DocumentBuilder: sv => kind === 'monitor' ? new OpenSetBuilder(sv) : new DefaultDocumentBuilder(sv) },
    });
    const factory = s.workspace.LangiumDocumentFactory;
    const docs = [1, 2, 3, 4, 5, 6].map(n => factory.fromString(shared(n), URI.parse(`file:///ws/f${n}.monitor`)));
    const open = factory.fromString(OPEN, URI.parse('file:///ws/open.monitor'));
    // The open file sits in the middle, as it would in a folder walk.
    const all = [...docs.slice(0, 3), open, ...docs.slice(3)];
    for (const d of all) s.workspace.LangiumDocuments.addDocument(d);
    const builder = s.workspace.DocumentBuilder;
    if (builder instanceof OpenSetBuilder) builder.open.add(open.uri.toString());
    const order: string[] = [];
    builder.onDocumentPhase(DocumentState.Linked, d => { order.push(`linked ${d.uri.path}`); });
    builder.onDocumentPhase(DocumentState.Validated, d => { order.push(`validated ${d.uri.path}`); });
    await builder.build(all, { validation: true });
    return { order, open, all };
}

describe('open documents first in the cold build', () => {
    test('the open file is linked and validated before any other file is linked', async () => {
        const { order } = await build('monitor');
        expect(order.slice(0, 2)).toEqual(['linked /ws/open.monitor', 'validated /ws/open.monitor']);
        expect(order.filter(o => o.startsWith('linked'))).toHaveLength(7);
    });

    test('its diagnostics are those of the plain build', async () => {
        const ours = await build('monitor');
        const plain = await build('default');
        const summary = (d: LangiumDocument) => (d.diagnostics ?? []).map(x => `${x.range.start.line}:${x.range.start.character} ${x.code} ${x.message}`);
        expect(summary(ours.open)).toEqual(summary(plain.open));
        expect(summary(ours.open).join('\n')).toMatch(/aantal3/);
        expect(summary(ours.open)).toHaveLength(1);
        for (const [i, d] of ours.all.entries()) {
            expect(d.state).toBe(DocumentState.Validated);
            expect(summary(d)).toEqual(summary(plain.all[i]));
        }
    });
});
