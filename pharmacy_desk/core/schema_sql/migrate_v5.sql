-- v5: staff sign in. A name picks one person, so names become unique: a name that an
-- earlier version let two rows share (a demo generated twice) keeps it on its oldest row
-- and the others get their id appended. Lockout keeps the failures since the last
-- success, the end of the current lock, and how many locks in a row.
UPDATE "staff" SET "name" = "name" || '（' || "id" || '）'
    WHERE "id" NOT IN (SELECT MIN("id") FROM "staff" GROUP BY "name");
CREATE UNIQUE INDEX "staff_name" ON "staff" ("name");
ALTER TABLE "staff" ADD COLUMN "failed_signins" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "staff" ADD COLUMN "locked_until" DATETIME;
ALTER TABLE "staff" ADD COLUMN "lock_level" INTEGER NOT NULL DEFAULT 0;
