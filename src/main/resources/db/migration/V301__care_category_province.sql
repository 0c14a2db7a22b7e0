-- A category added by a province's staff belongs to that province (its code); NULL: the whole country (built-in ones
-- and those added at the country level).
ALTER TABLE care_category ADD COLUMN region_code VARCHAR(12);
