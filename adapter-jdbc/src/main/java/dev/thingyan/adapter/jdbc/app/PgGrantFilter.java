package dev.thingyan.adapter.jdbc.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Passes pg_restore's SQL on, leaving out the grants this server cannot take, so that a backup
 * whose privileges name a role dropped since (or never created on a rebuilt server) still restores.
 * In an entry headed {@code Type: ACL} or {@code Type: DEFAULT ACL} it drops a {@code GRANT ... TO
 * r} or {@code REVOKE ... FROM r} when role {@code r} does not exist, an {@code ALTER DEFAULT
 * PRIVILEGES FOR ROLE o} when the restoring user cannot act for {@code o}, and pg_dump's {@code SET
 * SESSION AUTHORIZATION} around a grant someone other than the owner made (only a superuser may
 * run it; the grant is then made by the restoring user, who owns every restored object). Lines
 * it cannot parse pass unchanged: if one names a missing role, psql fails and the restore rolls
 * back. COPY data is never looked at. Lines longer than {@value #LINE_LIMIT} bytes (large object
 * data, wide rows) pass through without being held whole.
 */
final class PgGrantFilter extends OutputStream {

  static final int LINE_LIMIT = 64 * 1024;
  private static final String FOR_ROLE = "ALTER DEFAULT PRIVILEGES FOR ROLE ";

  private final OutputStream out;
  private final Set<String> roles;
  private final Set<String> actingFor;
  private final List<String> skipped = new ArrayList<>();
  private final List<String> regranted = new ArrayList<>();
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean passing; // the current line outgrew LINE_LIMIT: the rest goes straight out
  private boolean inCopy;
  // within COPY data, the current row: its length so far and its first two bytes (the end of the
  // data is the row "\.")
  private long rowLength;
  private byte rowFirst;
  private byte rowSecond;
  private boolean inAcl;
  private String grantor;

  /**
   * @param roles every role on the server
   * @param actingFor the roles the restoring user is a member of (all of them for a superuser)
   */
  PgGrantFilter(OutputStream out, Set<String> roles, Set<String> actingFor) {
    this.out = out;
    this.roles = Set.copyOf(roles);
    this.actingFor = Set.copyOf(actingFor);
  }

  /** The statements left out because they name a role this server lacks. */
  List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** The grants made by someone other than the owner, now made by the restoring user. */
  List<String> regranted() {
    return List.copyOf(regranted);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int start = off;
    while (start < end) {
      if (inCopy && line.size() == 0) {
        // COPY data (nearly all of a restore's bytes): passed on in runs, only looking for its end
        start = copyRows(b, start, end);
        continue;
      }
      int nl = start;
      while (nl < end && b[nl] != '\n') {
        nl++;
      }
      boolean complete = nl < end;
      int stop = complete ? nl + 1 : end;
      if (passing) {
        out.write(b, start, stop - start);
      } else {
        line.write(b, start, stop - start);
        if (!complete && line.size() > LINE_LIMIT) {
          line.writeTo(out);
          line.reset();
          passing = true;
        }
      }
      if (complete) {
        if (!passing) {
          endLine();
        }
        passing = false;
      }
      start = stop;
    }
  }

  /**
   * Passes on COPY rows from {@code start} up to the end of the data (the row {@code \.}, whose
   * line is included) or of {@code b}, with no copy of their bytes.
   *
   * @return where the data ended in {@code b}, or {@code end}
   */
  private int copyRows(byte[] b, int start, int end) throws IOException {
    int at = start;
    while (at < end) {
      int nl = at;
      while (nl < end && b[nl] != '\n') {
        nl++;
      }
      int segment = nl - at;
      for (int i = 0; i < segment && rowLength + i < 2; i++) {
        if (rowLength + i == 0) {
          rowFirst = b[at + i];
        } else {
          rowSecond = b[at + i];
        }
      }
      rowLength += segment;
      if (nl == end) {
        at = end;
        break;
      }
      boolean last = rowLength == 2 && rowFirst == '\\' && rowSecond == '.';
      rowLength = 0;
      at = nl + 1;
      if (last) {
        inCopy = false;
        break;
      }
    }
    out.write(b, start, at - start);
    return at;
  }

