/**
 * Compile time of a monitor file with warm language services (as in an editor or a long-running
 * CLI): parse + validate, lower to IR, plan SQL — median and p95 over many runs.
 */
import '@monitor/language/polyfill';
import fs from 'node:fs';
import { EmptyFileSystem, URI } from 'langium';
import { createMonitorServices, lowerProgram } from '@monitor/language';
import { planIndicators } from '@monitor/compiler';

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

/**
 * Times parse+validate, lower and plan of `file` `runs` times after `warmup` runs (an editor compiles
 * the same file again and again; the first tens of runs are V8 still optimizing the code).
 */
export async function compileTimes(file, runs = 100, warmup = 30) {
    const text = fs.readFileSync(file, 'utf8');
    const { shared } = createMonitorServices(EmptyFileSystem);
    const documents = shared.workspace.LangiumDocuments;
    const times = { parseValidate: [], lower: [], plan: [], total: [] };
    for (let i = 0; i < warmup + runs; i++) {
        const uri = URI.parse(`memory:///bench/${i}/${file.split('/').pop()}`);
        const t0 = performance.now();
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        documents.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: true });
        const t1 = performance.now();
        const errors = (doc.diagnostics ?? []).filter((d) => d.severity === 1);
        if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
        const program = lowerProgram({ uri: uri.toString(), model: doc.parseResult.value });
        const t2 = performance.now();
        planIndicators(program);
        const t3 = performance.now();
        await shared.workspace.DocumentBuilder.update([], [uri]);
        if (i >= warmup) {
            times.parseValidate.push(t1 - t0); times.lower.push(t2 - t1); times.plan.push(t3 - t2); times.total.push(t3 - t0);
        }
    }
    const summary = (xs) => ({ p50: pct(xs, 0.5), p95: pct(xs, 0.95) });
    return {
        file, runs, bytes: Buffer.byteLength(text),
        parseValidateMs: summary(times.parseValidate), lowerMs: summary(times.lower), planMs: summary(times.plan), totalMs: summary(times.total),
    };
}

if (process.argv[1] === import.meta.filename) console.log(JSON.stringify(await compileTimes(process.argv[2]), null, 1));
