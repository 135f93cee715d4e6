/**
 * The journal database (H2, PostgreSQL, MariaDB/MySQL): runs, steps and their log, the run lock
 * row, the backup catalog, the hash-chained audit trail, and the error-report outbox with its
 * fingerprint → issue map, delivery state and delivery lease. Start at {@link
 * dev.thingyan.adapter.jdbc.journal.JournalDatabase#open}.
 */
package dev.thingyan.adapter.jdbc.journal;
