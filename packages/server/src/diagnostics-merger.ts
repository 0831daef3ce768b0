/**
 * One diagnostics list per document: Langium's (syntax, references, meaning) merged with the data
 * stage's, which may come from the analysis of another document (a source declared in an import).
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/** Keeps the latest findings of each stage and publishes their union per document. */
export class DiagnosticsMerger {
    private readonly language = new Map<string, PublishDiagnosticsParams>();
    /** Per analysed document: its data findings per target document. */
    private readonly data = new Map<string, Map<string, Diagnostic[]>>();

    constructor(private readonly send: (params: PublishDiagnosticsParams) => void) {}

    /** Langium published the language-stage diagnostics of a document. */
    fromLanguage(params: PublishDiagnosticsParams): void {
        // Langium puts the code of syntax errors ('parsing-error', 'lexing-error') only in `data`;
        // editors show and filter on `code`.
        const diagnostics = params.diagnostics.map(d => d.code !== undefined ? d : { ...d, code: (d.data as { code?: string } | undefined)?.code });
        this.language.set(params.uri, { ...params, diagnostics });
        this.publish(params.uri);
    }

    /** The data stage of `analysed` finished with these findings per document. */
    fromData(analysed: string, byTarget: Map<string, Diagnostic[]>): void {
        const before = this.data.get(analysed);
        this.data.set(analysed, byTarget);
        const touched = new Set([...(before?.keys() ?? []), ...byTarget.keys()]);
        for (const uri of touched) {
            const same = JSON.stringify(before?.get(uri) ?? []) === JSON.stringify(byTarget.get(uri) ?? []);
            // Publishing unchanged lists would make clients redraw for nothing.
            if (!same) this.publish(uri);
        }
    }

    /** Drops the data findings an analysed document contributed (closed, or no longer analysed). */
    forget(analysed: string): void {
        this.fromData(analysed, new Map());
    }

    private publish(uri: string): void {
        const language = this.language.get(uri);
        const seen = new Set<string>();
        const data: Diagnostic[] = [];
        for (const byTarget of this.data.values()) {
            for (const d of byTarget.get(uri) ?? []) {
                const id = JSON.stringify([d.range, d.code, d.message]);
                if (!seen.has(id)) { seen.add(id); data.push(d); }
            }
        }
        this.send({ uri, version: language?.version, diagnostics: [...(language?.diagnostics ?? []), ...data] });
    }
}
