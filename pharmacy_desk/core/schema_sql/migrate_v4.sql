-- v4: an operation says what it changed (a setting's old → new value); a sale keeps the
-- points factor it was priced with and the bonuses behind it, so "why 27 points?" has an
-- answer. points_factor stays NULL on sales recorded before v4: what they used was not kept.
ALTER TABLE "operation" ADD COLUMN "detail" TEXT NOT NULL DEFAULT '';
ALTER TABLE "sale" ADD COLUMN "points_factor" TEXT;
ALTER TABLE "sale" ADD COLUMN "points_bonuses" TEXT NOT NULL DEFAULT '';
