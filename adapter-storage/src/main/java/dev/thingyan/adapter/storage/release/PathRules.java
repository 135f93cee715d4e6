package dev.thingyan.adapter.storage.release;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a path from outside (an archive entry, a link target, a configured shared path) must
 * follow to stay inside the folder it is meant for. Each refusal names the rule it broke.
 */
final class PathRules {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
  /** Linux's PATH_MAX: a longer link target is not a real one. */
  static final int MAX_TARGET_LENGTH = 4096;

  private PathRules() {}

  /**
   * @return the path's segments, without empty and {@code .} segments (empty for the folder itself)
   * @throws IllegalArgumentException naming the rule: NUL, backslash, absolute, drive letter,
   *     {@code ..}
   */
  static List<String> segments(String path) {
    checkCharacters(path);
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/", -1)) {
      if (s.equals("..")) {
        throw new IllegalArgumentException("contains a '..' segment");
      }
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    return segments;
  }

  /**
   * Resolves a symbolic link's target against the link's folder. Only leading {@code ..} may climb:
   * after a folder name that folder may itself be a link, and {@code ..} would then climb from
   * wherever it points, which a check by name cannot follow.
   *
   * @param linkFolder the segments of the folder holding the link, inside the release
   * @return the segments of the target inside the release
   * @throws IllegalArgumentException when the target is absolute or leaves the release folder
   */
  static List<String> linkTarget(List<String> linkFolder, String target) {
    if (target.isEmpty() || target.length() > MAX_TARGET_LENGTH) {
      throw new IllegalArgumentException(
          "is empty or longer than " + MAX_TARGET_LENGTH + " characters");
    }
    checkCharacters(target);
    List<String> resolved = new ArrayList<>(linkFolder);
    boolean descended = false;
    for (String s : target.split("/", -1)) {
      if (s.equals("..")) {
        if (descended) {
          throw new IllegalArgumentException("climbs with '..' after a folder name");
        }
        if (resolved.isEmpty()) {
          throw new IllegalArgumentException("points outside the release folder");
        }
        resolved.remove(resolved.size() - 1);
      } else if (!s.isEmpty() && !s.equals(".")) {
        descended = true;
        resolved.add(s);
      }
    }
    return resolved;
  }

  /** Newline, ESC, bidi overrides and the like: a name must read the same wherever it is shown. */
  private static boolean unprintable(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    };
  }

  private static void checkCharacters(String path) {
    if (path.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("contains a NUL character");
    }
    path.codePoints().filter(PathRules::unprintable).findFirst().ifPresent(c -> {
      throw new IllegalArgumentException(String.format(
          "contains the unprintable character U+%04X (a control, format or unassigned character "
              + "a listing would hide or misshow)", c));
    });
    if (path.indexOf('\\') >= 0) {
      throw new IllegalArgumentException("contains a backslash (a Windows path separator)");
    }
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("is an absolute path");
    }
    if (DRIVE.matcher(path).matches()) {
      throw new IllegalArgumentException("starts with a Windows drive letter");
    }
  }
}
