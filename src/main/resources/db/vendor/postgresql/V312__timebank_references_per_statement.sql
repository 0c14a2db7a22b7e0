-- On PostgreSQL the time bank's references are checked once per statement instead of once per row.
--
-- A foreign key checks each inserted row with a query of its own: seven per transfer (its two accounts, its two
-- postings' transfer and account, its idempotency key's transfer), 112 for a batch of 16 (measured: a seventh of the
-- batch's write statement). The same guarantee, set-wise: after each insert into timebank_transfer, timebank_posting or
-- timebank_request, one query over the statement's new rows refuses any row whose transfer or account does not exist
-- (SQLSTATE 23503, as a foreign key would). The checks look each new row up in a primary key whatever the tables'
-- sizes when their plans were made (a plan made while a table is small would scan it whole, and be kept as the table
-- grows), and name the tables of the schema they were created in, whatever the session's search path: hence the
-- functions' settings. A foreign key also checks a row whose reference is changed, and keeps its parent rows from
-- being deleted or given another id while they are referenced. Here none of that can happen: transfers are immutable,
-- as their postings are, an idempotency key is never changed, and an account is never deleted nor given another id.
-- H2 keeps the foreign keys.

CREATE FUNCTION timebank_transfer_references() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows t
               WHERE NOT EXISTS (SELECT 1 FROM timebank_account a WHERE a.id = t.from_account_id))
        OR EXISTS (SELECT 1 FROM new_rows t
                  WHERE NOT EXISTS (SELECT 1 FROM timebank_account a WHERE a.id = t.to_account_id))
    THEN
        RAISE EXCEPTION 'timebank_transfer refers to an account that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET search_path FROM CURRENT;

CREATE FUNCTION timebank_posting_references() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows p
               WHERE NOT EXISTS (SELECT 1 FROM timebank_transfer t WHERE t.id = p.transfer_id))
        OR EXISTS (SELECT 1 FROM new_rows p
                  WHERE NOT EXISTS (SELECT 1 FROM timebank_account a WHERE a.id = p.account_id))
    THEN
        RAISE EXCEPTION 'timebank_posting refers to a transfer or an account that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET search_path FROM CURRENT;

CREATE FUNCTION timebank_request_references() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows r
               WHERE NOT EXISTS (SELECT 1 FROM timebank_transfer t WHERE t.id = r.transfer_id))
    THEN
        RAISE EXCEPTION 'timebank_request refers to a transfer that does not exist'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
    SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET search_path FROM CURRENT;

CREATE FUNCTION timebank_transfer_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'timebank_transfer is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION timebank_request_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'timebank_request rows are never changed';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION timebank_account_kept() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'timebank_account rows are never deleted or renumbered';
END;
$$ LANGUAGE plpgsql;

ALTER TABLE timebank_transfer
    DROP CONSTRAINT timebank_transfer_from_account_id_fkey,
    DROP CONSTRAINT timebank_transfer_to_account_id_fkey;
ALTER TABLE timebank_posting
    DROP CONSTRAINT timebank_posting_transfer_id_fkey,
    DROP CONSTRAINT timebank_posting_account_id_fkey;
ALTER TABLE timebank_request
    DROP CONSTRAINT timebank_request_transfer_id_fkey;

CREATE TRIGGER timebank_transfer_references
    AFTER INSERT ON timebank_transfer REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION timebank_transfer_references();
CREATE TRIGGER timebank_posting_references
    AFTER INSERT ON timebank_posting REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION timebank_posting_references();
CREATE TRIGGER timebank_request_references
    AFTER INSERT ON timebank_request REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION timebank_request_references();

CREATE TRIGGER timebank_transfer_no_update_or_delete
    BEFORE UPDATE OR DELETE ON timebank_transfer
    FOR EACH ROW EXECUTE FUNCTION timebank_transfer_immutable();
CREATE TRIGGER timebank_request_no_update
    BEFORE UPDATE ON timebank_request
    FOR EACH ROW EXECUTE FUNCTION timebank_request_immutable();
CREATE TRIGGER timebank_account_no_delete_or_renumber
    BEFORE DELETE OR UPDATE OF id ON timebank_account
    FOR EACH ROW EXECUTE FUNCTION timebank_account_kept();
