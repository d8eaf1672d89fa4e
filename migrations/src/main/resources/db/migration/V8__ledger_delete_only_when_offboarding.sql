-- The ledger stays append-only, with one exception: tenant-admin's offboarding deletes a departed
-- university's rows after exporting them. It announces itself, for one university and one
-- transaction, with set_config('careerai.offboarding_university', '<id>', true).
CREATE OR REPLACE FUNCTION credit_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE'
            AND current_setting('careerai.offboarding_university', true) = OLD.university_id::text THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'credit_transactions is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
