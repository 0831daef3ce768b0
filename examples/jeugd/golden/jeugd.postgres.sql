-- indicator verblijf (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT CAST("s"."wijk" AS VARCHAR) AS "wijk",
           "s"."begindatum" AS t_start,
           coalesce("s"."einddatum", DATE '9999-12-31') AS t_end_c,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_trajecten" AS "s"
    WHERE ("s"."voorziening" IN ('verblijf', 'pleegzorg')) AND ("s"."begindatum" <= DATE '2025-06-30' AND coalesce("s"."einddatum", DATE '9999-12-31') >= DATE '2019-03-31')
),
n_hits AS (
    SELECT g.o, r.*
    FROM n_rows AS r CROSS JOIN LATERAL generate_series((CAST(EXTRACT(YEAR FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) - 1) / 3), (CAST(EXTRACT(YEAR FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) - 1) / 3) - 1) AS g(o)
),
n_agg AS (
    SELECT o, "wijk", GROUPING("wijk") = 1 AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_hits
    GROUP BY GROUPING SETS ((o, "wijk"), (o))
),
d_rows AS (
    SELECT CAST("s"."wijk" AS VARCHAR) AS "wijk",
           "s"."peildatum" AS t_date,
           "s"."aantal" AS v
    FROM "src_jongeren" AS "s"
),
d_snap(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_jongeren" AS src WHERE "peildatum" IS NOT NULL) AS d
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
    FROM "src_trajecten" AS "g"
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
LEFT JOIN n_agg AS n ON n.o = grid.ordinal AND n.total = grid.total AND n."wijk" IS NOT DISTINCT FROM grid."wijk"
LEFT JOIN d_agg AS d ON d.label = grid.label AND d.total = grid.total AND d."wijk" IS NOT DISTINCT FROM grid."wijk"
ORDER BY grid.ordinal, grid.total DESC, (grid."wijk") COLLATE "C" NULLS LAST;

-- indicator residentieel (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT "s"."begindatum" AS t_start,
           coalesce("s"."einddatum", DATE '9999-12-31') AS t_end_c,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_trajecten" AS "s"
    WHERE ("s"."voorziening" = 'verblijf') AND ("s"."begindatum" <= DATE '2025-06-30' AND coalesce("s"."einddatum", DATE '9999-12-31') >= DATE '2019-03-31')
),
n_hits AS (
    SELECT g.o, r.*
    FROM n_rows AS r CROSS JOIN LATERAL generate_series((CAST(EXTRACT(YEAR FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) - 1) / 3), (CAST(EXTRACT(YEAR FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) - 1) / 3) - 1) AS g(o)
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_hits
    GROUP BY o
),
d_rows AS (
    SELECT "s"."peildatum" AS t_date,
           "s"."aantal" AS v
    FROM "src_jongeren" AS "s"
),
d_snap(label, snap) AS (
    SELECT p.label, max(d.snap_date)
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_jongeren" AS src WHERE "peildatum" IS NOT NULL) AS d
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
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
LEFT JOIN d_agg AS d ON d.label = grid.label
ORDER BY grid.ordinal, grid.total DESC;

-- indicator aandeel_pleegzorg (rate, × 100)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT "s"."begindatum" AS t_start,
           coalesce("s"."einddatum", DATE '9999-12-31') AS t_end_c,
           "s"."client_id" AS n_v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row,
           ("s"."voorziening" = 'pleegzorg') AS n_in,
           ("s"."voorziening" IN ('verblijf', 'pleegzorg')) AS d_in
    FROM "src_trajecten" AS "s"
    WHERE (("s"."voorziening" = 'pleegzorg') OR ("s"."voorziening" IN ('verblijf', 'pleegzorg'))) AND ("s"."begindatum" <= DATE '2025-06-30' AND coalesce("s"."einddatum", DATE '9999-12-31') >= DATE '2019-03-31')
),
n_hits AS (
    SELECT g.o, r.*
    FROM n_rows AS r CROSS JOIN LATERAL generate_series((CAST(EXTRACT(YEAR FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM greatest(r.t_start, DATE '2019-01-01')) AS INTEGER) - 1) / 3), (CAST(EXTRACT(YEAR FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM least(r.t_end_c, DATE '2025-06-30') + 1) AS INTEGER) - 1) / 3) - 1) AS g(o)
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (n_v) COLLATE "C") FILTER (WHERE n_in) AS DOUBLE PRECISION) AS n_value, CAST(count(DISTINCT (n_v) COLLATE "C") FILTER (WHERE d_in) AS DOUBLE PRECISION) AS d_value
    FROM n_hits
    GROUP BY o
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AS covered, TRUE AS total
    FROM periods AS p
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN coalesce(n.n_value, 0) END AS numerator,
       CASE WHEN grid.covered THEN coalesce(n.d_value, 0) END AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
ORDER BY grid.ordinal, grid.total DESC;

-- indicator instroom_verblijf (measure)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT (CAST(EXTRACT(YEAR FROM "s"."begindatum") AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM "s"."begindatum") AS INTEGER) - 1) / 3) AS o,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_trajecten" AS "s"
    WHERE ("s"."begindatum" BETWEEN DATE '2019-01-01' AND DATE '2025-06-30') AND ("s"."voorziening" IN ('verblijf', 'pleegzorg'))
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_rows
    GROUP BY o
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AS covered, TRUE AS total
    FROM periods AS p
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN coalesce(n.value, 0) END AS numerator,
       CAST(NULL AS DOUBLE PRECISION) AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
ORDER BY grid.ordinal, grid.total DESC;

-- indicator uitstroom_verblijf (measure)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-Q%s', o / 4, o % 4 + 1), make_date(o / 4, o % 4 * 3 + 1, 1), (CAST(make_date(o / 4, o % 4 * 3 + 3, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(8076, 8108 - 1) AS t(o)
),
n_rows AS (
    SELECT (CAST(EXTRACT(YEAR FROM "s"."einddatum") AS INTEGER) * 4 + (CAST(EXTRACT(MONTH FROM "s"."einddatum") AS INTEGER) - 1) / 3) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_trajecten" AS "s"
    WHERE ("s"."einddatum" BETWEEN DATE '2019-01-01' AND DATE '2025-06-30') AND ("s"."voorziening" IN ('verblijf', 'pleegzorg'))
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_rows
    GROUP BY o
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AS covered, TRUE AS total
    FROM periods AS p
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN coalesce(n.value, 0) END AS numerator,
       CAST(NULL AS DOUBLE PRECISION) AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
ORDER BY grid.ordinal, grid.total DESC;

-- indicator netto_instroom: (instroom_verblijf - uitstroom_verblijf), combined per period and breakdown by the engine
