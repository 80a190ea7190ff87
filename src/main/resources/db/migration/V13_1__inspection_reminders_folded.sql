-- The reminders of overdue rectifications are the shared daily reminders now (module
-- notification: reminder_sent, notification); the inspection's own table goes.
DROP TABLE inspection_reminder;
