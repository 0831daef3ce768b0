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

describe('targetText', () => {
    test('a relative target names its baseline and tolerance', () => {
        expect(targetText(indicator('verblijf').target!, 'en')).toBe('2026-Q4 -15% vs 2022, tolerance 5%');
        expect(targetText(indicator('aandeel_pleegzorg').target!, 'nl')).toBe('2026-Q4 >= 60, marge 3');
    });
});
