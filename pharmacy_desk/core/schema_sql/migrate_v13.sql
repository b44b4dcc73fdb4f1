-- v13: a sale's INSERT keeps the bookkeeping derived from it, whichever program inserts it.
-- sale_keeps_receipt_counter: the day's receipt counter holds the highest number given on the
-- day (the next sale's number is worked out from it in its own INSERT).
-- sale_keeps_member_activity: a member's running figures (last sale, and visits and paid amount
-- in the activity window) move with each of their sales, as the program's own UPSERT did.
-- Both were kept by statements of the program before, so nothing needs filling in.
CREATE TRIGGER sale_keeps_receipt_counter AFTER INSERT ON sale
            WHEN NEW.receipt_no GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*'
            BEGIN
                INSERT INTO receipt_counter (day, last_no)
                VALUES (substr(NEW.receipt_no, 1, 8), CAST(substr(NEW.receipt_no, 10) AS INTEGER))
                ON CONFLICT (day) DO UPDATE SET last_no = max(last_no, excluded.last_no);
            END;
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
