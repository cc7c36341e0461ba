#!/bin/sh
# First start of the compose database: the owner that runs migrations and the application role the
# API connects as (no superuser, no BYPASSRLS, owns nothing). See DESIGN.md section 3.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE accord_owner LOGIN NOSUPERUSER CREATEDB NOCREATEROLE BYPASSRLS PASSWORD '${ACCORD_OWNER_PASSWORD}';
CREATE ROLE accord_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${ACCORD_APP_PASSWORD}';
CREATE DATABASE accord OWNER accord_owner;
REVOKE ALL ON DATABASE accord FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE accord TO accord_app;
SQL
