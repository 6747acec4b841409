#!/bin/bash
# Runs once, when the MySQL container initialises an empty data directory (the official image runs
# /docker-entrypoint-initdb.d/*.sh, executed or sourced). The image has already created the
# database MYSQL_DATABASE and the application user MYSQL_USER (ALL on that database).
#
# Creates the outbox relay's user: binlog replication grants for Debezium's MySQL connector, plus
# the grants of its offset and schema-history tables (relay_offsets, relay_schema_history), which
# the relay keeps in the outbox database (outbox-relay/README.md).
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS '${RELAY_DB_USER:-relay}'@'%' IDENTIFIED BY '${RELAY_DB_PASSWORD}';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '${RELAY_DB_USER:-relay}'@'%';
GRANT CREATE, INSERT, DELETE ON \`${MYSQL_DATABASE}\`.* TO '${RELAY_DB_USER:-relay}'@'%';
FLUSH PRIVILEGES;
SQL
