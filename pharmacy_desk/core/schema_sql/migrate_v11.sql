-- v11: closed months are facts, and the current month reads each member's running figures.
-- month_report: a closed month's every report figure, written once when it closes (a
-- recompute on request is a new row; the month's newest row is its figures). Append-only.
-- member_activity: each member's last sale, and visits and paid amount since
-- activity_window.starts (the first day of the month 11 months before the current one),
-- kept by every sale from now on and filled here from the sales in one set-based pass over
-- the (member, created_at, paid_fen) index.
CREATE TABLE "activity_window" ("id" INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), "starts" DATE NOT NULL, "rolled_through" INTEGER NOT NULL);
CREATE TABLE "member_activity" ("member_id" INTEGER NOT NULL PRIMARY KEY, "last_sale_at" DATETIME NOT NULL, "visits" INTEGER NOT NULL, "paid_fen" INTEGER NOT NULL, FOREIGN KEY ("member_id") REFERENCES "member" ("id"));
CREATE TABLE "month_report" ("id" INTEGER NOT NULL PRIMARY KEY, "month" VARCHAR(255) NOT NULL, "computed_at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "figures" TEXT NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));
CREATE INDEX "month_report_month" ON "month_report" ("month");
CREATE INDEX "month_report_staff_id" ON "month_report" ("staff_id");
CREATE TRIGGER IF NOT EXISTS month_report_no_update BEFORE UPDATE ON month_report
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
CREATE TRIGGER IF NOT EXISTS month_report_no_delete BEFORE DELETE ON month_report
            BEGIN SELECT RAISE(ABORT, '营业记录和操作日志只能追加，不能修改或删除'); END;
INSERT INTO activity_window (id, starts, rolled_through)
    VALUES (1, date('now', 'localtime', 'start of month', '-11 months'), 0);
INSERT INTO member_activity (member_id, last_sale_at, visits, paid_fen)
    SELECT s.member_id, MAX(s.created_at), COALESCE(SUM(s.created_at >= w.starts), 0),
           COALESCE(SUM(CASE WHEN s.created_at >= w.starts THEN s.paid_fen END), 0)
    FROM sale s, activity_window w WHERE s.member_id IS NOT NULL GROUP BY s.member_id;
