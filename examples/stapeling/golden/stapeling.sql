-- indicator stapeling_einde (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    VALUES ('2019-Q1', DATE '2019-01-01', DATE '2019-03-31', 8076),
           ('2019-Q2', DATE '2019-04-01', DATE '2019-06-30', 8077),
           ('2019-Q3', DATE '2019-07-01', DATE '2019-09-30', 8078),
           ('2019-Q4', DATE '2019-10-01', DATE '2019-12-31', 8079),
           ('2020-Q1', DATE '2020-01-01', DATE '2020-03-31', 8080),
           ('2020-Q2', DATE '2020-04-01', DATE '2020-06-30', 8081),
           ('2020-Q3', DATE '2020-07-01', DATE '2020-09-30', 8082),
           ('2020-Q4', DATE '2020-10-01', DATE '2020-12-31', 8083),
           ('2021-Q1', DATE '2021-01-01', DATE '2021-03-31', 8084),
           ('2021-Q2', DATE '2021-04-01', DATE '2021-06-30', 8085),
           ('2021-Q3', DATE '2021-07-01', DATE '2021-09-30', 8086),
           ('2021-Q4', DATE '2021-10-01', DATE '2021-12-31', 8087),
           ('2022-Q1', DATE '2022-01-01', DATE '2022-03-31', 8088),
           ('2022-Q2', DATE '2022-04-01', DATE '2022-06-30', 8089),
           ('2022-Q3', DATE '2022-07-01', DATE '2022-09-30', 8090),
           ('2022-Q4', DATE '2022-10-01', DATE '2022-12-31', 8091),
           ('2023-Q1', DATE '2023-01-01', DATE '2023-03-31', 8092),
           ('2023-Q2', DATE '2023-04-01', DATE '2023-06-30', 8093),
           ('2023-Q3', DATE '2023-07-01', DATE '2023-09-30', 8094),
           ('2023-Q4', DATE '2023-10-01', DATE '2023-12-31', 8095),
           ('2024-Q1', DATE '2024-01-01', DATE '2024-03-31', 8096),
           ('2024-Q2', DATE '2024-04-01', DATE '2024-06-30', 8097),
           ('2024-Q3', DATE '2024-07-01', DATE '2024-09-30', 8098),
           ('2024-Q4', DATE '2024-10-01', DATE '2024-12-31', 8099),
           ('2025-Q1', DATE '2025-01-01', DATE '2025-03-31', 8100),
           ('2025-Q2', DATE '2025-04-01', DATE '2025-06-30', 8101),
           ('2025-Q3', DATE '2025-07-01', DATE '2025-09-30', 8102),
           ('2025-Q4', DATE '2025-10-01', DATE '2025-12-31', 8103),
           ('2026-Q1', DATE '2026-01-01', DATE '2026-03-31', 8104),
           ('2026-Q2', DATE '2026-04-01', DATE '2026-06-30', 8105),
           ('2026-Q3', DATE '2026-07-01', DATE '2026-09-30', 8106),
           ('2026-Q4', DATE '2026-10-01', DATE '2026-12-31', 8107)
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
n_cov(label, covered) AS (SELECT p.label, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') FROM periods AS p),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN (SELECT p.* FROM periods AS p JOIN n_cov AS c ON c.label = p.label AND c.covered) AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_end
),
n_stack AS (SELECT label, k FROM n_hits GROUP BY label, k HAVING count(DISTINCT h) >= 2),
n_stacked AS (SELECT h.* FROM n_hits AS h JOIN n_stack AS st ON st.label = h.label AND st.k = h.k),
n_agg AS (
    SELECT label, "wijk", GROUPING("wijk") = 1 AS total, CAST(count(DISTINCT k) AS DOUBLE) AS value, bool_or(prov_row) AS prov, count(*) AS units
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
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_inwoners" WHERE "peildatum" IS NOT NULL) AS d
    JOIN periods AS p ON d.snap_date <= p.p_end AND d.snap_date > CAST(p.p_end - INTERVAL 1 YEAR AS DATE)
    GROUP BY p.label
),
d_cov(label, covered) AS (
    SELECT p.label, s.snap IS NOT NULL FROM periods AS p LEFT JOIN d_snap AS s ON s.label = p.label
),
d_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM d_rows AS r JOIN d_snap AS sn ON r.t_date = sn.snap JOIN (SELECT p.* FROM periods AS p JOIN d_cov AS c ON c.label = p.label AND c.covered) AS p ON p.label = sn.label
),
d_agg AS (
    SELECT label, "wijk", GROUPING("wijk") = 1 AS total, CAST(sum(v) AS DOUBLE) AS value, CAST(NULL AS BOOLEAN) AS prov, count(v) AS units
    FROM d_hits
    GROUP BY GROUPING SETS ((label, "wijk"), (label))
),
groups AS (
    SELECT DISTINCT CAST("g"."wijk" AS VARCHAR) AS "wijk"
    FROM "src_voorzieningen" AS "g"
),
grid AS (
    SELECT p.label, p.ordinal, g."wijk", FALSE AS total FROM periods AS p CROSS JOIN groups AS g
    UNION ALL
    SELECT label, ordinal, CAST(NULL AS VARCHAR) AS "wijk", TRUE AS total FROM periods
)
SELECT grid.label AS period,
       grid."wijk",
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN (nc.covered AND dc.covered) THEN d.value END AS denominator,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.prov, FALSE) END AS provisional,
       (nc.covered AND dc.covered) AS covered,
       grid.total,
       CASE WHEN (nc.covered AND dc.covered) THEN CAST(coalesce(n.units, 0) AS DOUBLE) END AS units
