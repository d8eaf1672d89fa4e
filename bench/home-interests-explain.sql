-- Plans of the home's counsellor and resource reads as the app role, bound to university :u
-- (psql -v u=1 -f bench/home-interests-explain.sql; 1 is the large university of home-interests-seed.sql).
\set ON_ERROR_STOP 1
BEGIN;
SET LOCAL ROLE careerai_app;
SELECT set_config('careerai.university_id', :'u', true);
\echo '--- counsellors: before (every approved counsellor to Java)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY OFF) SELECT c.university_id, c.user_id, c.status, c.display_name, c.email, c.bio, c.expertise, c.languages, c.time_zone, c.meeting_url, c.buffer_before_minutes, c.buffer_after_minutes, c.min_notice_minutes, c.booking_window_days, c.slot_interval_minutes, c.decision_reason, c.photo_jpeg IS NOT NULL AS has_photo FROM counsellors c WHERE c.university_id = :u AND c.status = 'APPROVED' ORDER BY c.display_name;
\echo '--- counsellors: after'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY OFF) SELECT c.user_id, c.display_name, c.bio, c.expertise FROM counsellors c CROSS JOIN LATERAL (SELECT count(*) AS matches FROM unnest(c.expertise) AS tag WHERE lower(tag) = ANY('{interest 3,interest 7}'::text[])) m WHERE c.university_id = :u AND c.status = 'APPROVED' AND m.matches > 0 ORDER BY m.matches DESC, c.display_name, c.user_id LIMIT 3;
\echo '--- resources: after'
EXPLAIN (ANALYZE, BUFFERS, VERBOSE, COSTS OFF, SUMMARY OFF) SELECT r.id, r.title, ARRAY(SELECT t.interest_id FROM resource_interests t WHERE t.university_id = r.university_id AND t.resource_id = r.id ORDER BY t.interest_id) AS interest_ids FROM resources r WHERE r.university_id = :u AND r.status = 'APPROVED' AND EXISTS (SELECT 1 FROM resource_interests ri WHERE ri.university_id = r.university_id AND ri.resource_id = r.id AND ri.interest_id = ANY(ARRAY(SELECT id FROM interests WHERE university_id = :u ORDER BY id LIMIT 2))) ORDER BY (r.created_at > now() - interval '14 days') DESC, r.downloads DESC, r.created_at DESC, r.id DESC LIMIT 5;
ROLLBACK;
