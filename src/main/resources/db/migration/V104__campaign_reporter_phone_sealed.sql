-- 填报人手机号码 is personal data: stored AES-GCM encrypted (reporter_phone_cipher, format v1:<base64>) with a keyed
-- search hash (reporter_phone_hash, HMAC-SHA256 hex) and its masked form. The clear column is encrypted and dropped
-- by the Java migration V105 (the key is not available to SQL).
ALTER TABLE progress_report_version ADD COLUMN reporter_phone_cipher VARCHAR(200);
ALTER TABLE progress_report_version ADD COLUMN reporter_phone_hash VARCHAR(64);
ALTER TABLE progress_report_version ADD COLUMN reporter_phone_masked VARCHAR(40);
