-- The administrator account is shown by its display name in the header; it was created with an English one.
UPDATE account SET display_name = '系统管理员' WHERE username = 'admin' AND display_name = 'System administrator';
