-- 阵地计数: sites per region subtree, type and status, kept in the same transaction as every site write, so that
-- counts and coverage of any region (the whole country included) are one key look-up. One row per ancestor of a
-- site's region and the region itself (the country is 00).
CREATE TABLE site_tally (
    region_code  VARCHAR(12)  NOT NULL,
    site_type    VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    sites        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (region_code, site_type, status)
);
