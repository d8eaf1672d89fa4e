-- Runs get a human title ("Job Pack — Data Analyst at Acme"), derived from the tool's input when the
-- run starts, and the analysis computed by code (keywords, sections, bullet statistics) from that input.
ALTER TABLE ai_runs ADD COLUMN title TEXT CHECK (length(title) <= 200);
ALTER TABLE ai_runs ADD COLUMN analysis JSONB;

-- Runs started before titles existed are named after their tool.
UPDATE ai_runs SET title = CASE tool
    WHEN 'job-pack' THEN 'Job Pack'
    WHEN 'skill-mapper' THEN 'Skill Mapper'
    WHEN 'cv-analysis' THEN 'CV Analysis'
    WHEN 'internship-finder' THEN 'Internship Finder'
    WHEN 'personal-statement' THEN 'Personal Statement'
    WHEN 'referral-trainer' THEN 'Referral Trainer'
    ELSE tool
END
WHERE title IS NULL;

-- "/runs" filters one student's runs by tool, status and words of the title: the index leads with the
-- university and the user (a student has at most a few hundred runs; the title match runs over those).
CREATE INDEX ai_runs_university_user_title ON ai_runs (university_id, user_id, lower(title));
CREATE INDEX ai_runs_university_user_tool_status ON ai_runs (university_id, user_id, tool, status, created_at DESC);
