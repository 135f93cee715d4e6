/**
 * The app's own database: health and precheck probes over JDBC, and the dumpers (SQLite, and
 * PostgreSQL and MariaDB/MySQL through their client tools). Nothing here writes to the app's
 * database except a restore.
 */
package dev.thingyan.adapter.jdbc.app;
