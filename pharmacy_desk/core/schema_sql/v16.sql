-- Schema version 16, as a new database of pharmacy_desk 0.1.0 had it. Frozen: used to test migrations.
CREATE TABLE "activity_window" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "starts" DATE NOT NULL, "rolled_through" INTEGER NOT NULL);
CREATE TABLE "birthday_tally" ("gender" VARCHAR(255) NOT NULL, "born" VARCHAR(255) NOT NULL, "members" INTEGER NOT NULL, PRIMARY KEY ("gender", "born"));
CREATE TABLE "catalog_item" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('gift','service')), "points_price" INTEGER NOT NULL CHECK (points_price > 0), "value_fen" INTEGER NOT NULL, "stock" INTEGER CHECK (stock IS NULL OR stock >= 0), "drug_class" VARCHAR(255) NOT NULL CHECK (drug_class IN ('none','otc_b')), "active" INTEGER NOT NULL);
CREATE TABLE "category" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "hotkey" VARCHAR(255) NOT NULL, "points_per_block" INTEGER NOT NULL CHECK (points_per_block >= 0), "block_fen" INTEGER NOT NULL CHECK (block_fen > 0), "is_prescription" INTEGER NOT NULL, "sort_order" INTEGER NOT NULL);
CREATE TABLE "contact_log" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "contacted_at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "outcome" VARCHAR(255) NOT NULL, "notes" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "coupon" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "issue_key" VARCHAR(255) NOT NULL, "member_id" INTEGER, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('fixed','percent','threshold','service')), "title" VARCHAR(255) NOT NULL, "value_fen" INTEGER NOT NULL, "percent_off" INTEGER NOT NULL CHECK (percent_off BETWEEN 0 AND 100), "min_spend_fen" INTEGER NOT NULL, "valid_from" DATE NOT NULL, "valid_until" DATE NOT NULL, "reason" VARCHAR(255) NOT NULL, "issued_at" DATETIME NOT NULL, "issued_by_id" INTEGER NOT NULL, "template_id" INTEGER, "service" VARCHAR(255) NOT NULL DEFAULT '', FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("issued_by_id") REFERENCES "staff" ("id"));
CREATE TABLE "coupon_service_use" ("id" INTEGER NOT NULL PRIMARY KEY, "coupon_id" INTEGER NOT NULL, "operation_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "used_at" DATETIME NOT NULL, FOREIGN KEY ("coupon_id") REFERENCES "coupon" ("id"), FOREIGN KEY ("operation_id") REFERENCES "operation" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "coupon_template" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('fixed','percent','threshold','service')), "title" VARCHAR(255) NOT NULL, "value_fen" INTEGER NOT NULL CHECK (value_fen >= 0), "percent_off" INTEGER NOT NULL CHECK (percent_off BETWEEN 0 AND 99), "min_spend_fen" INTEGER NOT NULL CHECK (min_spend_fen >= 0), "service" VARCHAR(255) NOT NULL, "valid_days" INTEGER NOT NULL CHECK (valid_days > 0), "active" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "created_by_id" INTEGER NOT NULL, FOREIGN KEY ("created_by_id") REFERENCES "staff" ("id"));
CREATE TABLE "coupon_use" ("id" INTEGER NOT NULL PRIMARY KEY, "coupon_id" INTEGER NOT NULL, "sale_id" INTEGER NOT NULL, "used_at" DATETIME NOT NULL, FOREIGN KEY ("coupon_id") REFERENCES "coupon" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"));
CREATE TABLE "ledger_allocation" ("id" INTEGER NOT NULL PRIMARY KEY, "debit_id" INTEGER NOT NULL, "lot_id" INTEGER NOT NULL, "points" INTEGER NOT NULL CHECK (points > 0), FOREIGN KEY ("debit_id") REFERENCES "ledger_entry" ("id"), FOREIGN KEY ("lot_id") REFERENCES "ledger_entry" ("id"));
CREATE TABLE "ledger_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('earn','import','adjust','refund','redeem','gift','expire','clawback')), "points" INTEGER NOT NULL CHECK (points <> 0), "created_at" DATETIME NOT NULL, "expires_on" DATE, "key" VARCHAR(255) NOT NULL, "operation_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, "sale_id" INTEGER, "sale_return_id" INTEGER, "redemption_id" INTEGER, "corrects_id" INTEGER, "hash" VARCHAR(255) NOT NULL DEFAULT '', FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("operation_id") REFERENCES "operation" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("sale_return_id") REFERENCES "sale_return" ("id"), FOREIGN KEY ("redemption_id") REFERENCES "redemption" ("id"), FOREIGN KEY ("corrects_id") REFERENCES "ledger_entry" ("id"));
CREATE TABLE "measurement" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "taken_at" DATETIME NOT NULL, "kind" VARCHAR(255) NOT NULL CHECK (kind IN ('bp','glucose')), "systolic" INTEGER, "diastolic" INTEGER, "glucose" TEXT, "staff_id" INTEGER NOT NULL, "notes" VARCHAR(255) NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "member" ("id" INTEGER NOT NULL PRIMARY KEY, "card_no" VARCHAR(255) NOT NULL, "phone" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "name_initials" VARCHAR(255) NOT NULL, "gender" VARCHAR(255) NOT NULL CHECK (gender IN ('', 'M', 'F')), "birthday" DATE, "address" VARCHAR(255) NOT NULL, "joined_on" DATE NOT NULL, "joined_by_id" INTEGER, "owner_staff_id" INTEGER, "tier_id" INTEGER NOT NULL, "marketing_opt_out" INTEGER NOT NULL, "profile_confirmed_on" DATE, "notes" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "health_consent_on" DATE, "chronic_conditions" TEXT NOT NULL DEFAULT '', "allergies" TEXT NOT NULL DEFAULT '', "long_term_meds" TEXT NOT NULL DEFAULT '', "migrated" INTEGER NOT NULL DEFAULT 0, "health_to_confirm" TEXT NOT NULL DEFAULT '', "id_number" VARCHAR(255) NOT NULL DEFAULT '', FOREIGN KEY ("joined_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("owner_staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("tier_id") REFERENCES "tier" ("id"));
CREATE TABLE "member_activity" ("member_id" INTEGER NOT NULL PRIMARY KEY, "last_sale_at" DATETIME NOT NULL, "visits" INTEGER NOT NULL, "paid_fen" INTEGER NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"));
CREATE TABLE "member_tally" ("tier_id" INTEGER NOT NULL, "owner_key" INTEGER NOT NULL, "members" INTEGER NOT NULL, PRIMARY KEY ("tier_id", "owner_key"));
CREATE TABLE "month_report" ("id" INTEGER NOT NULL PRIMARY KEY, "month" VARCHAR(255) NOT NULL, "computed_at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "figures" TEXT NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "operation" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "staff_id" INTEGER, "created_at" DATETIME NOT NULL, "subject" VARCHAR(255) NOT NULL, "detail" TEXT NOT NULL DEFAULT '', "hash" VARCHAR(255) NOT NULL DEFAULT '', FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "payment" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL CHECK (method IN ('cash','wechat','alipay','card','insurance')), "amount_fen" INTEGER NOT NULL CHECK (amount_fen > 0), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"));
CREATE TABLE "receipt_counter" ("day" VARCHAR(255) NOT NULL PRIMARY KEY, "last_no" INTEGER NOT NULL);
CREATE TABLE "redemption" ("id" INTEGER NOT NULL PRIMARY KEY, "operation_id" INTEGER NOT NULL, "member_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "quantity" INTEGER NOT NULL, "points" INTEGER NOT NULL, "value_fen" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("operation_id") REFERENCES "operation" ("id"), FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("item_id") REFERENCES "catalog_item" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "rule_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL);
CREATE TABLE "sale" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(255) NOT NULL, "receipt_no" VARCHAR(255) NOT NULL, "member_id" INTEGER, "staff_id" INTEGER NOT NULL, "owner_staff_id" INTEGER, "created_at" DATETIME NOT NULL, "total_fen" INTEGER NOT NULL, "coupon_id" INTEGER, "coupon_discount_fen" INTEGER NOT NULL, "points_used" INTEGER NOT NULL, "points_cash_fen" INTEGER NOT NULL, "paid_fen" INTEGER NOT NULL, "insurance_fen" INTEGER NOT NULL, "points_earned" INTEGER NOT NULL, "points_factor" TEXT, "points_bonuses" TEXT NOT NULL DEFAULT '', "points_pro_rata" INTEGER, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("owner_staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("coupon_id") REFERENCES "coupon" ("id"));
CREATE TABLE "sale_line" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" INTEGER NOT NULL, "category_id" INTEGER NOT NULL, "description" VARCHAR(255) NOT NULL, "quantity" INTEGER NOT NULL, "days_supply" INTEGER, "amount_fen" INTEGER NOT NULL CHECK (amount_fen > 0), "coupon_share_fen" INTEGER NOT NULL, "points_cash_share_fen" INTEGER NOT NULL, "paid_fen" INTEGER NOT NULL, "insurance_share_fen" INTEGER NOT NULL, "points_base" INTEGER NOT NULL, "earn_base_fen" INTEGER, "points_per_block" INTEGER, "block_fen" INTEGER, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("category_id") REFERENCES "category" ("id"));
CREATE TABLE "sale_return" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(255) NOT NULL, "sale_id" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "refund_fen" INTEGER NOT NULL, "points_clawed" INTEGER NOT NULL, "points_shortfall" INTEGER NOT NULL, "points_refunded" INTEGER NOT NULL, "coupon_restored" INTEGER NOT NULL, "reason" VARCHAR(255) NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE TABLE "sale_return_line" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_return_id" INTEGER NOT NULL, "sale_line_id" INTEGER NOT NULL, "amount_fen" INTEGER NOT NULL CHECK (amount_fen > 0), "paid_fen" INTEGER NOT NULL, "points_cash_share_fen" INTEGER NOT NULL, FOREIGN KEY ("sale_return_id") REFERENCES "sale_return" ("id"), FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"));
CREATE TABLE "sale_return_payment" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_return_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL CHECK (method IN ('cash','wechat','alipay','card','insurance')), "amount_fen" INTEGER NOT NULL CHECK (amount_fen > 0), FOREIGN KEY ("sale_return_id") REFERENCES "sale_return" ("id"));
CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, "updated_by_id" INTEGER, FOREIGN KEY ("updated_by_id") REFERENCES "staff" ("id"));
CREATE TABLE "staff" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL CHECK (role IN ('cashier','pharmacist','owner','system')), "active" INTEGER NOT NULL, "password_hash" VARCHAR(255), "created_at" DATETIME NOT NULL, "failed_signins" INTEGER NOT NULL DEFAULT 0, "locked_until" DATETIME, "lock_level" INTEGER NOT NULL DEFAULT 0);
CREATE TABLE "tier" ("id" INTEGER NOT NULL PRIMARY KEY, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "rank" INTEGER NOT NULL, "min_spend_fen" INTEGER NOT NULL, "min_visits" INTEGER NOT NULL, "multiplier" TEXT NOT NULL, "monthly_cap_fen" INTEGER NOT NULL, "privileges" TEXT NOT NULL);
CREATE TABLE "tier_change" ("id" INTEGER NOT NULL PRIMARY KEY, "member_id" INTEGER NOT NULL, "from_tier_id" INTEGER, "to_tier_id" INTEGER NOT NULL, "changed_at" DATETIME NOT NULL, "reason" VARCHAR(255) NOT NULL, "operation_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"), FOREIGN KEY ("from_tier_id") REFERENCES "tier" ("id"), FOREIGN KEY ("to_tier_id") REFERENCES "tier" ("id"), FOREIGN KEY ("operation_id") REFERENCES "operation" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE UNIQUE INDEX "category_code" ON "category" ("code");
CREATE INDEX "contact_log_contacted_at" ON "contact_log" ("contacted_at");
CREATE INDEX "contact_log_member_id" ON "contact_log" ("member_id");
CREATE INDEX "contact_log_member_id_contacted_at" ON "contact_log" ("member_id", "contacted_at");
CREATE INDEX "contact_log_staff_id" ON "contact_log" ("staff_id");
CREATE UNIQUE INDEX "coupon_code" ON "coupon" ("code");
CREATE UNIQUE INDEX "coupon_issue_key" ON "coupon" ("issue_key");
CREATE INDEX "coupon_issued_at" ON "coupon" ("issued_at");
CREATE INDEX "coupon_issued_by_id" ON "coupon" ("issued_by_id");
CREATE INDEX "coupon_member_id" ON "coupon" ("member_id");
CREATE UNIQUE INDEX "coupon_service_use_coupon_id" ON "coupon_service_use" ("coupon_id");
CREATE UNIQUE INDEX "coupon_service_use_operation_id" ON "coupon_service_use" ("operation_id");
CREATE INDEX "coupon_service_use_staff_id" ON "coupon_service_use" ("staff_id");
CREATE INDEX "coupon_service_use_used_at" ON "coupon_service_use" ("used_at");
CREATE INDEX "coupon_template_created_by_id" ON "coupon_template" ("created_by_id");
CREATE INDEX "coupon_template_id" ON "coupon" ("template_id");
CREATE INDEX "coupon_use_coupon_id" ON "coupon_use" ("coupon_id");
CREATE UNIQUE INDEX "coupon_use_sale_id" ON "coupon_use" ("sale_id");
CREATE INDEX "coupon_use_used_at" ON "coupon_use" ("used_at");
CREATE INDEX "coupon_valid_until" ON "coupon" ("valid_until");
CREATE INDEX "ledger_allocation_debit_id" ON "ledger_allocation" ("debit_id");
CREATE INDEX "ledger_allocation_lot_id" ON "ledger_allocation" ("lot_id");
CREATE INDEX "ledger_entry_created_at_kind_points" ON "ledger_entry" ("created_at", "kind", "points");
CREATE INDEX "ledger_entry_expires_on" ON "ledger_entry" ("expires_on");
CREATE UNIQUE INDEX "ledger_entry_key" ON "ledger_entry" ("key");
CREATE INDEX "ledger_entry_member_id_points" ON "ledger_entry" ("member_id", "points");
CREATE INDEX "ledger_entry_operation_id" ON "ledger_entry" ("operation_id");
CREATE INDEX "ledger_entry_sale_id" ON "ledger_entry" ("sale_id");
CREATE INDEX "measurement_member_id" ON "measurement" ("member_id");
CREATE INDEX "measurement_member_id_taken_at" ON "measurement" ("member_id", "taken_at");
CREATE INDEX "measurement_staff_id" ON "measurement" ("staff_id");
CREATE UNIQUE INDEX "member_card_no" ON "member" ("card_no");
CREATE INDEX "member_joined_on" ON "member" ("joined_on");
CREATE INDEX "member_name" ON "member" ("name");
CREATE INDEX "member_name_initials_name" ON "member" ("name_initials", "name");
CREATE INDEX "member_owner_staff_id" ON "member" ("owner_staff_id");
CREATE INDEX "member_phone" ON "member" ("phone");
CREATE INDEX member_phone_tail ON member (substr(phone, -4));
CREATE INDEX "month_report_month" ON "month_report" ("month");
CREATE INDEX "month_report_staff_id" ON "month_report" ("staff_id");
CREATE INDEX "operation_created_at" ON "operation" ("created_at");
CREATE UNIQUE INDEX "operation_key" ON "operation" ("key");
CREATE INDEX "operation_staff_id" ON "operation" ("staff_id");
CREATE INDEX "payment_sale_id" ON "payment" ("sale_id");
CREATE INDEX "redemption_created_at" ON "redemption" ("created_at");
CREATE INDEX "redemption_item_id" ON "redemption" ("item_id");
CREATE INDEX "redemption_member_id" ON "redemption" ("member_id");
CREATE UNIQUE INDEX "redemption_operation_id" ON "redemption" ("operation_id");
CREATE INDEX "redemption_staff_id" ON "redemption" ("staff_id");
CREATE INDEX "sale_coupon_id" ON "sale" ("coupon_id");
CREATE INDEX "sale_created_at" ON "sale" ("created_at");
CREATE INDEX "sale_line_sale_id" ON "sale_line" ("sale_id");
CREATE INDEX "sale_member_id_created_at_paid_fen" ON "sale" ("member_id", "created_at", "paid_fen");
CREATE UNIQUE INDEX "sale_receipt_no" ON "sale" ("receipt_no");
CREATE INDEX "sale_return_created_at" ON "sale_return" ("created_at");
CREATE INDEX "sale_return_line_sale_line_id" ON "sale_return_line" ("sale_line_id");
CREATE INDEX "sale_return_line_sale_return_id" ON "sale_return_line" ("sale_return_id");
CREATE INDEX "sale_return_payment_sale_return_id" ON "sale_return_payment" ("sale_return_id");
CREATE INDEX "sale_return_sale_id" ON "sale_return" ("sale_id");
CREATE INDEX "sale_return_staff_id" ON "sale_return" ("staff_id");
CREATE UNIQUE INDEX "sale_return_uid" ON "sale_return" ("uid");
CREATE UNIQUE INDEX "sale_uid" ON "sale" ("uid");
CREATE INDEX "setting_updated_by_id" ON "setting" ("updated_by_id");
CREATE UNIQUE INDEX "staff_name" ON "staff" ("name");
CREATE INDEX "tier_change_changed_at" ON "tier_change" ("changed_at");
CREATE INDEX "tier_change_from_tier_id" ON "tier_change" ("from_tier_id");
CREATE INDEX "tier_change_member_id" ON "tier_change" ("member_id");
CREATE INDEX "tier_change_operation_id" ON "tier_change" ("operation_id");
CREATE INDEX "tier_change_staff_id" ON "tier_change" ("staff_id");
CREATE INDEX "tier_change_to_tier_id" ON "tier_change" ("to_tier_id");
CREATE UNIQUE INDEX "tier_code" ON "tier" ("code");
CREATE UNIQUE INDEX "tier_rank" ON "tier" ("rank");
CREATE TRIGGER category_delete_bumps_rule_version AFTER DELETE ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER category_insert_bumps_rule_version AFTER INSERT ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER category_update_bumps_rule_version AFTER UPDATE ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER coupon_service_use_no_delete BEFORE DELETE ON coupon_service_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_service_use_no_update BEFORE UPDATE ON coupon_service_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_use_no_delete BEFORE DELETE ON coupon_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER coupon_use_no_update BEFORE UPDATE ON coupon_use
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER ledger_allocation_no_delete BEFORE DELETE ON ledger_allocation
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;
CREATE TRIGGER ledger_allocation_no_update BEFORE UPDATE ON ledger_allocation
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
            BEGIN SELECT RAISE(ABORT, '积分流水只能追加，不能修改或删除'); END;
