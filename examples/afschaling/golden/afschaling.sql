-- indicator afschaling (rate, × 100)
WITH periods(label, p_start, p_end, ordinal) AS (
    VALUES ('2019-H1', DATE '2019-01-01', DATE '2019-06-30', 4038),
           ('2019-H2', DATE '2019-07-01', DATE '2019-12-31', 4039),
           ('2020-H1', DATE '2020-01-01', DATE '2020-06-30', 4040),
           ('2020-H2', DATE '2020-07-01', DATE '2020-12-31', 4041),
           ('2021-H1', DATE '2021-01-01', DATE '2021-06-30', 4042),
           ('2021-H2', DATE '2021-07-01', DATE '2021-12-31', 4043),
           ('2022-H1', DATE '2022-01-01', DATE '2022-06-30', 4044),
           ('2022-H2', DATE '2022-07-01', DATE '2022-12-31', 4045),
           ('2023-H1', DATE '2023-01-01', DATE '2023-06-30', 4046),
           ('2023-H2', DATE '2023-07-01', DATE '2023-12-31', 4047),
           ('2024-H1', DATE '2024-01-01', DATE '2024-06-30', 4048),
           ('2024-H2', DATE '2024-07-01', DATE '2024-12-31', 4049),
           ('2025-H1', DATE '2025-01-01', DATE '2025-06-30', 4050),
           ('2025-H2', DATE '2025-07-01', DATE '2025-12-31', 4051),
           ('2026-H1', DATE '2026-01-01', DATE '2026-06-30', 4052),
           ('2026-H2', DATE '2026-07-01', DATE '2026-12-31', 4053)
),
n_rows AS (
    SELECT (year("s"."einddatum") * 2 + (month("s"."einddatum") - 1) // 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           "s"."client_id" AS v,
           "s"."client_id" AS k,
           "s"."rowid" AS rid,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."zorgvorm" = '24-uurs verblijf')
),
n_cov(label, covered) AS (SELECT p.label, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') FROM periods AS p),
n_next AS (
    SELECT "b"."client_id" AS b_k, "b"."begindatum" AS b_start, "b"."rowid" AS b_rid
    FROM "src_zorg" AS "b"
    WHERE ("b"."zorgvorm" IN ('deeltijdverblijf', 'dagbehandeling', 'ambulant'))
),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN (SELECT p.* FROM periods AS p JOIN n_cov AS c ON c.label = p.label AND c.covered) AS p ON p.ordinal = r.o
    WHERE EXISTS (SELECT 1 FROM n_next AS nx WHERE nx.b_k = r.k AND nx.b_start >= r.t_end AND nx.b_start <= r.t_end + 30 AND nx.b_rid <> r.rid)
),
n_agg AS (
    SELECT label, TRUE AS total, CAST(count(DISTINCT v) AS DOUBLE) AS value, bool_or(prov_row) AS prov, count(v) AS units
    FROM n_hits
    GROUP BY label
),
d_rows AS (
    SELECT (year("s"."einddatum") * 2 + (month("s"."einddatum") - 1) // 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           "s"."client_id" AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."zorgvorm" = '24-uurs verblijf')
),
d_cov(label, covered) AS (SELECT p.label, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') FROM periods AS p),
d_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM d_rows AS r JOIN (SELECT p.* FROM periods AS p JOIN d_cov AS c ON c.label = p.label AND c.covered) AS p ON p.ordinal = r.o
),
d_agg AS (
    SELECT label, TRUE AS total, CAST(count(DISTINCT v) AS DOUBLE) AS value, bool_or(prov_row) AS prov, count(v) AS units
    FROM d_hits
    GROUP BY label
),
grid AS (SELECT label, ordinal, TRUE AS total FROM periods)
SELECT grid.label AS period,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(d.value, 0) END AS denominator,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.prov, FALSE) OR coalesce(d.prov, FALSE) END AS provisional,
       (nc.covered AND dc.covered) AS covered,
       grid.total,
       CASE WHEN (nc.covered AND dc.covered) THEN CAST(coalesce(n.units, 0) AS DOUBLE) END AS units
FROM grid
JOIN n_cov AS nc ON nc.label = grid.label
LEFT JOIN n_agg AS n ON n.label = grid.label
JOIN d_cov AS dc ON dc.label = grid.label
LEFT JOIN d_agg AS d ON d.label = grid.label
ORDER BY grid.ordinal, grid.total DESC;

-- indicator duur_24uurs (measure)
WITH periods(label, p_start, p_end, ordinal) AS (
    VALUES ('2019-H1', DATE '2019-01-01', DATE '2019-06-30', 4038),
           ('2019-H2', DATE '2019-07-01', DATE '2019-12-31', 4039),
           ('2020-H1', DATE '2020-01-01', DATE '2020-06-30', 4040),
           ('2020-H2', DATE '2020-07-01', DATE '2020-12-31', 4041),
           ('2021-H1', DATE '2021-01-01', DATE '2021-06-30', 4042),
           ('2021-H2', DATE '2021-07-01', DATE '2021-12-31', 4043),
           ('2022-H1', DATE '2022-01-01', DATE '2022-06-30', 4044),
           ('2022-H2', DATE '2022-07-01', DATE '2022-12-31', 4045),
           ('2023-H1', DATE '2023-01-01', DATE '2023-06-30', 4046),
           ('2023-H2', DATE '2023-07-01', DATE '2023-12-31', 4047),
           ('2024-H1', DATE '2024-01-01', DATE '2024-06-30', 4048),
           ('2024-H2', DATE '2024-07-01', DATE '2024-12-31', 4049),
           ('2025-H1', DATE '2025-01-01', DATE '2025-06-30', 4050),
           ('2025-H2', DATE '2025-07-01', DATE '2025-12-31', 4051),
           ('2026-H1', DATE '2026-01-01', DATE '2026-06-30', 4052),
           ('2026-H2', DATE '2026-07-01', DATE '2026-12-31', 4053)
),
n_rows AS (
    SELECT (year("s"."einddatum") * 2 + (month("s"."einddatum") - 1) // 6) AS o,
           "s"."begindatum" AS t_start,
           "s"."einddatum" AS t_end,
           ("s"."einddatum" - "s"."begindatum" + 1) AS v,
           lower(CAST("s"."status" AS VARCHAR)) IN ('provisional', 'voorlopig') AS prov_row
    FROM "src_zorg" AS "s"
    WHERE ("s"."zorgvorm" = '24-uurs verblijf')
),
n_cov(label, covered) AS (SELECT p.label, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') FROM periods AS p),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN (SELECT p.* FROM periods AS p JOIN n_cov AS c ON c.label = p.label AND c.covered) AS p ON p.ordinal = r.o
),
n_agg AS (
    SELECT label, TRUE AS total, CAST(avg(v) AS DOUBLE) AS value, bool_or(prov_row) AS prov, count(v) AS units
    FROM n_hits
    GROUP BY label
),
grid AS (SELECT label, ordinal, TRUE AS total FROM periods)
SELECT grid.label AS period,
       CASE WHEN nc.covered THEN n.value END AS numerator,
       CAST(NULL AS DOUBLE) AS denominator,
       CASE WHEN nc.covered THEN coalesce(n.prov, FALSE) END AS provisional,
       nc.covered AS covered,
       grid.total,
       CASE WHEN nc.covered THEN CAST(coalesce(n.units, 0) AS DOUBLE) END AS units
FROM grid
JOIN n_cov AS nc ON nc.label = grid.label
LEFT JOIN n_agg AS n ON n.label = grid.label
ORDER BY grid.ordinal, grid.total DESC;
