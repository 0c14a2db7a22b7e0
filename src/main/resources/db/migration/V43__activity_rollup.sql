-- 活动汇总: per-level summaries kept exact in the same transaction as every activity write.
-- One row per (region at every level from the country down to the recording region, grain, period, campaign, stripe).
-- grain 'D' = the day period_start, 'M' = the calendar month starting at period_start. An activity counts on its start
-- date. Hot rows of the country and the provinces are split over stripes (chosen at random per write) and summed on
-- read; lower levels always use stripe 0. Per-domain figures are columns, so a write touches one row per level and
-- grain. Rows are never deleted, so a row that exists stays there for every later write.
CREATE TABLE activity_rollup (
    region_code            VARCHAR(12)   NOT NULL,
    grain                  CHAR(1)       NOT NULL,
    period_start           DATE          NOT NULL,
    campaign_id            BIGINT        NOT NULL,
    stripe                 SMALLINT      NOT NULL,
    activities             BIGINT        NOT NULL,
    participants           BIGINT        NOT NULL,
    beneficiaries          BIGINT        NOT NULL,
    funds_yuan             DECIMAL(18,2) NOT NULL,
    materials_yuan         DECIMAL(18,2) NOT NULL,
    elderly_activities     BIGINT        NOT NULL,
    elderly_beneficiaries  BIGINT        NOT NULL,
    disabled_activities    BIGINT        NOT NULL,
    disabled_beneficiaries BIGINT        NOT NULL,
    women_activities       BIGINT        NOT NULL,
    women_beneficiaries    BIGINT        NOT NULL,
    children_activities    BIGINT        NOT NULL,
    children_beneficiaries BIGINT        NOT NULL,
    needy_activities       BIGINT        NOT NULL,
    needy_beneficiaries    BIGINT        NOT NULL,
    other_activities       BIGINT        NOT NULL,
    other_beneficiaries    BIGINT        NOT NULL,
    PRIMARY KEY (region_code, grain, period_start, campaign_id, stripe)
);
