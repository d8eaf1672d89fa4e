-- tenant-admin's `stripe-events replay <id>` looks an event up by id before it knows whose it is:
-- a routed event is visible only inside its university (V10). This platform function (ADR 10)
-- answers which university an event was routed to, so the tool can then read it bound to it.
GRANT SELECT ON stripe_events TO careerai_platform;
CREATE POLICY platform_read ON stripe_events FOR SELECT TO careerai_platform USING (true);

CREATE FUNCTION platform_stripe_event_university(event_id TEXT)
    RETURNS BIGINT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT e.university_id FROM stripe_events e WHERE e.id = event_id
$$;

ALTER FUNCTION platform_stripe_event_university(TEXT) OWNER TO careerai_platform;
REVOKE ALL ON FUNCTION platform_stripe_event_university(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform_stripe_event_university(TEXT) TO careerai_app;
