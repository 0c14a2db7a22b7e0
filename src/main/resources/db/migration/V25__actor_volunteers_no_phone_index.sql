-- The index on volunteer.phone_hash served no query: the list search matches a phone number as one branch of an OR
-- with name, skills and teams patterns, which neither H2 nor PostgreSQL can answer from an index, so both read the
-- region range (volunteer_region) instead. Its keys are random hashes, so every registration rewrote a random page of
-- it, and a large import rewrote all of them again and again; the unique index on id_number_hash still guards the
-- registry.
DROP INDEX volunteer_phone;
