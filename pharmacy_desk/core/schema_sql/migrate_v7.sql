-- v7: refunds by payment method. A return gives the money back the way the sale was paid
-- (医保 to 医保, the rest split as paid), one row per method. Returns recorded before v6
-- gave everything back as one amount; it is booked to the sale's first payment other than
-- 医保 (cash for a sale paid by 医保 alone), as the till told the customer at the time.
-- Like the other money tables, its rows are never changed or deleted.
CREATE TABLE "sale_return_payment" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_return_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL CHECK (method IN ('cash','wechat','alipay','card','insurance')), "amount_fen" INTEGER NOT NULL CHECK (amount_fen > 0), FOREIGN KEY ("sale_return_id") REFERENCES "sale_return" ("id"));
CREATE INDEX "sale_return_payment_sale_return_id" ON "sale_return_payment" ("sale_return_id");
INSERT INTO "sale_return_payment" ("sale_return_id", "method", "amount_fen")
    SELECT r."id", COALESCE((SELECT p."method" FROM "payment" p WHERE p."sale_id" = r."sale_id"
                             AND p."method" <> 'insurance' ORDER BY p."id" LIMIT 1), 'cash'), r."refund_fen"
    FROM "sale_return" r WHERE r."refund_fen" > 0;
CREATE TRIGGER sale_return_payment_no_update BEFORE UPDATE ON sale_return_payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_payment_no_delete BEFORE DELETE ON sale_return_payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
