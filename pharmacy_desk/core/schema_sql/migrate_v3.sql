-- v3 drops indexes no query uses (each costs every insert: a 100,000-member import or a
-- sale pays for all of them) and widens the member/time index of sales so the per-member
-- spend aggregates read the index alone; pinyin initials are indexed with the name so a
-- lookup reads its first screenful in order.
DROP INDEX IF EXISTS "member_tier_id";
DROP INDEX IF EXISTS "member_joined_by_id";
DROP INDEX IF EXISTS "sale_member_id";
DROP INDEX IF EXISTS "sale_staff_id";
DROP INDEX IF EXISTS "sale_owner_staff_id";
DROP INDEX IF EXISTS "sale_member_id_created_at";
DROP INDEX IF EXISTS "sale_line_category_id";
DROP INDEX IF EXISTS "ledger_entry_staff_id";
DROP INDEX IF EXISTS "ledger_entry_sale_return_id";
DROP INDEX IF EXISTS "ledger_entry_redemption_id";
DROP INDEX IF EXISTS "ledger_entry_corrects_id";
DROP INDEX IF EXISTS "member_name_initials";
CREATE INDEX IF NOT EXISTS "sale_member_id_created_at_paid_fen" ON "sale" ("member_id", "created_at", "paid_fen");
CREATE INDEX IF NOT EXISTS "member_name_initials_name" ON "member" ("name_initials", "name");

-- Initials read surnames as surnames from v3 (曾小明 is Zeng, not Ceng: zxm, not cxm).
-- Before v3 the initials were the plain reading of every character, so only the first
-- letter of the affected members changes. The surname table is the one v3 shipped with,
-- frozen here: a later change to the app's table needs a migration of its own.
UPDATE "member"
   SET "name_initials" = (CASE substr("name", 1, 1)
           WHEN '曾' THEN 'z' WHEN '单' THEN 's' WHEN '解' THEN 'x' WHEN '仇' THEN 'q'
           WHEN '区' THEN 'o' WHEN '查' THEN 'z' WHEN '乐' THEN 'y' WHEN '翟' THEN 'z'
           WHEN '覃' THEN 'q' WHEN '员' THEN 'y' WHEN '句' THEN 'g' WHEN '禚' THEN 'z'
           WHEN '召' THEN 's' END) || substr("name_initials", 2)
 WHERE substr("name", 1, 1) IN ('曾', '单', '解', '仇', '区', '查', '乐', '翟', '覃', '员', '句', '禚', '召')
   AND "name_initials" <> '';
