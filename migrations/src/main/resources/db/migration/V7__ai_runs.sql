-- One row per AI tool run. Status moves QUEUED -> RUNNING -> SUCCEEDED, or -> FAILED -> REFUNDED;
-- the credits were debited in the transaction that inserted the row (ledger run_id = id).
CREATE TABLE ai_runs (
    university_id   BIGINT      NOT NULL REFERENCES universities (id),
    id              UUID        NOT NULL,
    user_id         BIGINT      NOT NULL,
    tool            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'REFUNDED')),
    currency        TEXT        NOT NULL CHECK (currency IN ('SILVER', 'GOLD')),
    cost            INTEGER     NOT NULL CHECK (cost >= 0),
    model           TEXT,
    fell_back       BOOLEAN     NOT NULL DEFAULT FALSE,
    demo            BOOLEAN     NOT NULL DEFAULT FALSE,
    input           JSONB       NOT NULL,
    output          JSONB,
    error           TEXT,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    tokens_in       INTEGER,
    tokens_out      INTEGER,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    PRIMARY KEY (university_id, id),
    FOREIGN KEY (university_id, user_id) REFERENCES users (university_id, id)
);
CREATE INDEX ai_runs_university_user_created ON ai_runs (university_id, user_id, created_at DESC);
CREATE INDEX ai_runs_university_tool_created ON ai_runs (university_id, tool, created_at DESC);
-- The sweeper looks across universities for runs that are not final; this stays small.
CREATE INDEX ai_runs_unfinished ON ai_runs (status, created_at) WHERE status IN ('QUEUED', 'RUNNING', 'FAILED');

-- Generated documents (the Job Pack PDF), served only to the run's owner.
CREATE TABLE ai_run_documents (
    university_id   BIGINT      NOT NULL,
    run_id          UUID        NOT NULL,
    content_type    TEXT        NOT NULL,
    content         BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, run_id),
    FOREIGN KEY (university_id, run_id) REFERENCES ai_runs (university_id, id) ON DELETE CASCADE
);

-- Tools a university has switched off (staff page); a tool without a row is enabled.
CREATE TABLE university_tools (
    university_id   BIGINT      NOT NULL REFERENCES universities (id),
    tool            TEXT        NOT NULL,
    enabled         BOOLEAN     NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (university_id, tool)
);