FROM grid
JOIN n_cov AS nc ON nc.label = grid.label
LEFT JOIN n_agg AS n ON n.label = grid.label AND n.total = grid.total AND n."wijk" IS NOT DISTINCT FROM grid."wijk"
JOIN d_cov AS dc ON dc.label = grid.label
LEFT JOIN d_agg AS d ON d.label = grid.label AND d.total = grid.total AND d."wijk" IS NOT DISTINCT FROM grid."wijk"
ORDER BY grid.ordinal, grid.total DESC, grid."wijk" NULLS LAST;

-- indicator stapeling_kwartaal (rate, × 1000)
WITH periods(label, p_start, p_end, ordinal) AS (
    VALUES ('2019-Q1', DATE '2019-01-01', DATE '2019-03-31', 8076),
           ('2019-Q2', DATE '2019-04-01', DATE '2019-06-30', 8077),
           ('2019-Q3', DATE '2019-07-01', DATE '2019-09-30', 8078),
           ('2019-Q4', DATE '2019-10-01', DATE '2019-12-31', 8079),
           ('2020-Q1', DATE '2020-01-01', DATE '2020-03-31', 8080),
           ('2020-Q2', DATE '2020-04-01', DATE '2020-06-30', 8081),
           ('2020-Q3', DATE '2020-07-01', DATE '2020-09-30', 8082),
           ('2020-Q4', DATE '2020-10-01', DATE '2020-12-31', 8083),
           ('2021-Q1', DATE '2021-01-01', DATE '2021-03-31', 8084),
           ('2021-Q2', DATE '2021-04-01', DATE '2021-06-30', 8085),
           ('2021-Q3', DATE '2021-07-01', DATE '2021-09-30', 8086),
           ('2021-Q4', DATE '2021-10-01', DATE '2021-12-31', 8087),
           ('2022-Q1', DATE '2022-01-01', DATE '2022-03-31', 8088),
           ('2022-Q2', DATE '2022-04-01', DATE '2022-06-30', 8089),
           ('2022-Q3', DATE '2022-07-01', DATE '2022-09-30', 8090),
           ('2022-Q4', DATE '2022-10-01', DATE '2022-12-31', 8091),
           ('2023-Q1', DATE '2023-01-01', DATE '2023-03-31', 8092),
           ('2023-Q2', DATE '2023-04-01', DATE '2023-06-30', 8093),
           ('2023-Q3', DATE '2023-07-01', DATE '2023-09-30', 8094),
           ('2023-Q4', DATE '2023-10-01', DATE '2023-12-31', 8095),
           ('2024-Q1', DATE '2024-01-01', DATE '2024-03-31', 8096),
           ('2024-Q2', DATE '2024-04-01', DATE '2024-06-30', 8097),
           ('2024-Q3', DATE '2024-07-01', DATE '2024-09-30', 8098),
           ('2024-Q4', DATE '2024-10-01', DATE '2024-12-31', 8099),
           ('2025-Q1', DATE '2025-01-01', DATE '2025-03-31', 8100),
           ('2025-Q2', DATE '2025-04-01', DATE '2025-06-30', 8101),
           ('2025-Q3', DATE '2025-07-01', DATE '2025-09-30', 8102),
           ('2025-Q4', DATE '2025-10-01', DATE '2025-12-31', 8103),
           ('2026-Q1', DATE '2026-01-01', DATE '2026-03-31', 8104),
           ('2026-Q2', DATE '2026-04-01', DATE '2026-06-30', 8105),
           ('2026-Q3', DATE '2026-07-01', DATE '2026-09-30', 8106),
           ('2026-Q4', DATE '2026-10-01', DATE '2026-12-31', 8107)
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
n_cov(label, covered) AS (SELECT p.label, (p.p_end BETWEEN DATE '2018-01-01' AND DATE '2025-06-30') FROM periods AS p),
n_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM n_rows AS r JOIN (SELECT p.* FROM periods AS p JOIN n_cov AS c ON c.label = p.label AND c.covered) AS p ON r.t_start <= p.p_end AND r.t_end_c >= p.p_start
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
    SELECT label, TRUE AS total, CAST(count(DISTINCT k) AS DOUBLE) AS value, bool_or(prov_row) AS prov, count(*) AS units
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
    FROM (SELECT DISTINCT "peildatum" AS snap_date FROM "src_inwoners" WHERE "peildatum" IS NOT NULL) AS d
    JOIN periods AS p ON d.snap_date <= p.p_end AND d.snap_date > CAST(p.p_end - INTERVAL 1 YEAR AS DATE)
    GROUP BY p.label
),
d_cov(label, covered) AS (
    SELECT p.label, s.snap IS NOT NULL FROM periods AS p LEFT JOIN d_snap AS s ON s.label = p.label
),
d_hits AS (
    SELECT p.label, p.p_start, r.*
    FROM d_rows AS r JOIN d_snap AS sn ON r.t_date = sn.snap JOIN (SELECT p.* FROM periods AS p JOIN d_cov AS c ON c.label = p.label AND c.covered) AS p ON p.label = sn.label
),
d_agg AS (
    SELECT label, TRUE AS total, CAST(sum(v) AS DOUBLE) AS value, CAST(NULL AS BOOLEAN) AS prov, count(v) AS units
    FROM d_hits
    GROUP BY label
),
grid AS (SELECT label, ordinal, TRUE AS total FROM periods)
SELECT grid.label AS period,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.value, 0) END AS numerator,
       CASE WHEN (nc.covered AND dc.covered) THEN d.value END AS denominator,
       CASE WHEN (nc.covered AND dc.covered) THEN coalesce(n.prov, FALSE) END AS provisional,
       (nc.covered AND dc.covered) AS covered,
       grid.total,
       CASE WHEN (nc.covered AND dc.covered) THEN CAST(coalesce(n.units, 0) AS DOUBLE) END AS units
FROM grid
JOIN n_cov AS nc ON nc.label = grid.label
LEFT JOIN n_agg AS n ON n.label = grid.label
JOIN d_cov AS dc ON dc.label = grid.label
LEFT JOIN d_agg AS d ON d.label = grid.label
ORDER BY grid.ordinal, grid.total DESC;
