/** Small inline data sets with the edge cases the period semantics care about. */
import { col, source } from './program.js';

/**
 * Episodes: open ends, an end on 30 Jun, an end and a start on 29 Feb 2024, one-day episodes (c4 with a
 * successor on the same day, c8 without any), stacking, and transitions with gaps of 0, 1, 90 (c9), 91 (c10) and 96 days.
 */
export const trajecten = source('trajecten', { kind: 'episodes', start: 'begindatum', end: 'einddatum', key: 'client_id' }, [
    col('client_id', 'text'), col('voorziening', 'text'), col('begindatum', 'date'), col('einddatum', 'date', true),
    col('wijk', 'text', true), col('status', 'text'), col('kosten', 'decimal', true),
], { status: 'status' });

export const trajectenCsv = `client_id,voorziening,begindatum,einddatum,wijk,status,kosten
c1,verblijf,2023-01-10,2023-06-30,Noord,definitief,100.5
c1,pleegzorg,2023-07-01,,Noord,definitief,200
c2,verblijf,2023-03-15,2024-02-29,Zuid,definitief,
c2,ambulant,2023-05-01,2023-09-30,Zuid,voorlopig,50
c3,verblijf,2024-02-29,,,Voorlopig,75
c4,ambulant,2023-02-01,2023-02-01,Noord,definitief,10
c4,verblijf,2023-02-01,2023-03-31,Noord,definitief,20
c5,pleegzorg,2024-04-01,2024-12-31,Zuid,definitief,30
c5,verblijf,2024-05-15,2024-06-15,Zuid,definitief,40
c6,ambulant,2023-11-01,2024-01-15,Oost,definitief,
c6,verblijf,2024-04-20,2024-05-01,Oost,definitief,5
c7,ambulant,2024-06-30,2024-07-01,Noord,definitief,1
c7,pleegzorg,2024-07-01,2024-07-02,Noord,definitief,2
c8,ambulant,2024-03-10,2024-03-10,Oost,definitief,3
c9,verblijf,2023-10-01,2024-01-31,Oost,definitief,4
c9,ambulant,2024-04-30,2024-05-31,Oost,definitief,5
c10,ambulant,2023-08-01,2023-08-31,Zuid,definitief,6
c10,verblijf,2023-11-30,2023-12-31,Zuid,definitief,7
`;

/** Events whose data stops on 20 Nov 2024, so 2024-Q4 is outside the derived coverage. */
export const aanvragen = source('aanvragen', { kind: 'events', date: 'datum', key: 'client_id' }, [
    col('client_id', 'text'), col('datum', 'date'), col('soort', 'text', true), col('bedrag', 'decimal', true), col('wijk', 'text', true),
]);

export const aanvragenCsv = `client_id,datum,soort,bedrag,wijk
a1,2023-01-05,wmo,10,Noord
a2,2023-02-28,jeugd,,Zuid
a1,2023-06-30,wmo,5.5,Noord
a3,2023-07-01,,7,
a2,2024-02-29,jeugd,3,Zuid
a4,2024-08-12,wmo,4,Oost
a4,2024-11-20,jeugd,1,Oost
`;

/** Population snapshots: two in 2024-Q1 (the later one counts), none in 2023-Q2 and 2023-Q4. */
export const bevolking = source('bevolking', { kind: 'snapshot', date: 'peildatum', valid: null }, [
    col('peildatum', 'date'), col('wijk', 'text'), col('aantal', 'integer'),
]);

export const bevolkingCsv = `peildatum,wijk,aantal
2023-01-01,Noord,100
2023-01-01,Zuid,200
2023-01-01,Oost,50
2023-07-01,Noord,110
2023-07-01,Zuid,190
2024-01-01,Noord,120
2024-01-01,Zuid,180
2024-03-31,Noord,125
2024-03-31,Zuid,175
2024-03-31,Oost,60
2024-04-01,Noord,126
2024-09-30,Zuid,170
2024-12-31,Noord,130
`;

/** A lookup table from provision to group. */
export const codes = source('codes', { kind: 'table', key: 'code' }, [col('code', 'text'), col('groep', 'text')]);

export const codesCsv = `code,groep
verblijf,zwaar
pleegzorg,zwaar
ambulant,licht
`;
