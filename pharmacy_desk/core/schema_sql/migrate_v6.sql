-- v6: money and audit rows are append-only and the ledger and audit trail are hash-chained.
-- rebuilds tables
--
-- 1. A coupon's use is its own row (coupon_use) instead of two columns of the coupon that
--    a sale set and a return cleared. Every sale that took a coupon has always named it in
--    sale.coupon_id, so the uses are carried over from there, including those a return gave
--    back (sale_return.coupon_restored); the view coupon_in_use lists the uses still in force.
--    The coupon table is rebuilt without used_at and used_sale_id (SQLite cannot drop a
--    column that a foreign key names), with foreign keys off as the rebuild requires.
CREATE TABLE "coupon_use" ("id" INTEGER NOT NULL PRIMARY KEY, "coupon_id" INTEGER NOT NULL, "sale_id" INTEGER NOT NULL, "used_at" DATETIME NOT NULL, FOREIGN KEY ("coupon_id") REFERENCES "coupon" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"));
INSERT INTO "coupon_use" ("coupon_id", "sale_id", "used_at")
    SELECT coupon_id, id, created_at FROM sale WHERE coupon_id IS NOT NULL ORDER BY id;
CREATE INDEX "coupon_use_coupon_id" ON "coupon_use" ("coupon_id");
CREATE UNIQUE INDEX "coupon_use_sale_id" ON "coupon_use" ("sale_id");
CREATE TABLE "coupon_v6" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "issue_key" VARCHAR(255) NOT NULL, "member_id" INTEGER, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('fixed','percent','threshold','service')), "title" VARCHAR(255) NOT NULL, "value_fen" INTEGER NOT NULL, "percent_off" INTEGER NOT NULL CHECK (percent_off BETWEEN 0 AND 100), "min_spend_fen" INTEGER NOT NULL, "valid_from" DATE NOT NULL, "valid_until" DATE NOT NULL, "reason" VARCHAR(255) NOT NULL, "issued_at" DATETIME NOT NULL, "issued_by_id" INTEGER NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("issued_by_id") REFERENCES "staff" ("id"));
INSERT INTO "coupon_v6" ("id", "code", "issue_key", "member_id", "kind", "title", "value_fen", "percent_off",
                         "min_spend_fen", "valid_from", "valid_until", "reason", "issued_at", "issued_by_id")
    SELECT "id", "code", "issue_key", "member_id", "kind", "title", "value_fen", "percent_off",
           "min_spend_fen", "valid_from", "valid_until", "reason", "issued_at", "issued_by_id" FROM "coupon";
DROP TABLE "coupon";
ALTER TABLE "coupon_v6" RENAME TO "coupon";
CREATE UNIQUE INDEX "coupon_code" ON "coupon" ("code");
CREATE UNIQUE INDEX "coupon_issue_key" ON "coupon" ("issue_key");
CREATE INDEX "coupon_issued_by_id" ON "coupon" ("issued_by_id");
CREATE INDEX "coupon_member_id" ON "coupon" ("member_id");
CREATE INDEX "coupon_valid_until" ON "coupon" ("valid_until");
CREATE VIEW coupon_in_use AS
    SELECT u.coupon_id, u.sale_id, u.used_at FROM coupon_use u
    WHERE NOT EXISTS (SELECT 1 FROM sale_return r WHERE r.sale_id = u.sale_id AND r.coupon_restored);
--
-- 2. Each ledger and operation row carries a SHA-256 chained to the row before it (the
--    format is core/chain.py's: the previous hash, a newline, then the row's columns as
--    quote() writes them, joined by commas; the first row follows the empty string). The
--    rows already there are chained here, oldest first, with the sha256_hex function the
--    app registers on every connection.
ALTER TABLE "ledger_entry" ADD COLUMN "hash" VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE "operation" ADD COLUMN "hash" VARCHAR(255) NOT NULL DEFAULT '';
CREATE TEMP TABLE ledger_chain_v6 ("id" INTEGER NOT NULL PRIMARY KEY, "hash" TEXT NOT NULL);
WITH RECURSIVE chain(id, hash) AS (
    SELECT -9223372036854775808, ''
    UNION ALL
    SELECT r.id, sha256_hex(chain.hash || char(10) || quote(r."id") || ',' || quote(r."member_id") || ',' || quote(r."kind") || ',' || quote(r."points") || ',' || quote(r."created_at") || ',' || quote(r."expires_on") || ',' || quote(r."key") || ',' || quote(r."operation_id") || ',' || quote(r."staff_id") || ',' || quote(r."reason") || ',' || quote(r."sale_id") || ',' || quote(r."sale_return_id") || ',' || quote(r."redemption_id") || ',' || quote(r."corrects_id"))
    FROM chain JOIN "ledger_entry" r ON r.id = (SELECT MIN(n.id) FROM "ledger_entry" n WHERE n.id > chain.id)
)
INSERT INTO ledger_chain_v6 (id, hash) SELECT id, hash FROM chain WHERE id > -9223372036854775808;
CREATE TEMP TABLE operation_chain_v6 ("id" INTEGER NOT NULL PRIMARY KEY, "hash" TEXT NOT NULL);
WITH RECURSIVE chain(id, hash) AS (
    SELECT -9223372036854775808, ''
    UNION ALL
    SELECT r.id, sha256_hex(chain.hash || char(10) || quote(r."id") || ',' || quote(r."key") || ',' || quote(r."kind") || ',' || quote(r."staff_id") || ',' || quote(r."created_at") || ',' || quote(r."subject") || ',' || quote(r."detail"))
    FROM chain JOIN "operation" r ON r.id = (SELECT MIN(n.id) FROM "operation" n WHERE n.id > chain.id)
)
INSERT INTO operation_chain_v6 (id, hash) SELECT id, hash FROM chain WHERE id > -9223372036854775808;
DROP TRIGGER ledger_entry_no_update;
UPDATE "ledger_entry" SET "hash" = c.hash FROM temp.ledger_chain_v6 c WHERE c.id = "ledger_entry".id;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;
UPDATE "operation" SET "hash" = c.hash FROM temp.operation_chain_v6 c WHERE c.id = "operation".id;
DROP TABLE temp.ledger_chain_v6;
DROP TABLE temp.operation_chain_v6;
--
-- 3. Sales, their lines and payments, returns and their lines, redemptions, tier changes,
--    coupon uses and operations refuse UPDATE and DELETE, as the ledger always has.
CREATE TRIGGER sale_no_update BEFORE UPDATE ON sale
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_no_delete BEFORE DELETE ON sale
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_line_no_update BEFORE UPDATE ON sale_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_line_no_delete BEFORE DELETE ON sale_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_no_update BEFORE UPDATE ON sale_return
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_no_delete BEFORE DELETE ON sale_return
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_line_no_update BEFORE UPDATE ON sale_return_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_line_no_delete BEFORE DELETE ON sale_return_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER redemption_no_update BEFORE UPDATE ON redemption
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER redemption_no_delete BEFORE DELETE ON redemption
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER tier_change_no_update BEFORE UPDATE ON tier_change
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER tier_change_no_delete BEFORE DELETE ON tier_change
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_use_no_update BEFORE UPDATE ON coupon_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_use_no_delete BEFORE DELETE ON coupon_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER operation_no_update BEFORE UPDATE ON operation
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER operation_no_delete BEFORE DELETE ON operation
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
