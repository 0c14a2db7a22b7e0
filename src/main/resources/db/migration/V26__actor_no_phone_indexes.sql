-- As for volunteers (V25): the indexes on the phone hashes of social workers and organizations served no query. The
-- list searches match a phone hash as one branch of an OR with name and code patterns, which H2 and PostgreSQL answer
-- from the region index; their random keys only made every registration and import rewrite random index pages. The
-- unique index on social_worker.id_number_hash still guards that registry.
DROP INDEX social_worker_phone;
DROP INDEX organization_phone;
