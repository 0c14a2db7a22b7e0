-- On PostgreSQL the database itself keeps submitted report versions, their frozen rows, returns and summaries
-- immutable: updates and deletes are refused. Corrections are new versions.
CREATE FUNCTION campaign_report_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER progress_report_version_immutable
    BEFORE UPDATE OR DELETE ON progress_report_version
    FOR EACH ROW EXECUTE FUNCTION campaign_report_append_only();

CREATE TRIGGER progress_report_row_immutable
    BEFORE UPDATE OR DELETE ON progress_report_row
    FOR EACH ROW EXECUTE FUNCTION campaign_report_append_only();

CREATE TRIGGER progress_report_return_immutable
    BEFORE UPDATE OR DELETE ON progress_report_return
    FOR EACH ROW EXECUTE FUNCTION campaign_report_append_only();

CREATE TRIGGER campaign_summary_immutable
    BEFORE UPDATE OR DELETE ON campaign_summary
    FOR EACH ROW EXECUTE FUNCTION campaign_report_append_only();
