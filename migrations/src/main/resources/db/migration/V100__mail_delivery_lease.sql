-- An email is sent outside any transaction (issue 19). The sender used to hold the outbox's claim,
-- a row lock, through the whole SMTP conversation, and with it a pooled connection: with 4 outbox
-- threads and 8 JobRunr workers delivering, up to 12 of a node's 20 connections waited on SMTP.
-- Now a sender leases the delivery in one short statement, sends with no connection held, and marks
-- it SENT (clearing the lease) in another. A concurrent attempt finds the lease and tries again
-- later; a sender that dies mid-send leaves a lease that expires, and the next attempt sends.
ALTER TABLE mail_deliveries ADD COLUMN lease_until TIMESTAMPTZ;
