-- The deletion banner rides on the user row (issue 19): every signed-in page showed whether the
-- person's account is to be erased by reading account_deletions, one statement per page, while the
-- sign-in check reads the person's users row anyway. The row now carries the erasure date while a
-- deletion is SCHEDULED (NULL otherwise), kept by a trigger on account_deletions, so that every
-- writer of a deletion (the student, staff, the erasure job, tenant-admin) keeps it right without
-- knowing of it. account_deletions stays the privacy feature's record of the request.

ALTER TABLE users ADD COLUMN erasure_scheduled_at TIMESTAMPTZ;

-- Writers of account_deletions wait from here until this migration commits: none changes between
-- the back-fill and the trigger.
LOCK TABLE account_deletions IN SHARE ROW EXCLUSIVE MODE;

-- The owner is exempt from row-level security only while it is not forced.
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_deletions NO FORCE ROW LEVEL SECURITY;
UPDATE users u SET erasure_scheduled_at = d.erase_at
  FROM account_deletions d
 WHERE d.university_id = u.university_id AND d.user_id = u.id AND d.status = 'SCHEDULED';
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE account_deletions FORCE ROW LEVEL SECURITY;

-- Runs as the writer (the application's role, bound to the deletion's university): the users row
-- it updates is in that same university, so row-level security lets it through.
CREATE FUNCTION account_deletion_on_user() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    scheduled TIMESTAMPTZ;
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE users SET erasure_scheduled_at = NULL
         WHERE university_id = OLD.university_id AND id = OLD.user_id AND erasure_scheduled_at IS NOT NULL;
        RETURN OLD;
    END IF;
    scheduled := CASE WHEN NEW.status = 'SCHEDULED' THEN NEW.erase_at END;
    UPDATE users SET erasure_scheduled_at = scheduled
     WHERE university_id = NEW.university_id AND id = NEW.user_id
       AND erasure_scheduled_at IS DISTINCT FROM scheduled;
    RETURN NEW;
END
$$;

CREATE TRIGGER account_deletions_on_user
    AFTER INSERT OR UPDATE OR DELETE ON account_deletions
    FOR EACH ROW EXECUTE FUNCTION account_deletion_on_user();
