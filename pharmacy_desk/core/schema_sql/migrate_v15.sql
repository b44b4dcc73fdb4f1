-- v15: the ledger's member index holds each entry's points beside the member: a member's
-- balance, and every member's balance at once (the check for negative balances, the members'
-- export), is summed from the index alone, in member order, without reading the table or
-- sorting it. It replaces the index on the member alone, which it serves as well.
DROP INDEX "ledger_entry_member_id";
CREATE INDEX "ledger_entry_member_id_points" ON "ledger_entry" ("member_id", "points");
