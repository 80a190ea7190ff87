-- User names are case-insensitive: `victim` and `VICTIM` are one user. The name keeps the case
-- it was created with; username_key (the name in lower case) is unique and is what login and
-- look-ups compare.
ALTER TABLE app_user ADD COLUMN username_key VARCHAR(64);

-- Existing names that differ only in case: the oldest keeps its name; each later one is renamed
-- to `<name>~<id>` ('~' is not allowed in a user name, so the new name cannot clash) and
-- disabled, since it may be a look-alike of the first. Nothing is deleted: an administrator
-- sees the renamed user, disabled, and decides. (Assumes names of at most 64 characters, as the
-- application has always required; a long one is shortened to make room.)
UPDATE app_user SET
    username = SUBSTRING(username FROM 1 FOR 44) || '~' || CAST(id AS VARCHAR(19)),
    enabled = FALSE
WHERE EXISTS (SELECT 1 FROM app_user o WHERE LOWER(o.username) = LOWER(app_user.username) AND o.id < app_user.id);

UPDATE app_user SET username_key = LOWER(username);
ALTER TABLE app_user ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX app_user_username_key_uk ON app_user (username_key);
DROP INDEX app_user_username_uk;
