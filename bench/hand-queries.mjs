/**
 * A careful analyst's own SQL for the indicators of examples/jeugd/jeugd.monitor, written from
 * the definitions in the file (not from the generated SQL). Each returns what the generated query
 * returns: one row per quarter of the monitor's range (2019-Q1 .. 2026-Q4) and cell — `period`,
 * `wijk` (NULL for the total), `covered`, and for a covered quarter `numerator`, `denominator`,
 * `provisional` (NULL outside the data's coverage) — so the benchmark checks every row.
 */

// The monitor's quarters; a quarter is covered when its last day lies in the source's declared
// coverage (2018-01-01 .. 2025-06-30).
const QUARTERS = `kwartalen AS (
    SELECT strftime(ps, '%Y') || '-Q' || quarter(ps) AS period, ps, CAST(ps + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS pe,
           CAST(ps + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) <= DATE '2025-06-30' AS gedekt
    FROM generate_series(DATE '2019-01-01', DATE '2026-10-01', INTERVAL 3 MONTH) AS t(ps)
)`;

/** Youths per wijk on the latest 1 January at most a year before the quarter's end. */
const POPULATION = `peil AS (
    SELECT k.period, max(j.peildatum) AS peildatum
    FROM kwartalen k JOIN src_jongeren j ON j.peildatum <= k.pe AND j.peildatum > k.pe - INTERVAL 1 YEAR
    WHERE k.gedekt
    GROUP BY k.period
),
noemer AS (
    SELECT p.period, j.wijk, sum(j.aantal) AS n
    FROM peil p JOIN src_jongeren j ON j.peildatum = p.peildatum
    GROUP BY GROUPING SETS ((p.period, j.wijk), (p.period))
)`;

/** Clients with one of `kinds` on the last day of each quarter, per wijk and in total, per 1,000 youths. */
function standPer1000(kinds, byWijk) {
    const list = kinds.map((k) => `'${k}'`).join(', ');
    const sets = byWijk ? 'GROUPING SETS ((k.period, t.wijk), (k.period))' : 'k.period';
    const wijk = byWijk ? 't.wijk' : 'NULL';
    const cells = byWijk
        ? `SELECT period, gedekt, wijk FROM kwartalen, (SELECT DISTINCT wijk FROM src_trajecten) UNION ALL SELECT period, gedekt, CAST(NULL AS VARCHAR) FROM kwartalen`
        : `SELECT period, gedekt, CAST(NULL AS VARCHAR) AS wijk FROM kwartalen`;
    return `WITH ${QUARTERS}, ${POPULATION},
teller AS (
    SELECT k.period, ${wijk} AS wijk, count(DISTINCT t.client_id) AS n, bool_or(t.status = 'voorlopig') AS voorlopig
    FROM src_trajecten t JOIN kwartalen k ON t.begindatum <= k.pe AND (t.einddatum IS NULL OR t.einddatum >= k.pe)
    WHERE t.voorziening IN (${list}) AND k.gedekt
    GROUP BY ${sets}
),
cellen AS (${cells}),
gedekt AS (SELECT c.*, c.gedekt AND p.peildatum IS NOT NULL AS covered FROM cellen c LEFT JOIN peil p USING (period))
SELECT c.period, c.wijk, c.covered,
       CASE WHEN c.covered THEN coalesce(t.n, 0) END AS numerator,
       CASE WHEN c.covered THEN d.n END AS denominator,
       CASE WHEN c.covered THEN coalesce(t.voorlopig, false) END AS provisional
FROM gedekt c
LEFT JOIN teller t ON t.period = c.period AND t.wijk IS NOT DISTINCT FROM c.wijk
LEFT JOIN noemer d ON d.period = c.period AND d.wijk IS NOT DISTINCT FROM c.wijk
ORDER BY c.period, c.wijk NULLS FIRST`;
}

/** Share in foster care among clients in care with accommodation, in one pass over the episodes. */
const AANDEEL_PLEEGZORG = `WITH ${QUARTERS},
stand AS (
    SELECT k.period,
           count(DISTINCT t.client_id) FILTER (WHERE t.voorziening = 'pleegzorg') AS pleegzorg,
           count(DISTINCT t.client_id) AS verblijf,
           bool_or(t.status = 'voorlopig') AS voorlopig
    FROM src_trajecten t JOIN kwartalen k ON t.begindatum <= k.pe AND (t.einddatum IS NULL OR t.einddatum >= k.pe)
    WHERE t.voorziening IN ('verblijf', 'pleegzorg') AND k.gedekt
    GROUP BY k.period
)
SELECT k.period, NULL AS wijk, k.gedekt AS covered,
       CASE WHEN k.gedekt THEN coalesce(s.pleegzorg, 0) END AS numerator, CASE WHEN k.gedekt THEN coalesce(s.verblijf, 0) END AS denominator,
       CASE WHEN k.gedekt THEN coalesce(s.voorlopig, false) END AS provisional
FROM kwartalen k LEFT JOIN stand s USING (period)
ORDER BY k.period`;

/** Clients whose accommodation episode started (or ended) in the quarter. */
function flow(dateColumn) {
    return `WITH ${QUARTERS},
stroom AS (
    SELECT k.period, count(DISTINCT t.client_id) AS n, bool_or(t.status = 'voorlopig') AS voorlopig
    FROM src_trajecten t JOIN kwartalen k ON t.${dateColumn} BETWEEN k.ps AND k.pe
    WHERE t.voorziening IN ('verblijf', 'pleegzorg') AND k.gedekt
    GROUP BY k.period
)
SELECT k.period, NULL AS wijk, k.gedekt AS covered, CASE WHEN k.gedekt THEN coalesce(s.n, 0) END AS numerator, NULL AS denominator,
       CASE WHEN k.gedekt THEN coalesce(s.voorlopig, false) END AS provisional
FROM kwartalen k LEFT JOIN stroom s USING (period)
ORDER BY k.period`;
}

/** Hand-written SQL per indicator of the jeugd example, by indicator name. */
export const HAND_QUERIES = {
    verblijf: standPer1000(['verblijf', 'pleegzorg'], true),
    residentieel: standPer1000(['verblijf'], false),
    aandeel_pleegzorg: AANDEEL_PLEEGZORG,
    instroom_verblijf: flow('begindatum'),
    uitstroom_verblijf: flow('einddatum'),
};

const num = (x) => (x === null || x === undefined ? null : Number(x));

/**
 * Every row of a series query (generated or hand-written) as sorted keys — period, cell (NULL for the
 * total), covered, numerator, denominator, provisional — for checking that two queries return the same rows.
 */
export function keyedRows(rows) {
    return rows.map((r) => JSON.stringify([
        r.period, r.total === true ? null : (r.wijk ?? null), r.covered === true, num(r.numerator), num(r.denominator), r.provisional ?? null,
    ])).sort();
}
