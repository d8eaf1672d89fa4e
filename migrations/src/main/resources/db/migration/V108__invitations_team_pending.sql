-- Staff's team page lists the invitations to the team (staff, counsellors) still waiting (issue 19). It read
-- every invitation the university ever sent and filtered them in Java: a university that invites its
-- students by the thousand (the bulk import) read them all to show none of them. The page now filters in
-- SQL, newest first, from this partial index of unaccepted team invitations (a handful per university);
-- student invitations, and every invitation once accepted, are not in it.
-- IF NOT EXISTS: on a large deployment an operator may build it CONCURRENTLY by hand before deploying.
CREATE INDEX IF NOT EXISTS invitations_team_pending
    ON invitations (university_id, created_at DESC)
    WHERE accepted_at IS NULL AND role <> 'STUDENT';
