-- When the account's password last changed (or was reset): sessions signed in before then are ended on their next
-- request, wherever sessions are kept.
ALTER TABLE account ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
