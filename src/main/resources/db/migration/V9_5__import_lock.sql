-- One organisation import at a time per database: an import holds this row (SELECT ... FOR
-- UPDATE NOWAIT) until its transaction ends; a second one is refused instead of waiting.
CREATE TABLE import_lock (
    name VARCHAR(32) PRIMARY KEY
);
INSERT INTO import_lock (name) VALUES ('org');
