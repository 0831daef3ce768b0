-- indicator stapeling_einde (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT CAST("s"."wijk" AS VARCHAR) AS "wijk",
           "s"."begindatum" AS t_start,
           coalesce("s"."einddatum", DATE '9999-12-31') AS t_end_c,
           "s"."client_id" AS v,
           "s"."client_id" AS k,
           "s"."domein" AS h,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_voorzieningen" AS "s"
),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN periods AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_end
    WHERE (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30')
),
n_stack AS (SELECT label, k FROM n_hits GROUP BY label, k HAVING count(DISTINCT h) >= 2),
n_stacked AS (SELECT h.* FROM n_hits AS h JOIN n_stack AS st ON st.label = h.label AND st.k = h.k),
n_agg AS (
    SELECT label, "wijk", GROUPING("wijk") = 1 AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (k) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_stacked
    GROUP BY GROUPING SETS ((label, "wijk"), (label))
),
d_rows AS (
    SELECT CAST("s"."wijk" AS VARCHAR) AS "wijk",
           "s"."peildatum" AS t_date,
           "s"."aantal" AS v
    FROM "src_inwoners" AS "s"
),
d_snap(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_inwoners" AS src WHERE "peildatum" IS NOT NULL) AS d
    JOIN periods AS p ON d.snap_date <= p.p_end AND d.snap_date > CAST(p.p_end - (1) * INTERVAL '1 YEAR' AS DATE)
    GROUP BY p.label
),
d_hits AS (
    SELECT p.label, r.*
    FROM d_rows AS r JOIN d_snap AS p ON r.t_date = p.snap
),
d_agg AS (
    SELECT label, "wijk", GROUPING("wijk") = 1 AS total, CAST(NULL AS BOOLEAN) AS prov, CAST(sum(v) AS DOUBLE PRECISION) AS value
    FROM d_hits
    GROUP BY GROUPING SETS ((label, "wijk"), (label))
),
groups AS (
    SELECT DISTINCT CAST("g"."wijk" AS VARCHAR) AS "wijk"
    FROM "src_voorzieningen" AS "g"
),
grid_periods AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AND (d_s.snap IS NOT NULL) AS covered
    FROM periods AS p
    LEFT JOIN d_snap AS d_s ON d_s.label = p.label
),
grid AS (
    SELECT c.label, c.ordinal, c.covered, g."wijk", FALSE AS total FROM grid_periods AS c CROSS JOIN groups AS g
    UNION ALL
    SELECT label, ordinal, covered, CAST(NULL AS VARCHAR) AS "wijk", TRUE AS total FROM grid_periods
)
SELECT grid.label AS period,
       grid."wijk",
       CASE WHEN grid.covered THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN grid.covered THEN d.value END AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.label = grid.label AND n.total = grid.total AND n."wijk" IS NOT DISTINCT FROM grid."wijk"
LEFT JOIN d_agg AS d ON d.label = grid.label AND d.total = grid.total AND d."wijk" IS NOT DISTINCT FROM grid."wijk"
ORDER BY grid.ordinal, grid.total DESC, (grid."wijk") COLLATE "C" NULLS LAST;

-- indicator stapeling_kwartaal (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT "s"."begindatum" AS t_start,
           coalesce("s"."einddatum", DATE '9999-12-31') AS t_end_c,
           "s"."client_id" AS v,
           "s"."client_id" AS k,
           "s"."domein" AS h,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_voorzieningen" AS "s"
),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN periods AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_start
    WHERE (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30')
),
n_stack AS (
    SELECT DISTINCT mo.label, mo.k
    FROM (SELECT label, k, p_start AS m FROM n_hits
          UNION SELECT label, k, t_start FROM n_hits WHERE t_start > p_start) AS mo
    JOIN n_hits AS a ON a.label = mo.label AND a.k = mo.k AND a.t_start <= mo.m AND a.t_end_c >= mo.m
    GROUP BY mo.label, mo.k, mo.m
    HAVING count(DISTINCT a.h) >= 2
),
n_stacked AS (SELECT h.* FROM n_hits AS h JOIN n_stack AS st ON st.label = h.label AND st.k = h.k),
n_agg AS (
    SELECT label, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (k) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_stacked
    GROUP BY label
),
d_rows AS (
    SELECT "s"."peildatum" AS t_date,
           "s"."aantal" AS v
    FROM "src_inwoners" AS "s"
),
d_snap(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_inwoners" AS src WHERE "peildatum" IS NOT NULL) AS d
    JOIN periods AS p ON d.snap_date <= p.p_end AND d.snap_date > CAST(p.p_end - (1) * INTERVAL '1 YEAR' AS DATE)
    GROUP BY p.label
),
d_hits AS (
    SELECT p.label, r.*
    FROM d_rows AS r JOIN d_snap AS p ON r.t_date = p.snap
),
d_agg AS (
    SELECT label, TRUE AS total, CAST(NULL AS BOOLEAN) AS prov, CAST(sum(v) AS DOUBLE PRECISION) AS value
    FROM d_hits
    GROUP BY label
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AND (d_s.snap IS NOT NULL) AS covered, TRUE AS total
    FROM periods AS p
    LEFT JOIN d_snap AS d_s ON d_s.label = p.label
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN grid.covered THEN d.value END AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.label = grid.label
LEFT JOIN d_agg AS d ON d.label = grid.label
ORDER BY grid.ordinal, grid.total DESC;
