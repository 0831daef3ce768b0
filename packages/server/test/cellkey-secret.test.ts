/** The secret of `perturb cellkey` comes from MONITOR_CELLKEY_SECRET: missing or short is an error at `perturb`. */
import type { ProgramIR } from '@monitor/ir';
import { describe, expect, test } from 'vitest';
import { CELLKEY_SECRET_VARIABLE, cellKeySecret } from '../src/cellkey-secret.js';

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
