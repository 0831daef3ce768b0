/**
 * What a block or clause of the language looks like, by the parser rule that was reading it: a syntax
 * error inside `dimension wijk from t.wijk` shows `dimension wijk { title "Wijk"  trajecten.wijk }`,
 * so an analyst who guessed the syntax sees the right one at the line that went wrong. The examples
 * are code, the same in both languages; only the lead-in is translated.
 */

type Shape = { en: string; nl: string; example: string };

const SHAPES: Record<string, Shape> = {
    MonitorDecl: { en: 'the monitor block', nl: 'het monitorblok', example: 'monitor jeugd { grain quarter  range 2024-Q1 .. 2025-Q4  privacy { minimum 10 } }' },
    Privacy: { en: 'privacy', nl: 'privacy', example: 'privacy { minimum 10  round 5 }   or   privacy none "published CBS figures"' },
    Source: { en: 'a source', nl: 'een bron', example: 'source trajecten from "data/trajecten.csv" { episodes start begindatum end einddatum key client_id  columns { … } }' },
    EventsShape: { en: 'the events shape', nl: 'de vorm events', example: 'events on datum key client_id' },
    EpisodesShape: { en: 'the episodes shape', nl: 'de vorm episodes', example: 'episodes start begindatum end einddatum key client_id' },
    SnapshotShape: { en: 'the snapshot shape', nl: 'de vorm snapshot', example: 'snapshot at peildatum valid 1 year' },
    Levels: { en: 'the levels clause', nl: 'de regel levels', example: 'levels soort_regio { total "Gemeente"  cells "Wijk" }' },
    Column: { en: 'a column', nl: 'een kolom', example: 'einddatum date?   or   clienten integer count' },
    Dimension: { en: 'a dimension', nl: 'een dimensie', example: 'dimension wijk { title "Wijk"  trajecten.wijk }' },
    DimensionMapping: { en: 'a mapping', nl: 'een omzetting', example: 'map via wijkindeling from wijk to stadsdeel since 2022-01-01' },
    Indicator: { en: 'an indicator', nl: 'een indicator', example: 'indicator in_zorg { title "In zorg"  value count from trajecten active at end  by wijk }' },
    Measure: { en: 'a measure', nl: 'een maat', example: 'count distinct client_id from trajecten active at end where voorziening = "verblijf"' },
    Target: { en: 'a target', nl: 'een doel', example: 'target in_zorg { baseline 2024-Q4  2026-Q4 -15%  tolerance 5% }' },
    TargetPoint: { en: 'a target point', nl: 'een doelpunt', example: '2026-Q4 -15%   or   2026-Q4 <= 120   or   2026-Q4 down' },
    Reference: { en: 'a reference', nl: 'een referentie', example: 'reference in_zorg "Nederland" from landelijk where regio = "NL" value per_1000' },
    Note: { en: 'a note', nl: 'een notitie', example: 'note 2024-07-01 "New provider in Noord" on in_zorg' },
};

/** " A dimension is written like this: dimension wijk { … }" for the rule the parser was in, or ''. */
export function shapeHint(ruleName: string | undefined, dutch: boolean): string {
    // Langium appends a zero-width space to the rule names it gives Chevrotain.
    const shape = ruleName ? SHAPES[ruleName.replace(/\W/g, '')] : undefined;
    if (!shape) return '';
    return dutch ? ` Zo schrijft u ${shape.nl}: ${shape.example}` : ` This is how ${shape.en} is written: ${shape.example}`;
}