  /** Passes on a last line without its newline, if any. */
  @Override
  public void flush() throws IOException {
    if (line.size() > 0) {
      line.writeTo(out);
      line.reset();
      passing = true;
    }
    out.flush();
  }

  private void endLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    if (keep(text)) {
      out.write(bytes);
    }
  }

  private boolean keep(String text) {
    if (inCopy) {
      inCopy = !text.equals("\\.");
      return true;
    }
    if (text.startsWith("COPY ") && text.endsWith(" FROM stdin;")) {
      inCopy = true;
      return true;
    }
    if (text.startsWith("-- Name: ") || text.startsWith("-- Data for Name: ")) {
      String type = type(text);
      inAcl = type.equals("ACL") || type.equals("DEFAULT ACL");
      grantor = null;
      return true;
    }
    return !inAcl || keepInAcl(text);
  }

  /** The {@code Type:} of a TOC entry's header, e.g. {@code -- Name: t; Type: ACL; Schema: -}. */
  private static String type(String header) {
    int at = header.lastIndexOf("; Type: ");
    int end = at < 0 ? -1 : header.indexOf("; Schema: ", at);
    return end < 0 ? "" : header.substring(at + "; Type: ".length(), end);
  }

  private boolean keepInAcl(String text) {
    if (text.startsWith("SET SESSION AUTHORIZATION ")) {
      grantor = text.substring("SET SESSION AUTHORIZATION ".length());
      return false;
    }
    if (text.equals("RESET SESSION AUTHORIZATION;")) {
      grantor = null;
      return false;
    }
    if (!text.startsWith("GRANT ")
        && !text.startsWith("REVOKE ")
        && !text.startsWith("ALTER DEFAULT PRIVILEGES ")) {
      return true;
    }
    String grantee = grantee(text);
    boolean known = grantee == null || grantee.equals("PUBLIC") || roles.contains(grantee);
    if (known && text.startsWith(FOR_ROLE)) {
      String owner = forRole(text);
      known = owner == null || actingFor.contains(owner);
    }
    if (!known) {
      skipped.add(text);
      return false;
    }
    if (grantor != null) {
      regranted.add(text + " (granted by " + grantor.replaceAll(";$", "") + ")");
    }
    return true;
  }

  /**
   * @return the role a grant or revoke names last ({@code PUBLIC} as such), unquoted; null when the
   *     statement is not shaped as pg_dump writes it
   */
  static String grantee(String statement) {
    if (!statement.endsWith(";")) {
      return null;
    }
    String s = statement.substring(0, statement.length() - 1);
    if (s.endsWith(" WITH GRANT OPTION")) {
      s = s.substring(0, s.length() - " WITH GRANT OPTION".length());
    }
    int start;
    String name;
    if (s.endsWith("\"")) {
      start = s.length() - 2;
      // backwards: a quote preceded by another is an escaped one, else it opens the name
      while (start >= 0 && !opensName(s, start)) {
        start -= s.charAt(start) == '"' ? 2 : 1;
      }
      if (start < 0) {
        return null;
      }
      name = s.substring(start + 1, s.length() - 1).replace("\"\"", "\"");
    } else {
      start = s.lastIndexOf(' ') + 1;
      name = s.substring(start);
      if (!name.equals("PUBLIC") && !name.matches("[a-z_][a-z0-9_$]*")) {
        return null;
      }
    }
    String before = s.substring(0, start);
    return before.endsWith(" TO ") || before.endsWith(" FROM ") ? name : null;
  }

  private static boolean opensName(String s, int at) {
    return s.charAt(at) == '"' && (at == 0 || s.charAt(at - 1) != '"');
  }

  /**
   * @return the role after {@code FOR ROLE}, unquoted; null when not shaped as pg_dump writes it
   */
  static String forRole(String statement) {
    String s = statement.substring(FOR_ROLE.length());
    if (!s.startsWith("\"")) {
      int space = s.indexOf(' ');
      return space < 0 ? null : s.substring(0, space);
    }
    StringBuilder name = new StringBuilder();
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '"') {
        name.append(c);
      } else if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
        name.append('"');
        i++;
      } else {
        return name.toString();
      }
    }
    return null;
  }
}
