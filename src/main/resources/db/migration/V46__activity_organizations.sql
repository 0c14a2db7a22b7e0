-- 参与活动的社会组织: the registered organizations an activity names, besides the free text in activity.units.
-- region_code is the activity's (kept in step when the activity moves).
CREATE TABLE activity_organization (
    activity_id      BIGINT       NOT NULL REFERENCES activity (id),
    organization_id  BIGINT       NOT NULL REFERENCES organization (id),
    region_code      VARCHAR(12)  NOT NULL,
    seq              INT          NOT NULL,
    PRIMARY KEY (activity_id, organization_id)
);

CREATE INDEX activity_organization_org ON activity_organization (organization_id);
CREATE INDEX activity_organization_region ON activity_organization (region_code);
