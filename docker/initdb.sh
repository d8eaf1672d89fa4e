#!/bin/sh
# First start of the compose database: the application's login role, in the group the migrations
# grant to (row-level security holds it back; the owner in POSTGRES_USER runs the migrations).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE careerai_app NOLOGIN;
CREATE ROLE careerai_platform NOLOGIN;
CREATE ROLE ${DATABASE_USER} LOGIN PASSWORD '${DATABASE_PASSWORD}' IN ROLE careerai_app;
SQL
