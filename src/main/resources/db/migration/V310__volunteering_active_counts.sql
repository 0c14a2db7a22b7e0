-- 活跃志愿者: the volunteers with confirmed hours in force (confirmed, not a reversal, not reversed) in a calendar
-- period, counted on write so that the dashboard reads them by key. volunteering_active_month holds, per volunteer,
-- year, region served in and month, how many records in force the volunteer has there; the first record of a
-- volunteer in a period adds 1 on each level of the region where the volunteer was not yet counted in that period, and
-- the reversal of the last one takes it away again.
CREATE TABLE volunteering_active_month (
    volunteer_id  BIGINT       NOT NULL,
    year_of       INTEGER      NOT NULL,
    region_code   VARCHAR(12)  NOT NULL,
    month_of      INTEGER      NOT NULL,
    records       INTEGER      NOT NULL,
    PRIMARY KEY (volunteer_id, year_of, region_code, month_of)
);

-- Distinct active volunteers per region subtree and calendar period ('2026', '2026-Q4', '2026-12').
CREATE TABLE volunteering_active_count (
    region_code  VARCHAR(12)  NOT NULL,
    period_key   VARCHAR(8)   NOT NULL,
    volunteers   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, period_key)
);

INSERT INTO volunteering_active_month (volunteer_id, year_of, region_code, month_of, records)
SELECT h.volunteer_id, CAST(EXTRACT(YEAR FROM h.started_at) AS INTEGER), h.region_code,
       CAST(EXTRACT(MONTH FROM h.started_at) AS INTEGER), COUNT(*)
FROM service_hours h
WHERE h.status = 'CONFIRMED' AND h.reverses_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)
GROUP BY h.volunteer_id, CAST(EXTRACT(YEAR FROM h.started_at) AS INTEGER), h.region_code,
         CAST(EXTRACT(MONTH FROM h.started_at) AS INTEGER);

INSERT INTO volunteering_active_count (region_code, period_key, volunteers)
SELECT region_code, period_key, COUNT(DISTINCT volunteer_id) FROM (
    SELECT CASE WHEN lv.n = 0 THEN '00' ELSE SUBSTRING(a.region_code, 1, lv.n) END AS region_code,
           CASE k.kind WHEN 'Y' THEN CAST(a.year_of AS VARCHAR(4))
                       WHEN 'Q' THEN CAST(a.year_of AS VARCHAR(4)) || '-Q' || CAST((a.month_of + 2) / 3 AS VARCHAR(1))
                       ELSE CAST(a.year_of AS VARCHAR(4)) || '-' || LPAD(CAST(a.month_of AS VARCHAR(2)), 2, '0')
           END AS period_key,
           a.volunteer_id
    FROM volunteering_active_month a
    CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 9
                UNION ALL SELECT 12) lv
    CROSS JOIN (SELECT 'Y' AS kind UNION ALL SELECT 'Q' UNION ALL SELECT 'M') k
    WHERE LENGTH(a.region_code) >= lv.n AND a.records > 0
) c
GROUP BY region_code, period_key;