CREATE TRIGGER member_birthday_tally AFTER UPDATE OF gender, birthday ON member WHEN OLD.gender IS NOT NEW.gender OR OLD.birthday IS NOT NEW.birthday BEGIN
    UPDATE birthday_tally SET members = members - 1 WHERE gender = OLD.gender AND born = COALESCE(OLD.birthday, '');
    INSERT INTO birthday_tally (gender, born, members) VALUES (NEW.gender, COALESCE(NEW.birthday, ''), 1) ON CONFLICT (gender, born) DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER member_delete_tallies AFTER DELETE ON member BEGIN
    UPDATE member_tally SET members = members - 1 WHERE tier_id = OLD.tier_id AND owner_key = COALESCE(OLD.owner_staff_id, 0);
    UPDATE birthday_tally SET members = members - 1 WHERE gender = OLD.gender AND born = COALESCE(OLD.birthday, '');
END;
CREATE TRIGGER member_insert_tallies AFTER INSERT ON member BEGIN
    INSERT INTO member_tally (tier_id, owner_key, members) VALUES (NEW.tier_id, COALESCE(NEW.owner_staff_id, 0), 1) ON CONFLICT (tier_id, owner_key) DO UPDATE SET members = members + 1;
    INSERT INTO birthday_tally (gender, born, members) VALUES (NEW.gender, COALESCE(NEW.birthday, ''), 1) ON CONFLICT (gender, born) DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER member_tier_owner_tally AFTER UPDATE OF tier_id, owner_staff_id ON member WHEN OLD.tier_id IS NOT NEW.tier_id OR OLD.owner_staff_id IS NOT NEW.owner_staff_id BEGIN
    UPDATE member_tally SET members = members - 1 WHERE tier_id = OLD.tier_id AND owner_key = COALESCE(OLD.owner_staff_id, 0);
    INSERT INTO member_tally (tier_id, owner_key, members) VALUES (NEW.tier_id, COALESCE(NEW.owner_staff_id, 0), 1) ON CONFLICT (tier_id, owner_key) DO UPDATE SET members = members + 1;
