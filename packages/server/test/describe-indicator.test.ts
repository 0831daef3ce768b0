import { beforeAll, describe, expect, test } from 'vitest';
import type { IndicatorIR, ProgramIR } from '@monitor/ir';
import { describeIndicator } from '../src/describe-indicator.js';
import { targetText } from '../src/indicator-summary.js';
import { jeugdProgram } from './jeugd-program.js';

let program: ProgramIR;
const indicator = (name: string): IndicatorIR => program.indicators.find(i => i.name === name)!;
beforeAll(async () => { program = await jeugdProgram(); });

describe('describeIndicator', () => {
    test('a rate reads as what is counted, when, per how many of what', () => {
        expect(describeIndicator(indicator('residentieel'), 'en')).toBe(
            'Counts distinct client_id in trajecten active on the last day of each quarter where `voorziening = "verblijf"`, '
            + 'per 1,000 of the sum of aantal in jongeren at the latest reference date in each quarter.');
    });

    test('the Dutch text uses Dutch words and number format, and names the breakdown', () => {
        expect(describeIndicator(indicator('verblijf'), 'nl')).toBe(
            'Telt unieke client_id in trajecten actief op de laatste dag van elk kwartaal waar `voorziening in ("verblijf", "pleegzorg")`, '
            + 'per 1.000 van de som van aantal in jongeren op de laatste peildatum in elk kwartaal, naar wijk.');
    });

    test('a percentage and an expression say so', () => {
        expect(describeIndicator(indicator('aandeel_pleegzorg'), 'en')).toContain(', as a percentage of the number of distinct client_id in trajecten');
        expect(describeIndicator(indicator('netto_instroom'), 'en')).toBe('Computed as `(instroom_verblijf - uitstroom_verblijf)`.');
    });

    test('started and ended episodes are counted in the period they start or end', () => {
        expect(describeIndicator(indicator('instroom_verblijf'), 'en')).toContain('started in each quarter');
        expect(describeIndicator(indicator('uitstroom_verblijf'), 'nl')).toContain('geëindigd in elk kwartaal');
    });
});

describe('derived columns and names between backticks', () => {
    test('the definition names the derived columns an indicator reads, with their expressions and backticks where needed', () => {
        const kwb = structuredClone(program);
        const source = kwb.sources.find(s => s.name === 'jongeren')!;
        source.columns.push(
            { name: 'inwoners_86', type: 'integer', nullable: true, span: source.span },
            { name: 'Inwonërs (aantal)', type: 'integer', nullable: true, span: source.span, expression: { kind: 'call', function: 'coalesce', args: [
                { kind: 'column', name: 'inwoners_86' }, { kind: 'column', name: 'aantal' }] } },
        );
        const rate = structuredClone(indicator('residentieel'));
        if (rate.value.kind !== 'rate') throw new Error('a rate');
        rate.value.denominator.column = { column: 'Inwonërs (aantal)', lookup: null };
        expect(describeIndicator(rate, 'en', kwb)).toContain('per 1,000 of the sum of `Inwonërs (aantal)` in jongeren');
        // A code span holding a backtick is written between double backticks (Markdown, and the report's withCode).
        expect(describeIndicator(rate, 'en', kwb)).toMatch(/\. Derived columns: `` jongeren\.`Inwonërs \(aantal\)` = coalesce\(inwoners_86, aantal\) ``\.$/);
        expect(describeIndicator(rate, 'nl', kwb)).toContain('Afgeleide kolommen: ');
        // Without derived columns the definition is one sentence, as before.
        expect(describeIndicator(indicator('residentieel'), 'en', program)).not.toContain('Derived');
    });
});

describe('targetText', () => {
    test('a relative target names its baseline and tolerance', () => {
        expect(targetText(indicator('verblijf').target!, 'en')).toBe('2026-Q4 -15% vs 2022, tolerance 5%');
        expect(targetText(indicator('aandeel_pleegzorg').target!, 'nl')).toBe('2026-Q4 >= 60, marge 3');
    });
});
