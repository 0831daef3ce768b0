/** `perturb cellkey` in the privacy block: parameters checked, lowered into the IR, formatted. */
import { expectFormatting } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { isPerturbation } from '../src/generated/ast.js';
import { lowerProgram } from '../src/lower-program.js';
import { expectClean, expectCode, expectNoCode, one, services, validate } from './helpers.js';

const header = (privacy: string) => `monitor jeugd { range 2019 .. 2026 privacy { ${privacy} } }`;

describe('perturb cellkey', () => {
    test('a maximum deviation of 0 is reported at max', async () => {
        const result = await validate(header('minimum 10 round 5 perturb cellkey max 0'));
        expectCode(result, 'privacy-perturb-max', 'error', { node: one(result, isPerturbation), property: 'maxDeviation' });
    });
    test('a maximum deviation above 10 is reported at max', async () => {
        const result = await validate(header('minimum 10 perturb cellkey max 11'));
        expectCode(result, 'privacy-perturb-max', 'error', { node: one(result, isPerturbation), property: 'maxDeviation' });
    });
    test('a maximum deviation from 1 to 10 is accepted', async () => {
        expectClean(await validate(header('minimum 10 round 5 perturb cellkey max 2')));
        expectNoCode(await validate(header('minimum 10 perturb cellkey max 10')), 'privacy-perturb-max');
    });
    test('a variance above what the maximum deviation allows is reported at variance', async () => {
        // max 2: at most (3 × 5) / 6 = 2.5.
        const result = await validate(header('minimum 10 perturb cellkey max 2 variance 2.6'));
        expectCode(result, 'privacy-perturb-variance', 'error', { node: one(result, isPerturbation), property: 'variance' });
    });
    test('a variance of 0 is reported (no noise is no perturbation)', async () => {
        const result = await validate(header('minimum 10 perturb cellkey max 2 variance 0'));
        expectCode(result, 'privacy-perturb-variance', 'error', { node: one(result, isPerturbation), property: 'variance' });
    });
    test('a variance up to the largest is accepted', async () => {
        expectClean(await validate(header('minimum 10 perturb cellkey max 2 variance 2.5')));
        expectClean(await validate(header('minimum 10 perturb cellkey max 3 variance 1')));
    });
    test('lowering fills in the default variance (uniform over −D…D) and the span of perturb', async () => {
        const text = header('minimum 10 round 5 perturb cellkey max 2');
        const result = await validate(text);
        const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
        const perturb = program.monitor.privacy?.perturb;
        expect(perturb).toMatchObject({ method: 'cellkey', maxDeviation: 2, variance: 2 });
        expect(text.slice(perturb!.span.offset, perturb!.span.offset + perturb!.span.length)).toBe('perturb cellkey max 2');
    });
    test('a privacy block without perturb lowers without the field (the IR of other monitors is unchanged)', async () => {
        const result = await validate(header('minimum 10 round 5'));
        const program = lowerProgram({ uri: result.document.uri.toString(), model: result.document.parseResult.value });
        expect(program.monitor.privacy).toEqual({ minimum: 10, round: 5 });
    });
    test('perturb, cellkey and variance stay usable as column names', async () => {
        const text = `${header('minimum 10 perturb cellkey max 2')}
source s from "s.csv" { events on datum columns { datum date  variance decimal  perturb text  cellkey text } }
indicator n { value count from s where variance > 1 and perturb = "x" and cellkey = "y" }`;
        expectClean(await validate(text));
    });
    test('the formatter puts perturb on a line of its own', async () => {
        await expectFormatting(services.Monitor)({
            before: 'monitor m { range 2020 .. 2024 privacy { minimum 10  round 5 perturb  cellkey max 2 variance 1.5 } }',
            after: `monitor m {
    range 2020 .. 2024
    privacy {
        minimum 10
        round 5
        perturb cellkey max 2 variance 1.5
    }
}
`,
        });
    });
});
