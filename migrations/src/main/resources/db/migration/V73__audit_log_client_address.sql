-- "From which address" (issue 17): the client address of the request that caused an audit entry.
-- Entries written before this migration, by jobs or by the tenant-admin CLI have none.
ALTER TABLE audit_log ADD COLUMN client_address TEXT CHECK (length(client_address) <= 64);
