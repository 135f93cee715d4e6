package dev.thingyan.adapter.jdbc.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Which {@code DEFINER} clauses of a dump the restoring account may keep. A definer decides whose
 * privileges a {@code SQL SECURITY DEFINER} view, routine or trigger runs with, so replacing it
 * silently changes what the app may do. An account with SUPER or SET USER (or ALL on {@code *.*})
 * may name any definer: every clause is kept. Otherwise the clauses that name the account itself
 * are kept (they change nothing), and the others are replaced by the account, and reported.
 */
record MariaDbDefiners(boolean anyDefiner, String self) {

  /** Keeps no clause: for a scratch copy that is only checked, whose definers do not matter. */
  static final MariaDbDefiners NONE_KEPT = new MariaDbDefiners(false, "");

  /** What the account of {@code c} may set. */
  static MariaDbDefiners of(Connection c) throws SQLException {
    String self;
    boolean any = false;
    try (Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT CURRENT_USER()")) {
        r.next();
        self = r.getString(1);
      }
      try (ResultSet r = s.executeQuery("SHOW GRANTS")) {
        while (r.next()) {
          String grant = r.getString(1).toUpperCase(Locale.ROOT);
          if (grant.contains(" ON *.* ")
              && (grant.startsWith("GRANT ALL PRIVILEGES") || grant.matches(".*[ ,]SUPER[ ,].*")
                  || grant.contains("SET USER"))) {
            any = true;
          }
        }
      }
    }
    return new MariaDbDefiners(any, self);
  }

  /**
   * @param definer as the dump writes it, e.g. {@code `root`@`localhost`} or {@code 'app'@'%'}
   * @return whether the clause stays as it is
   */
  boolean keeps(String definer) {
    return anyDefiner || normalise(definer).equals(self);
  }

  private static String normalise(String definer) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < definer.length(); i++) {
      char ch = definer.charAt(i);
      if (quote != 0) {
        if (ch == quote && i + 1 < definer.length() && definer.charAt(i + 1) == quote) {
          out.append(ch);
          i++;
        } else if (ch == quote) {
          quote = 0;
        } else {
          out.append(ch);
        }
      } else if (ch == '`' || ch == '\'' || ch == '"') {
        quote = ch;
      } else if (!Character.isWhitespace(ch)) {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
