-- Transactional outbox (docs/adr/0012-transactional-outbox.md): a feature records an event in the
-- same transaction as the change that causes it; a relay delivers it at least once to its
-- listeners through JobRunr, right after commit; each listener records here that it handled the
-- event, in the transaction of its effect, so a second delivery changes nothing.

CREATE TABLE outbox_events (
    university_id  BIGINT      NOT NULL REFERENCES universities (id),
    id             UUID        NOT NULL,
    -- the event's Java type (a @Serdeable record), so the relay can read the payload back
    type           TEXT        NOT NULL CHECK (length(type) BETWEEN 1 AND 300),
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- set once every listener has handled the event (at once when nothing listens to it)
    delivered_at   TIMESTAMPTZ,
    -- failed deliveries so far, and the last failure (JobRunr retries them)
    attempts       INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error     TEXT        CHECK (length(last_error) <= 2000),
    PRIMARY KEY (university_id, id)
);
CREATE INDEX outbox_events_university_created ON outbox_events (university_id, created_at DESC);
-- The relay's scan across universities (platform_undelivered_outbox_events) reads only the few
-- undelivered events: a partial index on them, which cannot lead with university_id.
CREATE INDEX outbox_events_undelivered ON outbox_events (created_at) WHERE delivered_at IS NULL;
CREATE INDEX outbox_events_delivered ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL;

CREATE TABLE outbox_deliveries (
    university_id  BIGINT      NOT NULL,
    event_id       UUID        NOT NULL,
    -- the listener's stable name (OutboxListener.name())
    listener       TEXT        NOT NULL CHECK (length(listener) BETWEEN 1 AND 300),
    delivered_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, event_id, listener),
    FOREIGN KEY (university_id, event_id) REFERENCES outbox_events (university_id, id) ON DELETE CASCADE
);

ALTER TABLE outbox_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_events
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

ALTER TABLE outbox_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_deliveries
    USING (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint)
    WITH CHECK (university_id = NULLIF(current_setting('careerai.university_id', true), '')::bigint);

-- The two platform functions below run as careerai_platform (ADR 0010), which alone gets two
-- narrow extra policies: read every row (the relay's scan) and delete delivered events (retention).
GRANT SELECT, DELETE ON outbox_events TO careerai_platform;
CREATE POLICY platform_relay_scan ON outbox_events FOR SELECT TO careerai_platform USING (true);
CREATE POLICY platform_relay_purge ON outbox_events FOR DELETE TO careerai_platform
    USING (delivered_at IS NOT NULL);

-- Cross-university read (listed in the RLS ADR): events not delivered within older_than, oldest
-- first among those never attempted (a crash between commit and enqueue leaves attempts = 0), so
-- events that keep failing cannot crowd out lost ones. Returns only keys; the relay delivers each
-- inside its own university's unit of work.
CREATE FUNCTION platform_undelivered_outbox_events(older_than interval, max integer)
    RETURNS TABLE (university_id bigint, id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT e.university_id, e.id
      FROM outbox_events e
     WHERE e.delivered_at IS NULL
       AND e.created_at < now() - older_than
     ORDER BY e.attempts, e.created_at
     LIMIT max
$$;

-- Cross-university delete (listed in the RLS ADR): retention of delivered events (their
-- outbox_deliveries rows go with them). Returns how many were deleted.
CREATE FUNCTION platform_purge_delivered_outbox_events(older_than interval, max integer)
    RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = public
AS $$
    WITH purged AS (
        DELETE FROM outbox_events
         WHERE (university_id, id) IN (
               SELECT e.university_id, e.id
                 FROM outbox_events e
                WHERE e.delivered_at IS NOT NULL
                  AND e.delivered_at < now() - older_than
                ORDER BY e.delivered_at
                LIMIT max)
        RETURNING 1)
    SELECT count(*)::integer FROM purged
$$;

ALTER FUNCTION platform_undelivered_outbox_events(interval, integer) OWNER TO careerai_platform;
ALTER FUNCTION platform_purge_delivered_outbox_events(interval, integer) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_undelivered_outbox_events(interval, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION platform_purge_delivered_outbox_events(interval, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_undelivered_outbox_events(interval, integer) TO careerai_app;
GRANT EXECUTE ON FUNCTION platform_purge_delivered_outbox_events(interval, integer) TO careerai_app;
