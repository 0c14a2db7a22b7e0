-- 关爱计数 striped: the rows of the country, the provinces and the prefectures are split in stripes (a write adds to
-- one stripe, readers sum them), so concurrent writers of the same day rarely queue on the same row. Lower levels use
-- stripe 0. The tables are made again with the stripe in their key (a primary key cannot be changed alike on every
-- database), keeping their counts in stripe 0.
CREATE TABLE care_tally_striped (
    region_code  VARCHAR(12)  NOT NULL,
    metric       VARCHAR(60)  NOT NULL,
    stripe       INTEGER      NOT NULL,
    entries      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT care_tally_striped_key PRIMARY KEY (region_code, metric, stripe)
);
INSERT INTO care_tally_striped (region_code, metric, stripe, entries)
SELECT region_code, metric, 0, entries FROM care_tally;
DROP TABLE care_tally;
ALTER TABLE care_tally_striped RENAME TO care_tally;

CREATE TABLE care_daily_striped (
    region_code  VARCHAR(12)  NOT NULL,
    metric       VARCHAR(20)  NOT NULL,
    day_on       VARCHAR(10)  NOT NULL,
    stripe       INTEGER      NOT NULL,
    entries      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT care_daily_striped_key PRIMARY KEY (region_code, metric, day_on, stripe)
);
INSERT INTO care_daily_striped (region_code, metric, day_on, stripe, entries)
SELECT region_code, metric, day_on, 0, entries FROM care_daily;
DROP TABLE care_daily;
ALTER TABLE care_daily_striped RENAME TO care_daily;

CREATE TABLE care_due_striped (
    region_code  VARCHAR(12)  NOT NULL,
    due_on       VARCHAR(10)  NOT NULL,
    stripe       INTEGER      NOT NULL,
    persons      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT care_due_striped_key PRIMARY KEY (region_code, due_on, stripe)
);
INSERT INTO care_due_striped (region_code, due_on, stripe, persons)
SELECT region_code, due_on, 0, persons FROM care_due;
DROP TABLE care_due;
ALTER TABLE care_due_striped RENAME TO care_due;

-- 首次服务标记: per person and calendar year, the regions the person was served in, with a bit per month served
-- (bit 0 = January). Decides, in the transaction of the service, whether a service is the person's first in its
-- month, quarter and year at each level of the region, so the distinct persons served in a calendar period are
-- counted once, on write.
CREATE TABLE care_served_year (
    person_id    BIGINT       NOT NULL,
    year_of      INTEGER      NOT NULL,
    region_code  VARCHAR(12)  NOT NULL,
    months       INTEGER      NOT NULL,
    PRIMARY KEY (person_id, year_of, region_code)
);

-- 服务人数: distinct persons served per region subtree and calendar period ('2026', '2026-Q4', '2026-12'), striped
-- like the counters above: the figure of a calendar period is a key look-up.
CREATE TABLE care_served_count (
    region_code  VARCHAR(12)  NOT NULL,
    period_key   VARCHAR(8)   NOT NULL,
    stripe       INTEGER      NOT NULL,
    persons      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, period_key, stripe)
);

INSERT INTO care_served_year (person_id, year_of, region_code, months)
SELECT person_id, y, region_code, SUM(bit) FROM (
    SELECT DISTINCT person_id, CAST(EXTRACT(YEAR FROM served_on) AS INTEGER) AS y, region_code,
           CAST(POWER(2, CAST(EXTRACT(MONTH FROM served_on) AS INTEGER) - 1) AS INTEGER) AS bit
    FROM care_served
) m
GROUP BY person_id, y, region_code;

INSERT INTO care_served_count (region_code, period_key, stripe, persons)
SELECT region_code, period_key, 0, COUNT(DISTINCT person_id) FROM (
    SELECT CASE WHEN lv.n = 0 THEN '00' ELSE SUBSTRING(s.region_code, 1, lv.n) END AS region_code,
           CASE k.kind WHEN 'Y' THEN s.y
                       WHEN 'Q' THEN s.y || '-Q' || CAST((s.m + 2) / 3 AS VARCHAR(1))
                       ELSE s.ym END AS period_key,
           s.person_id
    FROM (SELECT person_id, region_code, TO_CHAR(served_on, 'YYYY') AS y, TO_CHAR(served_on, 'YYYY-MM') AS ym,
                 CAST(EXTRACT(MONTH FROM served_on) AS INTEGER) AS m
          FROM care_served) s
    CROSS JOIN (SELECT 0 AS n UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 9
                UNION ALL SELECT 12) lv
    CROSS JOIN (SELECT 'Y' AS kind UNION ALL SELECT 'Q' UNION ALL SELECT 'M') k
    WHERE LENGTH(s.region_code) >= lv.n
) c
GROUP BY region_code, period_key;
