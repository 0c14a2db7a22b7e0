-- Usernames are unique regardless of case and character width: username_key is the username in Unicode NFKC,
-- lower-cased, and unique. Names allowed so far are ASCII, where NFKC changes nothing. Should two existing accounts
-- differ only in case, the older keeps the name's key and the later gets its id appended; it still signs in with its
-- exact name, and an administrator can tell its user to use another account.
ALTER TABLE account ADD COLUMN username_key VARCHAR(80);
UPDATE account SET username_key = LOWER(username);
UPDATE account SET username_key = username_key || '#' || CAST(id AS VARCHAR(20))
WHERE EXISTS (SELECT 1 FROM account older WHERE LOWER(older.username) = LOWER(account.username)
                                            AND older.id < account.id);
ALTER TABLE account ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX account_username_key ON account (username_key);
