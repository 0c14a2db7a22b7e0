-- On PostgreSQL the database itself keeps the time-bank postings immutable: updates and deletes are refused.
CREATE FUNCTION timebank_posting_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'timebank_posting is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER timebank_posting_no_update_or_delete
    BEFORE UPDATE OR DELETE ON timebank_posting
    FOR EACH ROW EXECUTE FUNCTION timebank_posting_append_only();
