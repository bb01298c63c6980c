#!/bin/sh
# Run once by the postgres image on an empty volume (docker-entrypoint-initdb.d): the engine's
# own role and database beside MLflow's. DATABASE_URL in docker-compose.yml points at them.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$RESOLVIA_DB_PASSWORD" <<'SQL'
CREATE ROLE resolvia LOGIN PASSWORD :'password';
CREATE DATABASE resolvia OWNER resolvia;
SQL
