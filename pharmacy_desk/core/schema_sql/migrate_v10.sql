-- v10: each sale keeps the points rule it was priced with.
-- Points are earned in whole blocks by default ("每购药30元,积2分": 45 元 earns 2) or pro
-- rata; a partial return takes back exactly what the kept goods would have earned, which
-- in whole blocks is not a proportion of the points. So a sale records whether it was pro
-- rata, and each line the fen its points were earned on and its category's rate at the
-- time (the owner may change the rate later). Sales recorded before v10 keep NULL and are
-- settled in proportion, as they were priced.
ALTER TABLE "sale" ADD COLUMN "points_pro_rata" INTEGER;
ALTER TABLE "sale_line" ADD COLUMN "earn_base_fen" INTEGER;
ALTER TABLE "sale_line" ADD COLUMN "points_per_block" INTEGER;
ALTER TABLE "sale_line" ADD COLUMN "block_fen" INTEGER;
