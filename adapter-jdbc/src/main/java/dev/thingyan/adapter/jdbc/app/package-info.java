/**
 * The app's own database: health and precheck probes over JDBC, and the SQLite dumper. Nothing here
 * writes to the app's database except a restore.
 */
package dev.thingyan.adapter.jdbc.app;
