-- v12: coupon templates and 体验券 redeemed for their service.
-- coupon_template: the owner's terms of a coupon (kind, value or percent, threshold, the
-- service of a 体验券, validity); issued coupons copy them and name the template they came
-- from in coupon.template_id (a plain integer: ALTER TABLE cannot add a table's foreign key).
-- coupon.service: what a 体验券 stands for. coupon_service_use: a 体验券 redeemed at the
-- counter without a sale, once only, never changed; coupon_in_use counts it as a use.
CREATE TABLE "coupon_template" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('fixed','percent','threshold','service')), "title" VARCHAR(255) NOT NULL, "value_fen" INTEGER NOT NULL CHECK (value_fen >= 0), "percent_off" INTEGER NOT NULL CHECK (percent_off BETWEEN 0 AND 99), "min_spend_fen" INTEGER NOT NULL CHECK (min_spend_fen >= 0), "service" VARCHAR(255) NOT NULL, "valid_days" INTEGER NOT NULL CHECK (valid_days > 0), "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "created_by_id" INTEGER NOT NULL, FOREIGN KEY ("created_by_id") REFERENCES "staff" ("id"));
CREATE INDEX "coupon_template_created_by_id" ON "coupon_template" ("created_by_id");
ALTER TABLE "coupon" ADD COLUMN "template_id" INTEGER;
CREATE INDEX "coupon_template_id" ON "coupon" ("template_id");
ALTER TABLE "coupon" ADD COLUMN "service" VARCHAR(255) NOT NULL DEFAULT '';
CREATE TABLE "coupon_service_use" ("id" INTEGER NOT NULL PRIMARY KEY, "coupon_id" INTEGER NOT NULL, "operation_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "used_at" DATETIME NOT NULL, FOREIGN KEY ("coupon_id") REFERENCES "coupon" ("id"), FOREIGN KEY ("operation_id") REFERENCES "operation" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE UNIQUE INDEX "coupon_service_use_coupon_id" ON "coupon_service_use" ("coupon_id");
CREATE UNIQUE INDEX "coupon_service_use_operation_id" ON "coupon_service_use" ("operation_id");
CREATE INDEX "coupon_service_use_staff_id" ON "coupon_service_use" ("staff_id");
CREATE INDEX "coupon_service_use_used_at" ON "coupon_service_use" ("used_at");
CREATE TRIGGER coupon_service_use_no_update BEFORE UPDATE ON coupon_service_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_service_use_no_delete BEFORE DELETE ON coupon_service_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
DROP VIEW "coupon_in_use";
CREATE VIEW coupon_in_use AS
    SELECT u.coupon_id, u.sale_id, u.used_at FROM coupon_use u
    WHERE NOT EXISTS (SELECT 1 FROM sale_return r WHERE r.sale_id = u.sale_id AND r.coupon_restored)
    UNION ALL SELECT s.coupon_id, NULL, s.used_at FROM coupon_service_use s;