END;
CREATE TRIGGER month_report_no_delete BEFORE DELETE ON month_report
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER month_report_no_update BEFORE UPDATE ON month_report
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER operation_no_delete BEFORE DELETE ON operation
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER operation_no_update BEFORE UPDATE ON operation
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER payment_no_update BEFORE UPDATE ON payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER redemption_no_delete BEFORE DELETE ON redemption
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER redemption_no_update BEFORE UPDATE ON redemption
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_keeps_member_activity AFTER INSERT ON sale
            WHEN NEW.member_id IS NOT NULL
            BEGIN
                INSERT INTO member_activity (member_id, last_sale_at, visits, paid_fen)
                SELECT NEW.member_id, NEW.created_at, NEW.created_at >= w.starts,
                       (NEW.created_at >= w.starts) * NEW.paid_fen
                FROM activity_window w WHERE true
                ON CONFLICT (member_id) DO UPDATE SET last_sale_at = max(last_sale_at, excluded.last_sale_at),
                    visits = visits + excluded.visits, paid_fen = paid_fen + excluded.paid_fen;
            END;
CREATE TRIGGER sale_keeps_receipt_counter AFTER INSERT ON sale
            WHEN NEW.receipt_no GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*'
            BEGIN
                INSERT INTO receipt_counter (day, last_no)
                VALUES (substr(NEW.receipt_no, 1, 8), CAST(substr(NEW.receipt_no, 10) AS INTEGER))
                ON CONFLICT (day) DO UPDATE SET last_no = max(last_no, excluded.last_no);
            END;
