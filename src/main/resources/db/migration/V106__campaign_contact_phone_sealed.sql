-- A campaign's 联系电话 is personal data: stored AES-GCM encrypted (contact_phone_cipher) with a keyed search hash
-- (contact_phone_hash) and its masked form. The clear column is encrypted and dropped by the Java migration V107.
ALTER TABLE campaign ADD COLUMN contact_phone_cipher VARCHAR(200);
ALTER TABLE campaign ADD COLUMN contact_phone_hash VARCHAR(64);
ALTER TABLE campaign ADD COLUMN contact_phone_masked VARCHAR(40);
