-- indicator afschaling (rate, × 100)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-H%s', o / 2, o % 2 + 1), make_date(o / 2, o % 2 * 6 + 1, 1), (CAST(make_date(o / 2, o % 2 * 6 + 6, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(4038, 4054 - 1) AS t(o)
),
n_rows AS (
    SELECT (CAST(EXTRACT(YEAR FROM "s"."einddatum") AS INTEGER) * 2 + (CAST(EXTRACT(MONTH FROM "s"."einddatum") AS INTEGER) - 1) / 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           "s"."client_id" AS v,
           "s"."client_id" AS k,
           "s"."ctid" AS rid,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."einddatum" BETWEEN DATE '2019-01-01' AND DATE '2025-06-30') AND ("s"."zorgvorm" = '24-uurs verblijf')
),
n_next AS (
    SELECT "b"."client_id" AS b_k, "b"."begindatum" AS b_start, "b"."ctid" AS b_rid
    FROM "src_zorg" AS "b"
    WHERE ("b"."zorgvorm" IN ('deeltijdverblijf', 'dagbehandeling', 'ambulant'))
),
n_hits AS (
    SELECT r.*
    FROM n_rows AS r
    WHERE EXISTS (SELECT 1 FROM n_next AS nx WHERE nx.b_k = r.k AND nx.b_start >= r.t_end AND nx.b_start <= r.t_end + 30 AND nx.b_rid <> r.rid)
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM n_hits
    GROUP BY o
),
d_rows AS (
    SELECT (CAST(EXTRACT(YEAR FROM "s"."einddatum") AS INTEGER) * 2 + (CAST(EXTRACT(MONTH FROM "s"."einddatum") AS INTEGER) - 1) / 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."einddatum" BETWEEN DATE '2019-01-01' AND DATE '2025-06-30') AND ("s"."zorgvorm" = '24-uurs verblijf')
),
d_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(count(DISTINCT (v) COLLATE "C") AS DOUBLE PRECISION) AS value
    FROM d_rows
    GROUP BY o
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AS covered, TRUE AS total
    FROM periods AS p
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN grid.covered THEN coalesce(d.value, 0) END AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) OR coalesce(d.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CAST(NULL AS DOUBLE PRECISION) AS units
FROM grid
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
LEFT JOIN d_agg AS d ON d.o = grid.ordinal
ORDER BY grid.ordinal, grid.total DESC;

-- indicator duur_24uurs (measure)
WITH periods(label, p_start, p_end, ordinal) AS (
    SELECT format('%s-H%s', o / 2, o % 2 + 1), make_date(o / 2, o % 2 * 6 + 1, 1), (CAST(make_date(o / 2, o % 2 * 6 + 6, 1) + INTERVAL '1 MONTH' AS DATE) - 1), o
    FROM generate_series(4038, 4054 - 1) AS t(o)
),
n_rows AS (
    SELECT (CAST(EXTRACT(YEAR FROM "s"."einddatum") AS INTEGER) * 2 + (CAST(EXTRACT(MONTH FROM "s"."einddatum") AS INTEGER) - 1) / 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           ("s"."einddatum" - "s"."begindatum" + 1) AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."einddatum" BETWEEN DATE '2019-01-01' AND DATE '2025-06-30') AND ("s"."zorgvorm" = '24-uurs verblijf')
),
n_agg AS (
    SELECT o, TRUE AS total, bool_or(prov_row) AS prov, CAST(avg(v) AS DOUBLE PRECISION) AS value, count(v) AS units, max(abs(CAST(v AS DOUBLE PRECISION))) AS top
    FROM n_rows
    GROUP BY o
),
grid AS (
    SELECT p.label, p.ordinal, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') AS covered, TRUE AS total
    FROM periods AS p
)
SELECT grid.label AS period,
       CASE WHEN grid.covered THEN n.value END AS numerator,
       CAST(NULL AS DOUBLE PRECISION) AS denominator,
       CASE WHEN grid.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       grid.covered AS covered,
       grid.total,
       CASE WHEN grid.covered THEN CAST(coalesce(n.units, 0) AS DOUBLE PRECISION) END AS units,
       CASE WHEN grid.covered THEN n.top END AS top
FROM grid
LEFT JOIN n_agg AS n ON n.o = grid.ordinal
ORDER BY grid.ordinal, grid.total DESC;
