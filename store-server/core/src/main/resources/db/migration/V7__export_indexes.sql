-- Change export scans a folder's messages by entered_cn and by touched_cn, always with associated and
-- deleted fixed. With only (folder_id, entered_cn) and (folder_id, touched_cn) to choose from, a wide range (an
-- initial sync: everything since change 0) made the planners prefer ix_msg_folder_time, which matches three
-- equality columns, and sort the whole folder for every batch: an initial sync of a 100,000-message folder cost
-- O(folder) per batch. These indexes serve the equality columns and the range in order, so a batch reads only
-- its own rows.
CREATE INDEX ix_msg_folder_live_entered ON messages (folder_id, associated, deleted, entered_cn);
CREATE INDEX ix_msg_folder_live_touched ON messages (folder_id, associated, deleted, touched_cn);
