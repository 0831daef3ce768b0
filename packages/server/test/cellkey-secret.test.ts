/** The secret of `perturb cellkey` comes from MONITOR_CELLKEY_SECRET: missing or short is an error at `perturb`. */
import type { ProgramIR } from '@monitor/ir';
import { describe, expect, test } from 'vitest';
import { CELLKEY_SECRET_VARIABLE, cellKeySecret } from '../src/cellkey-secret.js';
import { computeAnalysis } from '../src/compute-analysis.js';
import { JEUGD, jeugdProgram } from './jeugd-program.js';

const span = { uri: 'file:///m.monitor', offset: 40, length: 21 };
function program(perturbed: boolean): ProgramIR {
    return {
        monitor: {
            name: 'm', title: null, owner: null, description: null, grain: 'year', range: { from: '2024', to: '2024' }, span,
            privacy: perturbed ? { minimum: 10, round: 5, perturb: { method: 'cellkey', maxDeviation: 2, variance: 2, span } } : { minimum: 10, round: 5 },
        },
        sources: [], dimensions: [], indicators: [], notes: [],
    };
}

describe('cellKeySecret', () => {
    test('a perturbing monitor without the variable gets privacy-cellkey-secret-missing at perturb', () => {
        const { secret, issue } = cellKeySecret(program(true), {});
        expect(secret).toBeNull();
        expect(issue).toMatchObject({ code: 'privacy-cellkey-secret-missing', severity: 'error', span });
        expect(cellKeySecret(program(true), { [CELLKEY_SECRET_VARIABLE]: '' }).issue?.code).toBe('privacy-cellkey-secret-missing');
    });
    test('a secret shorter than 16 characters gets privacy-cellkey-secret-short', () => {
        const { secret, issue } = cellKeySecret(program(true), { [CELLKEY_SECRET_VARIABLE]: 'kort-geheim' });
        expect(secret).toBeNull();
        expect(issue).toMatchObject({ code: 'privacy-cellkey-secret-short', severity: 'error', span });
    });
    test('a long enough secret is used, with no issue', () => {
        expect(cellKeySecret(program(true), { [CELLKEY_SECRET_VARIABLE]: 'zestien-tekens-lang' })).toEqual({ secret: 'zestien-tekens-lang', issue: null });
    });
    test('a monitor that does not perturb needs no secret and reads none', () => {
        expect(cellKeySecret(program(false), {})).toEqual({ secret: null, issue: null });
        expect(cellKeySecret(program(false), { [CELLKEY_SECRET_VARIABLE]: 'zestien-tekens-lang' })).toEqual({ secret: null, issue: null });
    });
});

describe('the language server computes a perturbing monitor only with the secret', () => {
    test('without it: privacy-cellkey-secret-missing at perturb and no rows; with it: perturbed rows', async () => {
        const base = await jeugdProgram();
        const perturb = { method: 'cellkey' as const, maxDeviation: 2, variance: 2, span: base.monitor.span };
        const program: ProgramIR = { ...base, monitor: { ...base.monitor, privacy: { minimum: 10, round: 5, perturb } } };
        const saved = process.env[CELLKEY_SECRET_VARIABLE];
        try {
            delete process.env[CELLKEY_SECRET_VARIABLE];
            const without = await computeAnalysis(program, JEUGD);
            expect(without.rows).toBeNull();
            expect(without.issues.filter((i) => i.code.startsWith('privacy-cellkey'))).toMatchObject([{ code: 'privacy-cellkey-secret-missing', span: base.monitor.span }]);
            process.env[CELLKEY_SECRET_VARIABLE] = 'het-geheim-van-de-test';
            const withSecret = await computeAnalysis(program, JEUGD);
            expect(withSecret.issues.filter((i) => i.code.startsWith('privacy-cellkey'))).toEqual([]);
            const plain = await computeAnalysis(base, JEUGD);
            expect(withSecret.rows!.length).toBe(plain.rows!.length);
            expect(withSecret.rows!.map((r) => r.numerator)).not.toEqual(plain.rows!.map((r) => r.numerator));
        } finally {
            if (saved === undefined) delete process.env[CELLKEY_SECRET_VARIABLE];
            else process.env[CELLKEY_SECRET_VARIABLE] = saved;
        }
    });
});
