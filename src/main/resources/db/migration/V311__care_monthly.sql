-- 关爱计数 per month: the visits and referrals of care_daily summed per month, kept beside the day rows in the same
-- transactions, so that a period of whole months reads one row per month and metric instead of one per day.
CREATE TABLE care_monthly (
    region_code  VARCHAR(12)  NOT NULL,
    metric       VARCHAR(20)  NOT NULL,
    month_on     VARCHAR(7)   NOT NULL,
    stripe       INTEGER      NOT NULL,
    entries      BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, metric, month_on, stripe)
);

INSERT INTO care_monthly (region_code, metric, month_on, stripe, entries)
SELECT region_code, metric, SUBSTRING(day_on, 1, 7), stripe, SUM(entries)
FROM care_daily
GROUP BY region_code, metric, SUBSTRING(day_on, 1, 7), stripe;
