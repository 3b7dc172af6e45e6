-- 0081: benchmark (issue 10). A follow-up its sender applied itself (the office's
-- automatic transfer on registration) is published with the header
-- x-wage-applied-by-sender: true, and the router leaves out the copy_to copy back
-- to the sender (docs/contract-extensions.md). Every principal inserts its own
-- outbox rows (table-level INSERT covers the new column).
ALTER TABLE wage.outbox ADD COLUMN applied_by_sender boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN wage.outbox.applied_by_sender IS 'The sender applied the message itself: published with x-wage-applied-by-sender: true; the router does not copy it back to the sender.';
