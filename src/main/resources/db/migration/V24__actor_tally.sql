-- 登记计数: registry entries per region subtree and category, kept in the same transaction as every registry write,
-- so that the figures of any region (the whole country included) are one key look-up. Every counted entry counts on
-- its own region and on each ancestor up to the country (00). The categories do not overlap: ORGANIZATION and AGENCY
-- (社会工作服务机构) make the organizations, WORKER and CERTIFIED_WORKER (持证) the professionals, VOLUNTEER the
-- volunteers. Deregistered organizations, workers who left and withdrawn volunteers are not counted.
CREATE TABLE actor_tally (
    region_code  VARCHAR(12)  NOT NULL,
    category     VARCHAR(20)  NOT NULL,
    entries      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, category)
);

-- the entries registered before this table existed, on their region and every ancestor
INSERT INTO actor_tally (region_code, category, entries)
SELECT CASE WHEN l.len = 0 THEN '00' ELSE SUBSTRING(c.region_code, 1, l.len) END, c.category, COUNT(*)
FROM (
    SELECT region_code, CASE WHEN kind = 'SOCIAL_WORK_AGENCY' THEN 'AGENCY' ELSE 'ORGANIZATION' END AS category
    FROM organization WHERE status <> 'DEREGISTERED'
    UNION ALL
    SELECT region_code, CASE WHEN qualification <> 'NONE' THEN 'CERTIFIED_WORKER' ELSE 'WORKER' END
    FROM social_worker WHERE status <> 'LEFT'
    UNION ALL
    SELECT region_code, 'VOLUNTEER' FROM volunteer WHERE status <> 'WITHDRAWN'
) c
JOIN (SELECT 0 AS len UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 9 UNION ALL SELECT 12) l
    ON l.len <= LENGTH(c.region_code)
GROUP BY CASE WHEN l.len = 0 THEN '00' ELSE SUBSTRING(c.region_code, 1, l.len) END, c.category;
