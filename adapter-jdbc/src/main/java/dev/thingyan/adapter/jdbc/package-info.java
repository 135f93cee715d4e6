/**
 * Relational database adapters of thingyan: connection settings and pools ({@link
 * dev.thingyan.adapter.jdbc.DataSources}); the journal database in {@code journal}; probes, dumps
 * and restores of the app's own database in {@code app}.
 */
package dev.thingyan.adapter.jdbc;
