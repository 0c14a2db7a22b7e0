-- 数据版本: a change counter of everything the dashboard reads, striped so that concurrent writers rarely touch the
-- same row. Every write that changes a figure adds 1 to one stripe in its own transaction; the sum over the stripes
-- is a version that grows with every commit, so a dashboard computed at version V is known to be current while the
-- sum is still V.
CREATE TABLE stats_version (
    stripe   SMALLINT NOT NULL PRIMARY KEY,
    changes  BIGINT   NOT NULL
);

INSERT INTO stats_version (stripe, changes) VALUES
    (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),
    (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0);
