-- The deletion banner rides on the user row (issue 19): every signed-in page showed whether the
-- person's account is to be erased by reading account_deletions, one statement per page, while the
-- sign-in check reads the person's users row anyway. The row now carries the erasure date while a
-- deletion is SCHEDULED (NULL otherwise). The privacy feature sets it through auth's service
-- (UserAccounts.markErasureScheduled) in the transaction that schedules, cancels or completes the
-- erasure; account_deletions stays the privacy feature's record of the request.

ALTER TABLE users ADD COLUMN erasure_scheduled_at TIMESTAMPTZ;

-- Writers of account_deletions wait from here until this migration commits: no deletion is
-- scheduled or cancelled between the back-fill and the application that keeps the column.
LOCK TABLE account_deletions IN SHARE ROW EXCLUSIVE MODE;

-- The owner is exempt from row-level security only while it is not forced.
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_deletions NO FORCE ROW LEVEL SECURITY;
UPDATE users u SET erasure_scheduled_at = d.erase_at
  FROM account_deletions d
 WHERE d.university_id = u.university_id AND d.user_id = u.id AND d.status = 'SCHEDULED';
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE account_deletions FORCE ROW LEVEL SECURITY;
