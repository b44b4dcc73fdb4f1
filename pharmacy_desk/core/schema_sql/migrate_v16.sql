-- v16: the ledger's date index holds each entry's kind and points beside its time: a month's
-- points (issued, redeemed, expired, other debits, the net change) and what came after a
-- month's end are summed from the index alone, without a table row read per entry. It
-- replaces the index on the time alone, which it serves as well, so an entry writes no
-- extra index entry.
DROP INDEX "ledger_entry_created_at";
CREATE INDEX "ledger_entry_created_at_kind_points" ON "ledger_entry" ("created_at", "kind", "points");
