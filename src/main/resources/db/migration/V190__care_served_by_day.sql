-- 服务标记 by day: the distinct persons served in a period of a large subtree (a province, the country) read the marks
-- of that period only, instead of every mark of the subtree in every period (the primary key starts with the region).
-- Small subtrees keep using the primary key; the planner picks whichever range is narrower.
CREATE INDEX care_served_day ON care_served (served_on, region_code, person_id);
