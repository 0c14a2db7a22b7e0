-- A matched elder's request names the time-bank project its service is recorded under; when the service is
-- confirmed, the serving volunteer's hours record (confirmed on their behalf) is kept beside the redemption.
ALTER TABLE elder_request ADD COLUMN project_id BIGINT;
ALTER TABLE elder_request ADD COLUMN hours_id BIGINT;
ALTER TABLE elder_request ADD CONSTRAINT elder_request_project FOREIGN KEY (project_id) REFERENCES service_project (id);
ALTER TABLE elder_request ADD CONSTRAINT elder_request_hours FOREIGN KEY (hours_id) REFERENCES service_hours (id);
