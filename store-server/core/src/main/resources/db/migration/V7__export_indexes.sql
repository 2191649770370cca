-- Change export finds a folder's live messages by three change numbers, each its own index range: when they
-- entered the folder (entered_cn), their last content change (change_number) and their last read-state change
-- (read_cn); always with associated and deleted fixed. Scanning by touched_cn (the greatest of the three) hid a
-- content change behind a later read change at a batch boundary. And with only (folder_id, entered_cn) to
-- choose from, a wide range (an initial sync: everything since change 0) made the planners prefer
-- ix_msg_folder_time, which matches three equality columns, and sort the whole folder for every batch. These
-- indexes serve the equality columns and the range in order, so a batch reads only its own rows.
CREATE INDEX ix_msg_folder_live_entered ON messages (folder_id, associated, deleted, entered_cn);
CREATE INDEX ix_msg_folder_live_content ON messages (folder_id, associated, deleted, change_number);
CREATE INDEX ix_msg_folder_live_read ON messages (folder_id, associated, deleted, read_cn);
