"""Reports for the owner's desk: figures computed by set-based queries, never per-member loops."""
