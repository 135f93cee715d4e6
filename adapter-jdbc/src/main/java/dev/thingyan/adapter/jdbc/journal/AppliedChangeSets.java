package dev.thingyan.adapter.jdbc.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, without Liquibase, whether every changeset of the journal's changelog is already applied:
 * then {@link JournalSchema#update} has nothing to do and skips loading Liquibase, which costs a
 * CLI seconds of class loading on every start. Deliberately conservative: whenever it cannot be
 * sure (no changelog table yet, an unreadable table, a changelog using anything beyond plain
 * changesets), it answers "no" and Liquibase runs as before. Nothing here references Liquibase,
 * so the fast path loads none of its classes.
 *
 * <p>What it does not do is Liquibase's checksum validation of applied changesets: a changeset
 * edited after it shipped (which the changelog forbids) is noticed only when a new one is added.
 */
final class AppliedChangeSets {

  /** A changeset's identity, as Liquibase records it in its changelog table. */
  record Key(String id, String author, String path) {}

  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
  private static final Pattern CHANGE_SET = Pattern.compile("<changeSet\\b([^>]*)>");
  private static final Pattern ID = Pattern.compile("\\sid\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern AUTHOR = Pattern.compile("\\sauthor\\s*=\\s*\"([^\"]*)\"");
  // anything that makes "every changeset's row exists" not mean "nothing to do", or that this
  // scan cannot follow (other files, changesets that run again, entities in a value)
  private static final Pattern UNSURE = Pattern.compile(
      "<include|runAlways|runOnChange|logicalFilePath|<preConditions|<!DOCTYPE|<!ENTITY|&");

  private static volatile Optional<Set<Key>> changelog;

  private AppliedChangeSets() {}

  /**
   * @return true only when the changelog table lists every changeset of {@link
   *     JournalSchema#CHANGELOG}; false when anything may be missing or cannot be told
   */
  static boolean allApplied(Connection connection) throws SQLException {
    Optional<Set<Key>> wanted = changelog();
    if (wanted.isEmpty()) {
      return false;
    }
    Set<Key> applied = new HashSet<>();
    boolean autoCommit = connection.getAutoCommit();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT id, author, filename FROM " + JournalSchema.CHANGELOG_TABLE)) {
      while (rs.next()) {
        applied.add(new Key(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    } catch (SQLException e) {
      return false; // a new database: no changelog table yet
    } finally {
      if (!autoCommit) {
        // a failed statement would leave a PostgreSQL transaction unusable for Liquibase
        connection.rollback();
      }
    }
    return applied.containsAll(wanted.get());
  }

  /** The changesets of the journal's changelog (read once); empty when the scan cannot be sure. */
  static Optional<Set<Key>> changelog() {
    Optional<Set<Key>> keys = changelog;
    if (keys == null) {
      keys = scan(read(JournalSchema.CHANGELOG), JournalSchema.CHANGELOG);
      changelog = keys;
    }
    return keys;
  }

  /**
   * @param path the changelog's path, which Liquibase records with each changeset
   * @return the changesets declared in {@code xml}; empty when it holds none or anything this
   *     scan cannot judge
   */
  static Optional<Set<Key>> scan(String xml, String path) {
    String text = COMMENT.matcher(xml).replaceAll("");
    if (UNSURE.matcher(text).find()) {
      return Optional.empty();
    }
    Set<Key> keys = new LinkedHashSet<>();
    Matcher m = CHANGE_SET.matcher(text);
    while (m.find()) {
      Matcher id = ID.matcher(" " + m.group(1));
      Matcher author = AUTHOR.matcher(" " + m.group(1));
      if (!id.find() || !author.find()) {
        return Optional.empty();
      }
      keys.add(new Key(id.group(1), author.group(1), path));
    }
    return keys.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(keys));
  }

  private static String read(String resource) {
    try (InputStream in = AppliedChangeSets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
