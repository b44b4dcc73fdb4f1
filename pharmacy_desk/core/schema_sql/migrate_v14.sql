-- v14: the month report's member mix from kept counts instead of a pass over every member,
-- and its month's coupons, returns and tier changes from index ranges instead of whole tables.
-- member_tally: how many members hold each tier with each owner-staff (owner_key 0: none).
-- birthday_tally: how many members of each gender were born on each day (born '': unknown).
-- Triggers on member keep both: a sign-up adds one, a change of tier, owner, gender or
-- birthday moves one, a deletion takes one off. Filled here from the members, grouped.
-- The date indexes: coupons issued and used in a month, a month's returns, and the tier
-- changes after a month end (to wind the month's tiers back).
CREATE TABLE "birthday_tally" ("gender" VARCHAR(255) NOT NULL, "born" VARCHAR(255) NOT NULL, "members" INTEGER NOT NULL, PRIMARY KEY ("gender", "born"));
CREATE TABLE "member_tally" ("tier_id" INTEGER NOT NULL, "owner_key" INTEGER NOT NULL, "members" INTEGER NOT NULL, PRIMARY KEY ("tier_id", "owner_key"));
CREATE INDEX "coupon_issued_at" ON "coupon" ("issued_at");
CREATE INDEX "coupon_use_used_at" ON "coupon_use" ("used_at");
CREATE INDEX "sale_return_created_at" ON "sale_return" ("created_at");
CREATE INDEX "tier_change_changed_at" ON "tier_change" ("changed_at");
INSERT INTO member_tally (tier_id, owner_key, members)
    SELECT tier_id, COALESCE(owner_staff_id, 0), COUNT(*) FROM member GROUP BY 1, 2;
INSERT INTO birthday_tally (gender, born, members)
    SELECT gender, COALESCE(birthday, ''), COUNT(*) FROM member GROUP BY 1, 2;
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
