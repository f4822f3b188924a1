#!/bin/sh
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as its superuser.
# Two roles, as the app expects (README, Configuration: database roles):
#   shifosi_owner  owns the database and its tables; the api runs migrations with it (DATABASE_MIGRATION_URL)
#   shifosi_app    serves requests (DATABASE_URL); no superuser, owns nothing; the migrations grant it its rights
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SHIFOSI_OWNER_PASSWORD" -v app_password="$SHIFOSI_APP_PASSWORD" <<'SQL'
CREATE ROLE shifosi_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE shifosi_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE shifosi OWNER shifosi_owner;
SQL
