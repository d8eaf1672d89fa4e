-- The audit log is evidence: nobody edits or removes an entry, not even the application (issue 17).
-- As for the ledger (V5, V8), the one exception is tenant-admin's offboarding, which deletes a
-- departed university's rows after exporting them and announces itself for one university and one
-- transaction with set_config('careerai.offboarding_university', '<id>', true).
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
            AND current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The audit page filters by action and by actor within a date range, newest first.
CREATE INDEX audit_log_university_action_created ON audit_log (university_id, action, created_at DESC);
CREATE INDEX audit_log_university_actor_created ON audit_log (university_id, actor, created_at DESC);
