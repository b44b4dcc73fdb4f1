-- v9: a sale's receipt number comes from a per-day counter, not a count of the day's sales,
-- and the rules (settings, tiers, categories) carry a stamp that every change to them bumps.
-- receipt_counter: the last number given on a day ("20261201"); a day without a row starts
-- after the highest number its sales carry, so the existing days need no row here.
-- rule_version: one row; a cache of the rules checks it instead of reading the rules again.
CREATE TABLE "receipt_counter" ("day" VARCHAR(255) NOT NULL PRIMARY KEY, "last_no" INTEGER NOT NULL);
CREATE TABLE "rule_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL);
INSERT INTO "rule_version" ("id", "version") VALUES (1, 0);
CREATE TRIGGER category_delete_bumps_rule_version AFTER DELETE ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER category_insert_bumps_rule_version AFTER INSERT ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER category_update_bumps_rule_version AFTER UPDATE ON category
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER setting_delete_bumps_rule_version AFTER DELETE ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER setting_insert_bumps_rule_version AFTER INSERT ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER setting_update_bumps_rule_version AFTER UPDATE ON setting
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_delete_bumps_rule_version AFTER DELETE ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_insert_bumps_rule_version AFTER INSERT ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
CREATE TRIGGER tier_update_bumps_rule_version AFTER UPDATE ON tier
            BEGIN UPDATE rule_version SET version = version + 1; END;
