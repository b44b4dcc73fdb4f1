-- v8: legacy member lists as pharmacies have them.
-- A family shares one phone, so the phone is no longer unique (the card number stays so):
-- the unique index becomes a plain one, which the till's lookup by phone still uses.
-- migrated: brought over from a legacy list without a join date, so the join date is the
-- import's and the member is not a new member of that month. health_to_confirm: what a
-- legacy 病史 column said, kept apart from the health file until the member confirms it
-- and consents. id_number: a 身份证号, stored only when the owner chose to keep it.
DROP INDEX "member_phone";
CREATE INDEX "member_phone" ON "member" ("phone");
ALTER TABLE "member" ADD COLUMN "migrated" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "member" ADD COLUMN "health_to_confirm" TEXT NOT NULL DEFAULT '';
ALTER TABLE "member" ADD COLUMN "id_number" VARCHAR(255) NOT NULL DEFAULT '';
