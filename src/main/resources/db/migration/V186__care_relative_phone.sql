-- 家庭成员/监护人的电话: sealed like every personal phone, with a masked form for the person's page.
ALTER TABLE care_person_relative ADD COLUMN phone_cipher VARCHAR(200);
ALTER TABLE care_person_relative ADD COLUMN phone_masked VARCHAR(40);
