-- 驻站人员的手机号码 is personal data: stored AES-GCM encrypted (phone_cipher, format v1:<base64>) with a keyed
-- search hash (phone_hash, HMAC-SHA256 hex) for exact matches. The clear column is encrypted and dropped by the
-- Java migration V13 (the key is not available to SQL).
ALTER TABLE site_staff ADD COLUMN phone_cipher VARCHAR(200);
ALTER TABLE site_staff ADD COLUMN phone_hash VARCHAR(64);
CREATE INDEX site_staff_phone_hash ON site_staff (phone_hash);