CREATE TRIGGER sale_line_no_delete BEFORE DELETE ON sale_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_line_no_update BEFORE UPDATE ON sale_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_no_delete BEFORE DELETE ON sale
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_no_update BEFORE UPDATE ON sale
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_line_no_delete BEFORE DELETE ON sale_return_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_line_no_update BEFORE UPDATE ON sale_return_line
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_no_delete BEFORE DELETE ON sale_return
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_no_update BEFORE UPDATE ON sale_return
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_payment_no_delete BEFORE DELETE ON sale_return_payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER sale_return_payment_no_update BEFORE UPDATE ON sale_return_payment
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER setting_delete_bumps_rule_version AFTER DELETE ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER setting_insert_bumps_rule_version AFTER INSERT ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER setting_update_bumps_rule_version AFTER UPDATE ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_change_no_delete BEFORE DELETE ON tier_change
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER tier_change_no_update BEFORE UPDATE ON tier_change
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER tier_delete_bumps_rule_version AFTER DELETE ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_insert_bumps_rule_version AFTER INSERT ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_update_bumps_rule_version AFTER UPDATE ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE VIEW coupon_in_use AS
    SELECT u.coupon_id, u.sale_id, u.used_at FROM coupon_use u
    WHERE NOT EXISTS (SELECT 1 FROM sale_return r WHERE r.sale_id = u.sale_id AND r.coupon_restored)
    UNION ALL SELECT s.coupon_id, NULL, s.used_at FROM coupon_service_use s;
