-- Optimistic locking of edits: a fund or trust is changed only from the version it was read at, and each change
-- counts it up. Matching a donation (charity_fund.matched_total) is not an edit and leaves the version alone.
ALTER TABLE charity_fund ADD COLUMN version INT DEFAULT 0 NOT NULL;
ALTER TABLE charitable_trust ADD COLUMN version INT DEFAULT 0 NOT NULL;
