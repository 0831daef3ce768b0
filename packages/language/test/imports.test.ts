/** Imports: paths that do not resolve, and names visible only through the import closure. */
import { EmptyFileSystem } from 'langium';
import { validationHelper } from 'langium/test';
import { beforeEach, describe, test } from 'vitest';
import { createMonitorServices } from '../src/monitor-module.js';
import { setImportGuard, type ImportRefusal } from '../src/imports.js';
import { isImport, isIndicator, isMeasure, type Model } from '../src/generated/ast.js';
import { expectClean, expectCode, expectNoCode, named, one } from './helpers.js';

const HEADER = `monitor wmo { title "Wmo" grain quarter range 2020-Q1 .. 2026-Q4 privacy { minimum 10 } }\n`;
const SHARED = `
source gedeeld from "data/gedeeld.csv" {
    events on datum
    columns { datum date wijk text }
}
dimension buurt { gedeeld.wijk }
indicator aanvragen { value count from gedeeld desired down }
`;

// A fresh workspace per test, so documents with fixed URIs do not collide between tests.
let validate: ReturnType<typeof validationHelper<Model>>;
let services: ReturnType<typeof createMonitorServices>;
beforeEach(() => {
    services = createMonitorServices(EmptyFileSystem);
    validate = validationHelper<Model>(services.Monitor);
});

describe('import paths', () => {
    test('an import of a file that is not in the workspace is reported at the path', async () => {
        const result = await validate(`import "missing.monitor"\n` + HEADER, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-import', 'error', { node: one(result, isImport), property: 'path' },
            "The imported file 'missing.monitor' does not exist. Check the path; it is relative to this file.");
    });
    test('an import of a file in the workspace is accepted', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        expectClean(await validate(`import "shared.monitor"\n` + HEADER, { documentUri: 'file:///w/main.monitor' }));
    });
    test('an import path is resolved from the folder of the importing file', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const result = await validate(`import "shared.monitor"\n` + HEADER, { documentUri: 'file:///w/sub/main.monitor' });
        expectCode(result, 'unknown-import', 'error', { node: one(result, isImport), property: 'path' });
    });
    test('an import path may lead to the parent folder', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        expectClean(await validate(`import "../shared.monitor"\n` + HEADER, { documentUri: 'file:///w/sub/main.monitor' }));
    });
});

describe('imports and the monitor header', () => {
    test('an empty import path is an unknown import', async () => {
        const result = await validate(`import ""\n` + HEADER, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-import', 'error', { node: one(result, isImport), property: 'path' });
    });
    test('indicators whose imports hold no monitor header are reported as missing-monitor', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const result = await validate(`import "shared.monitor"\nindicator x { value count from gedeeld }`, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'missing-monitor', 'error', { node: named(result, isIndicator, 'x'), property: 'name' });
    });
    test('indicators may take the monitor header from an imported file', async () => {
        await validate(HEADER + SHARED.replace('indicator aanvragen { value count from gedeeld desired down }', ''), { documentUri: 'file:///w/kop.monitor' });
        expectNoCode(await validate(`import "kop.monitor"\nindicator x { value count from gedeeld desired down }`, { documentUri: 'file:///w/main.monitor' }), 'missing-monitor');
    });
});

describe('names across files', () => {
    test('a source from a file that is not imported is not visible', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const result = await validate(HEADER + `indicator x { value count from gedeeld }`, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-source', 'error', { node: one(result, isMeasure), property: 'source' }, /^There is no source named 'gedeeld'\. Declare/);
    });
    test('importing a file makes its sources visible', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const text = `import "shared.monitor"\n` + HEADER + `indicator x { value count from gedeeld }`;
        expectClean(await validate(text, { documentUri: 'file:///w/main.monitor' }));
    });
    test('a dimension from a file that is not imported is not visible', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const text = HEADER + `source eigen from "eigen.csv" { events on datum columns { datum date wijk text } }
indicator x { value count from eigen by buurt }`;
        const result = await validate(text, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-dimension', 'error', { node: named(result, isIndicator, 'x'), property: 'by', index: 0 });
    });
    test('importing a file makes its dimensions and indicators visible', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const text = `import "shared.monitor"\n` + HEADER + `
indicator per_buurt { value count from gedeeld by buurt desired down }
target aanvragen { 2026-Q4 <= 100 }`;
        expectClean(await validate(text, { documentUri: 'file:///w/main.monitor' }));
    });
    test('names reach through an import of an import', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        await validate(`import "shared.monitor"`, { documentUri: 'file:///w/middle.monitor' });
        const text = `import "middle.monitor"\n` + HEADER + `indicator x { value count from gedeeld }`;
        expectClean(await validate(text, { documentUri: 'file:///w/main.monitor' }));
    });
    test('a name in a file that is not imported is never suggested', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const result = await validate(HEADER + `indicator x { value count from gedeelt }`, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-source', 'error', { node: one(result, isMeasure), property: 'source' }, /^There is no source named 'gedeelt'\. Declare/);
    });
    test('a name in an imported file is suggested', async () => {
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        const text = `import "shared.monitor"\n` + HEADER + `indicator x { value count from gedeelt }`;
        const result = await validate(text, { documentUri: 'file:///w/main.monitor' });
        expectCode(result, 'unknown-source', 'error', { node: one(result, isMeasure), property: 'source' }, /Did you mean 'gedeeld'\?/);
    });
});

describe('the host\'s import rule', () => {
    // The rule itself (paths, symlinks, file kinds, sizes on disk) is `confineImport` in the server
    // package, tested on real files in test/security-imports.test.ts; here: the validator reports it.
    const refuse = (code: ImportRefusal['code']) => setImportGuard(services.shared, (_from, target, path) =>
        target.path.startsWith('/w/') && !target.path.includes('blocked') ? undefined : { code, args: { path, root: '/w', size: '2000000', max: '1000000' } });
    const refusedImport = async (code: ImportRefusal['code']) => {
        refuse(code);
        await validate(SHARED, { documentUri: 'file:///w/blocked.monitor' });
        const result = await validate(`import "blocked.monitor"\n` + HEADER, { documentUri: 'file:///w/main.monitor' });
        expectNoCode(result, 'unknown-import');
        return result;
    };
    test('an import outside the workspace is reported as import-outside-root at the path', async () => {
        const result = await refusedImport('import-outside-root');
        expectCode(result, 'import-outside-root', 'error', { node: one(result, isImport), property: 'path' });
    });
    test('an import of no regular file is reported as import-not-file at the path', async () => {
        const result = await refusedImport('import-not-file');
        expectCode(result, 'import-not-file', 'error', { node: one(result, isImport), property: 'path' });
    });
    test('an import of a too large file is reported as import-too-large at the path', async () => {
        const result = await refusedImport('import-too-large');
        expectCode(result, 'import-too-large', 'error', { node: one(result, isImport), property: 'path' });
    });
    test('an import the rule allows is validated as before', async () => {
        refuse('import-outside-root');
        await validate(SHARED, { documentUri: 'file:///w/shared.monitor' });
        expectClean(await validate(`import "shared.monitor"\n` + HEADER, { documentUri: 'file:///w/main.monitor' }));
    });
});
