-- The second tenant wall (ADR 0010). The app connects as a login role in the NOLOGIN group
-- careerai_app: not the owner of any table, no BYPASSRLS. Every table with a university_id column
-- admits only the rows of the university bound to the session (setting careerai.university_id,
-- applied by platform.data on every connection the app checks out); with nothing bound, a tenant
-- table shows and accepts nothing. The few reads across universities are SECURITY DEFINER
-- functions owned by the NOLOGIN role careerai_platform, which alone has a read-only policy that
-- admits every row of the tables those functions read.
--
-- Roles are global to the PostgreSQL cluster: create them only when absent. The migration user
-- needs CREATEROLE for that (or an operator creates both roles beforehand).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_app') THEN
        CREATE ROLE careerai_app NOLOGIN NOINHERIT;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careerai_platform') THEN
        CREATE ROLE careerai_platform NOLOGIN NOINHERIT;
    END IF;
END
$$;

-- What the web and worker paths need: data, not DDL. Later migrations' tables get the same grants
-- through the default privileges below; the migration owner keeps DDL to itself.
GRANT USAGE ON SCHEMA public TO careerai_app, careerai_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO careerai_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO careerai_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO careerai_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO careerai_app;
-- Schema history: the application may read which version it runs on; only the owner writes it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM careerai_app;

-- Forced row-level security on every tenant table that exists now. Tables added later state the
-- same three statements in the migration that creates them (MigrationRulesTest checks).
DO $$
DECLARE
    tenant_table TEXT;
BEGIN
    FOR tenant_table IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'university_id' AND t.table_type = 'BASE TABLE'
          AND c.table_name <> 'stripe_events'
        ORDER BY c.table_name
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I'
            || ' USING (university_id = NULLIF(current_setting(''careerai.university_id'', true), '''')::bigint)'
            || ' WITH CHECK (university_id = NULLIF(current_setting(''careerai.university_id'', true), '''')::bigint)',
            tenant_table);
    END LOOP;
END
$$;

-- Stripe events arrive on the platform's host before anyone knows their university: an event not
-- yet routed (university_id NULL) belongs to the platform; once routed it is its university's.
ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_events
    USING (university_id IS NULL
           OR university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id IS NULL
           OR university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- The platform path: read-only, only the columns a router needs, only through these functions.
GRANT SELECT ON ai_runs, payments, subscriptions TO careerai_platform;
CREATE POLICY platform_read ON ai_runs FOR SELECT TO careerai_platform USING (true);
CREATE POLICY platform_read ON payments FOR SELECT TO careerai_platform USING (true);
CREATE POLICY platform_read ON subscriptions FOR SELECT TO careerai_platform USING (true);

-- The run sweeper's scan: unfinished runs of every university, oldest first.
CREATE FUNCTION platform_unfinished_runs(older_than TIMESTAMPTZ, max_rows INTEGER)
    RETURNS TABLE (university_id BIGINT, id UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT r.university_id, r.id FROM ai_runs r
    WHERE r.status IN ('QUEUED', 'RUNNING', 'FAILED') AND r.created_at < older_than
    ORDER BY r.created_at LIMIT max_rows
$$;

-- Routing a Stripe event to the university whose payment or subscription it concerns.
CREATE FUNCTION platform_route_stripe_payment(by_column TEXT, external_value TEXT)
    RETURNS TABLE (university_id BIGINT, id UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT p.university_id, p.id FROM payments p
    WHERE p.provider = 'stripe'
      AND CASE by_column WHEN 'payment_intent_id' THEN p.payment_intent_id = external_value
                         WHEN 'invoice_id' THEN p.invoice_id = external_value
                         ELSE FALSE END
    LIMIT 1
$$;

CREATE FUNCTION platform_route_stripe_subscription(external_value TEXT)
    RETURNS TABLE (university_id BIGINT, user_id BIGINT, product TEXT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT s.university_id, s.user_id, s.product FROM subscriptions s
    WHERE s.provider = 'stripe' AND s.external_id = external_value
    LIMIT 1
$$;

ALTER FUNCTION platform_unfinished_runs(TIMESTAMPTZ, INTEGER) OWNER TO careerai_platform;
ALTER FUNCTION platform_route_stripe_payment(TEXT, TEXT) OWNER TO careerai_platform;
ALTER FUNCTION platform_route_stripe_subscription(TEXT) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_unfinished_runs(TIMESTAMPTZ, INTEGER) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_route_stripe_payment(TEXT, TEXT) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_route_stripe_subscription(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_unfinished_runs(TIMESTAMPTZ, INTEGER) TO careerai_app;
GRANT EXECUTE ON FUNCTION platform_route_stripe_payment(TEXT, TEXT) TO careerai_app;
GRANT EXECUTE ON FUNCTION platform_route_stripe_subscription(TEXT) TO careerai_app;
