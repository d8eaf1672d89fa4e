-- Leads (issue 16, docs/adr/0025): two simultaneous first inquiries from one person must make one
-- lead. The same email (case-insensitive) or the same phone (E.164) within a university is the same
-- lead, now enforced by the database: the inquiry inserts ON CONFLICT DO NOTHING and merges into the
-- lead that won. Leads that already share an email or phone are folded into the oldest one first.

-- Folds lead `dup` into lead `keep` (same university): its notes and manual messages move over, its
-- automatic follow-ups are kept only where the surviving lead has none for that channel.
CREATE FUNCTION pg_temp.fold_lead(uni BIGINT, keep BIGINT, dup BIGINT) RETURNS void LANGUAGE sql AS $$
    DELETE FROM communication_logs d
     WHERE d.university_id = uni AND d.lead_id = dup AND d.automatic
       AND EXISTS (SELECT 1 FROM communication_logs k WHERE k.university_id = uni AND k.lead_id = keep
                   AND k.automatic AND k.channel = d.channel);
    UPDATE communication_logs SET lead_id = keep WHERE university_id = uni AND lead_id = dup;
    UPDATE lead_notes SET lead_id = keep WHERE university_id = uni AND lead_id = dup;
    UPDATE leads k SET inquiries = k.inquiries + d.inquiries
      FROM leads d WHERE k.university_id = uni AND k.id = keep AND d.university_id = uni AND d.id = dup;
    DELETE FROM leads WHERE university_id = uni AND id = dup;
$$;

-- Row-level security is forced even for the tables' owner, so each university is folded bound to it.
DO $$
DECLARE
    u BIGINT;
    dup BIGINT;
    keep BIGINT;
BEGIN
    FOR u IN SELECT id FROM universities ORDER BY id LOOP
        PERFORM set_config('careerai.university_id', u::text, true);
        FOR dup IN SELECT id FROM leads WHERE university_id = u ORDER BY id DESC LOOP
            SELECT min(o.id) INTO keep FROM leads l JOIN leads o ON o.university_id = l.university_id
             WHERE l.university_id = u AND l.id = dup AND o.id < l.id
               AND (lower(o.email) = lower(l.email) OR o.phone = l.phone);
            IF keep IS NOT NULL THEN
                PERFORM pg_temp.fold_lead(u, keep, dup);
            END IF;
        END LOOP;
    END LOOP;
    PERFORM set_config('careerai.university_id', '', true);
END
$$;

DROP INDEX leads_by_email;
DROP INDEX leads_by_phone;
CREATE UNIQUE INDEX leads_one_per_email ON leads (university_id, lower(email));
CREATE UNIQUE INDEX leads_one_per_phone ON leads (university_id, phone);
