package dev.thingyan.adapter.jdbc.app;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code SHOW GRANTS} says the current user (with its enabled role) may do in one database:
 * the global ({@code *.*}) and database-level ({@code `db`.*}, also a {@code LIKE} pattern such as
 * {@code `thingyan\_%`}) grants. Table and column grants are not counted: a restore drops and
 * creates tables, which a table grant cannot cover. The privilege tables of
 * {@code information_schema} leave out what a role grants; {@code SHOW GRANTS} does not.
 */
final class MariaDbGrants {

  /** What {@code ALL PRIVILEGES} on a database stands for (the database-level privileges). */
  static final List<String> ALL_DATABASE = List.of("SELECT", "INSERT", "UPDATE", "DELETE",
      "CREATE", "DROP", "REFERENCES", "INDEX", "ALTER", "CREATE TEMPORARY TABLES", "LOCK TABLES",
      "EXECUTE", "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE", "EVENT", "TRIGGER");

  private static final Pattern GRANT = Pattern.compile(
      "GRANT (.+?) ON (?:(?:TABLE|PROCEDURE|FUNCTION|PACKAGE|PACKAGE BODY) )?(\\S+) TO .*",
      Pattern.DOTALL);

  private MariaDbGrants() {}

  /** @return the privileges the grant lines give in {@code database}, upper case. */
  static Set<String> on(String database, List<String> grantLines) {
    Set<String> held = new HashSet<>();
    for (String line : grantLines) {
      Matcher m = GRANT.matcher(line.strip());
      if (m.matches() && covers(m.group(2), database)) {
        held.addAll(privileges(m.group(1)));
      }
    }
    return held;
  }

  private static Set<String> privileges(String list) {
    Set<String> out = new HashSet<>();
    for (String p : list.split(",")) {
      // SELECT (col) is a column grant, never on db.* — but cut it anyway
      String name = p.replaceAll("\\(.*\\)", "").strip().toUpperCase(Locale.ROOT);
      if (name.equals("ALL PRIVILEGES") || name.equals("ALL")) {
        out.addAll(ALL_DATABASE);
      } else {
        out.add(name);
      }
    }
    return out;
  }

  /** {@code *.*}, {@code `db`.*} or {@code `pattern`.*}; a table ({@code `db`.`t`}) does not cover. */
  private static boolean covers(String on, String database) {
    if (on.equals("*.*")) {
      return true;
    }
    if (!on.endsWith(".*") || !on.startsWith("`")) {
      return false;
    }
    String pattern = on.substring(1, on.length() - 3).replace("``", "`");
    return like(pattern).matcher(database).matches();
  }

  /** A database grant's name is a LIKE pattern: {@code _} and {@code %} match, {@code \_} is literal. */
  static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
