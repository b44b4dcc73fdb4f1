-- v2: the consent-gated health file, counter measurements and the call log.
-- Plain ALTER TABLE: SQLite adds a NOT NULL column with a constant default in place,
-- where a table rebuild would trip over the foreign keys pointing at member.
ALTER TABLE "member" ADD COLUMN "health_consent_on" DATE;
ALTER TABLE "member" ADD COLUMN "chronic_conditions" TEXT NOT NULL DEFAULT '';
ALTER TABLE "member" ADD COLUMN "allergies" TEXT NOT NULL DEFAULT '';
ALTER TABLE "member" ADD COLUMN "long_term_meds" TEXT NOT NULL DEFAULT '';

-- The two new tables exactly as the models of v2 declared them.
CREATE TABLE IF NOT EXISTS "measurement" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "taken_at" DATETIME NOT NULL, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('bp','glucose')), "systolic" INTEGER, "diastolic" INTEGER, "glucose" TEXT, "staff_id" INTEGER NOT NULL, "notes" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE INDEX IF NOT EXISTS "measurement_member_id" ON "measurement" ("member_id");
CREATE INDEX IF NOT EXISTS "measurement_staff_id" ON "measurement" ("staff_id");
CREATE INDEX IF NOT EXISTS "measurement_member_id_taken_at" ON "measurement" ("member_id", "taken_at");

CREATE TABLE IF NOT EXISTS "contact_log" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "contacted_at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "outcome" VARCHAR(255) NOT NULL, "notes" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE INDEX IF NOT EXISTS "contact_log_member_id" ON "contact_log" ("member_id");
CREATE INDEX IF NOT EXISTS "contact_log_contacted_at" ON "contact_log" ("contacted_at");
CREATE INDEX IF NOT EXISTS "contact_log_staff_id" ON "contact_log" ("staff_id");
CREATE INDEX IF NOT EXISTS "contact_log_member_id_contacted_at" ON "contact_log" ("member_id", "contacted_at");
