-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc, in types
-- valid on H2 and PostgreSQL): an event for a listener in another module is stored in the
-- transaction that publishes it and marked complete when the listener has done its work after
-- commit; an incomplete one is resubmitted (on restart, and by the platform's retry job).
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
