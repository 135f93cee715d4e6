/**
 * The journal database (H2, PostgreSQL, MariaDB/MySQL): runs, steps and their log, the run lock
 * row, the backup catalog and the hash-chained audit trail. Start at {@link
 * dev.thingyan.adapter.jdbc.journal.JournalDatabase#open}.
 */
package dev.thingyan.adapter.jdbc.journal;
