-- A requirement raised in an interview can become a tracked item (module tracking) of an
-- interviewee's organisation: its id is kept here.
ALTER TABLE interview_requirement ADD COLUMN tracked_item_id BIGINT;
