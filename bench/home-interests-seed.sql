-- Counsellors, interests and tagged resources for the student home's interest panels (session 17, branch h28h),
-- on an empty migrated database: see bench/RESULTS.md "Session 17: the student home's statements".
-- 200 universities; university 1 is large: 400 counsellors, 60 interests, 5000 resources; others 20 counsellors, 30 interests, 300 resources
INSERT INTO universities (name, subdomain) SELECT 'U'||g, 'u'||g FROM generate_series(1,200) g;
INSERT INTO users (university_id, email, role)
  SELECT u.id, 'c'||g||'@u'||u.id||'.edu', 'COUNSELLOR' FROM universities u, generate_series(1, CASE WHEN u.id=1 THEN 400 ELSE 20 END) g;
INSERT INTO users (university_id, email, role) SELECT u.id, 'staff@u'||u.id||'.edu', 'STAFF' FROM universities u;
INSERT INTO interests (university_id, name)
  SELECT u.id, 'Interest '||g FROM universities u, generate_series(1, CASE WHEN u.id=1 THEN 60 ELSE 30 END) g;
-- expertise: 3-6 tags among 'interest N' (lowercase) + some mixed case, status mostly APPROVED
INSERT INTO counsellors (university_id, user_id, status, display_name, email, expertise, time_zone)
  SELECT us.university_id, us.id,
         CASE WHEN random() < 0.8 THEN 'APPROVED' WHEN random() < 0.5 THEN 'PENDING' ELSE 'INACTIVE' END,
         'Counsellor '||us.id, us.email,
         ARRAY(SELECT CASE WHEN random()<0.3 THEN 'Interest '||(1+floor(random()*CASE WHEN us.university_id=1 THEN 60 ELSE 30 END))::int
                           ELSE 'interest '||(1+floor(random()*CASE WHEN us.university_id=1 THEN 60 ELSE 30 END))::int END
               FROM generate_series(1, 3 + (us.id % 4))),
         'Europe/London'
  FROM users us WHERE us.role='COUNSELLOR';
INSERT INTO resources (university_id, uploader_id, uploader_name, title, kind, access, status, url, downloads, created_at)
  SELECT u.id, s.id, 'Staff', 'Resource '||g, 'LINK', CASE WHEN random()<0.2 THEN 'PREMIUM' ELSE 'EVERYONE' END,
         CASE WHEN random()<0.9 THEN 'APPROVED' ELSE 'PENDING' END, 'https://example.org/'||g, (random()*500)::int,
         now() - (random()*365||' days')::interval
  FROM universities u JOIN users s ON s.university_id=u.id AND s.role='STAFF', generate_series(1, CASE WHEN u.id=1 THEN 5000 ELSE 300 END) g;
INSERT INTO resource_interests (university_id, resource_id, interest_id)
  SELECT DISTINCT r.university_id, r.id, i.id
  FROM resources r CROSS JOIN LATERAL generate_series(1, 1 + (r.id % 3)) k
  JOIN LATERAL (SELECT id FROM interests i WHERE i.university_id = r.university_id ORDER BY random() + k*0 + r.id*0 LIMIT 1) i ON true;
ANALYZE;
