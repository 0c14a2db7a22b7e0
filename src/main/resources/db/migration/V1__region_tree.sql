-- 行政区划: the NBS code tree at its natural code lengths, with precomputed counts per node.
-- A subtree is the code range [code, code+1) at the code's own length, so every subtree query is an index range scan.
CREATE TABLE region (
    code         VARCHAR(12)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    parent_code  VARCHAR(12),
    level        SMALLINT     NOT NULL,
    child_count  INT          NOT NULL DEFAULT 0,
    prefectures  INT          NOT NULL DEFAULT 0,
    counties     INT          NOT NULL DEFAULT 0,
    townships    INT          NOT NULL DEFAULT 0,
    villages     INT          NOT NULL DEFAULT 0
);

CREATE INDEX region_parent ON region (parent_code, code);
CREATE INDEX region_level_code ON region (level, code);

-- The synthetic root above the 31 provinces; present before the tree is loaded.
INSERT INTO region (code, name, parent_code, level) VALUES ('00', '全国', NULL, 0);

-- One row: how far loading of the shipped tree got.
CREATE TABLE region_load (
    id           INT          NOT NULL PRIMARY KEY,
    state        VARCHAR(16)  NOT NULL,
    scope        VARCHAR(12)  NOT NULL,
    loaded       BIGINT       NOT NULL,
    total        BIGINT       NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE
);
