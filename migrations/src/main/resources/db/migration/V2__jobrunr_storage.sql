-- JobRunr 8.7 storage tables for PostgreSQL. JobRunr runs with DatabaseOptions.SKIP_CREATE, so
-- this migration is the one place its schema is created (a DBA can read it; no DDL at start-up).
-- Produced from JobRunr's own migrations (v000..v016) applied to an empty PostgreSQL; the rows in
-- jobrunr_migrations tell JobRunr those scripts are in place. A JobRunr upgrade that adds
-- scripts needs a new Flyway migration with their SQL and rows.

CREATE TABLE jobrunr_backgroundjobservers (
    id character(36) NOT NULL,
    workerpoolsize integer NOT NULL,
    pollintervalinseconds integer NOT NULL,
    firstheartbeat timestamp(6) without time zone NOT NULL,
    lastheartbeat timestamp(6) without time zone NOT NULL,
    running integer NOT NULL,
    systemtotalmemory bigint NOT NULL,
    systemfreememory bigint NOT NULL,
    systemcpuload numeric(3,2) NOT NULL,
    processmaxmemory bigint NOT NULL,
    processfreememory bigint NOT NULL,
    processallocatedmemory bigint NOT NULL,
    processcpuload numeric(3,2) NOT NULL,
    deletesucceededjobsafter character varying(32),
    permanentlydeletejobsafter character varying(32),
    name character varying(128)
);
CREATE TABLE jobrunr_jobs (
    id character(36) NOT NULL,
    version integer NOT NULL,
    jobasjson text NOT NULL,
    jobsignature character varying(512) NOT NULL,
    state character varying(36) NOT NULL,
    createdat timestamp without time zone NOT NULL,
    updatedat timestamp without time zone NOT NULL,
    scheduledat timestamp without time zone,
    recurringjobid character varying(128)
);
CREATE TABLE jobrunr_metadata (
    id character varying(156) NOT NULL,
    name character varying(92) NOT NULL,
    owner character varying(64) NOT NULL,
    value text NOT NULL,
    createdat timestamp without time zone NOT NULL,
    updatedat timestamp without time zone NOT NULL
);
CREATE TABLE jobrunr_recurring_jobs (
    id character(128) NOT NULL,
    version integer NOT NULL,
    jobasjson text NOT NULL,
    createdat bigint DEFAULT '0'::bigint NOT NULL
);
CREATE VIEW jobrunr_jobs_stats AS
 WITH job_stat_results AS (
         SELECT jobrunr_jobs.state,
            count(*) AS count
           FROM jobrunr_jobs
          GROUP BY jobrunr_jobs.state
        )
 SELECT COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results), (0)::numeric) AS total,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'AWAITING'::text)), (0)::numeric) AS awaiting,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'SCHEDULED'::text)), (0)::numeric) AS scheduled,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'ENQUEUED'::text)), (0)::numeric) AS enqueued,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'PROCESSING'::text)), (0)::numeric) AS processing,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'PROCESSED'::text)), (0)::numeric) AS processed,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'FAILED'::text)), (0)::numeric) AS failed,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'SUCCEEDED'::text)), (0)::numeric) AS succeeded,
    COALESCE(( SELECT ((jm.value)::character(10))::numeric(10,0) AS value
           FROM jobrunr_metadata jm
          WHERE ((jm.id)::text = 'succeeded-jobs-counter-cluster'::text)), (0)::numeric) AS alltimesucceeded,
    COALESCE(( SELECT sum(job_stat_results.count) AS sum
           FROM job_stat_results
          WHERE ((job_stat_results.state)::text = 'DELETED'::text)), (0)::numeric) AS deleted,
    ( SELECT count(*) AS count
           FROM jobrunr_backgroundjobservers) AS nbrofbackgroundjobservers,
    ( SELECT count(*) AS count
           FROM jobrunr_recurring_jobs) AS nbrofrecurringjobs;
CREATE TABLE jobrunr_migrations (
    id character(36) NOT NULL,
    script character varying(64) NOT NULL,
    installedon character varying(29) NOT NULL
);
ALTER TABLE ONLY jobrunr_backgroundjobservers
    ADD CONSTRAINT jobrunr_backgroundjobservers_pkey PRIMARY KEY (id);
ALTER TABLE ONLY jobrunr_jobs
    ADD CONSTRAINT jobrunr_jobs_pkey PRIMARY KEY (id);
ALTER TABLE ONLY jobrunr_metadata
    ADD CONSTRAINT jobrunr_metadata_pkey PRIMARY KEY (id);
ALTER TABLE ONLY jobrunr_migrations
    ADD CONSTRAINT jobrunr_migrations_pkey PRIMARY KEY (id);
ALTER TABLE ONLY jobrunr_recurring_jobs
    ADD CONSTRAINT jobrunr_recurring_jobs_pkey PRIMARY KEY (id);
CREATE INDEX jobrunr_bgjobsrvrs_fsthb_idx ON jobrunr_backgroundjobservers USING btree (firstheartbeat);
CREATE INDEX jobrunr_bgjobsrvrs_lsthb_idx ON jobrunr_backgroundjobservers USING btree (lastheartbeat);
CREATE INDEX jobrunr_job_created_at_idx ON jobrunr_jobs USING btree (createdat);
CREATE INDEX jobrunr_job_rci_idx ON jobrunr_jobs USING btree (recurringjobid);
CREATE INDEX jobrunr_job_scheduled_at_idx ON jobrunr_jobs USING btree (scheduledat);
CREATE INDEX jobrunr_job_signature_idx ON jobrunr_jobs USING btree (jobsignature);
CREATE INDEX jobrunr_jobs_state_updated_idx ON jobrunr_jobs USING btree (state, updatedat);
CREATE INDEX jobrunr_recurring_job_created_at_idx ON jobrunr_recurring_jobs USING btree (createdat);
CREATE INDEX jobrunr_state_idx ON jobrunr_jobs USING btree (state);

INSERT INTO jobrunr_metadata VALUES ('succeeded-jobs-counter-cluster', 'succeeded-jobs-counter', 'cluster', '0', now(), now());
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v000__create_migrations_table.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v001__create_job_table.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v002__create_recurring_job_table.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v003__create_background_job_server_table.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v004__create_job_stats_view.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v005__update_job_stats_view.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v006__alter_table_jobs_add_recurringjob.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v007__alter_table_backgroundjobserver_add_delete_config.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v008__alter_table_jobs_increase_jobAsJson_size.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v009__change_jobrunr_job_counters_to_jobrunr_metadata.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v010__change_job_stats.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v011__change_sqlserver_text_to_varchar.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v012__change_oracle_alter_jobrunr_metadata_column_size.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v013__alter_table_recurring_job_add_createdAt.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v014__improve_job_stats.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v015__alter_table_backgroundjobserver_add_name.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
INSERT INTO jobrunr_migrations VALUES (gen_random_uuid()::text, 'v016__alter_jobs_stats_add_awaiting_jobs.sql', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
