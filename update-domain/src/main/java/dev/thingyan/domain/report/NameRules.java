package dev.thingyan.domain.report;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of people in prose, where no key announces them. Names have no shape in general, but in
 * a Myanmar hotel's errors they mostly come in two recognisable ways: after an honorific
 * ({@code Daw Khin Myat Noe}, {@code U Aung Kyaw}, {@code ဒေါ်အေးအေးမွန်}, {@code Mr John Smith}),
 * and as a run of Myanmar name syllables ({@code Aung Kyaw Moe}). A run needs two syllables and
 * one of them unambiguous ({@code May Win} alone is a month and a verb). A role word in lower case
 * followed by capitalised words ({@code guest John Smith}) is a third way.
 */
final class NameRules {
  private NameRules() {}

  private static final String CAP = "[A-Z][a-z]{1,12}";
  private static final Pattern HONORIFIC = Pattern.compile(
      "(?<![\\p{L}\\p{N}_\\\\.])(?:Daw|U|Ko|Ma|Maung|Mg|Saw|Naw|Nang|Sai|Mr|Mrs|Ms|Mx|Dr)\\.?"
          + " {1,2}" + CAP + "(?: {1,2}" + CAP + "){0,4}(?![\\p{L}\\p{N}])");
  private static final Pattern BURMESE_HONORIFIC = Pattern.compile(
      "(?:ဒေါ်(?!လာ)|ဦး(?!စား|ဆောင်|ရေ|တည်|ခေါင်း|ထိပ်|ဆုံး)|မောင်(?!း)|ဒေါက်တာ)\\s?"
          + "[\\u1000-\\u103F\\u1050-\\u109F]{1,40}");
  private static final Pattern ROLE = Pattern.compile(
      "(?<![\\p{L}])(?:guest|customer|booker|contact|passenger|traveller|visitor|holder)"
          + "(?: name)?:? {1,2}(" + CAP + "(?: {1,2}" + CAP + "){1,4})(?![\\p{L}\\p{N}])");
  private static final Pattern CAPITAL_RUN =
      Pattern.compile("(?<![\\p{L}\\p{N}_.\\\\])" + CAP + "(?: {1,2}" + CAP + "){1,5}");

  /** Syllables of Myanmar names, romanised; unambiguous in English text. */
  private static final Set<String> SYLLABLES = Set.of("Aung", "Kyaw", "Khin", "Myat", "Noe",
      "Aye", "Thiri", "Zaw", "Htun", "Hla", "Mya", "Thandar", "Nyein", "Phyo", "Hnin", "Yadanar",
      "Soe", "Moe", "Naing", "Oo", "Myint", "Maung", "Tun", "Lwin", "Thant", "Zin", "Nandar",
      "Khaing", "Htet", "Wai", "Paing", "Sandar", "Thet", "Nwe", "Swe", "Cho", "Nay", "Shwe",
      "Chit", "Kyi", "Myo", "Sein", "Than", "Thein", "Wint", "Zar", "Pyae", "Phyu", "Sann",
      "Hlaing", "Htay", "Ohn", "Thazin", "Khine", "Kaung", "Sithu", "Wutt", "Hmone", "Yee",
      "Pwint", "Shun", "Nilar", "Nyi", "Pyi", "Sone", "Toe", "Tint", "Wah", "Thida", "Thuzar",
      "Ei", "Ye", "Htoo", "Kyu", "Lay", "Mi", "Nyunt", "Pa", "Phyoe", "Sabai", "Su",
      "Thinn", "Thwe", "Wunna", "Yin", "Zun", "Khant", "Linn", "Hein", "Wyne", "Mon", "Win",
      "Min", "May", "Thu", "Ni", "Tin", "Lin", "San", "Ko", "Mg", "Yu", "Ya", "Mar", "Kyawt",
      "Ngwe", "Thaw", "Htike", "Nyo", "Thura", "Zeyar", "Bo", "Ba", "Myet");
  /** Words after a name that make it a place: {@code Aung San Road}, {@code Bo Aung Kyaw Street}. */
  private static final Set<String> PLACES = Set.of("Road", "Street", "St", "Rd", "Township",
      "Market", "Stadium", "Park", "Avenue", "Lane", "Ward", "Quarter", "Hall", "Tower",
      "Plaza", "Bridge", "Pagoda", "Lake", "Branch", "Hotel", "Building", "Centre", "Center");
  private static final Pattern PLACE_AFTER = Pattern.compile(" {1,2}(?:Road|Street|St|Rd"
      + "|Township|Market|Stadium|Park|Avenue|Lane|Ward|Quarter|Hall|Tower|Plaza|Bridge|Pagoda"
      + "|Lake|Branch|Hotel|Building|Centre|Center)\\b");

  /** Syllables that are also English words or abbreviations: two of these alone are no name. */
  private static final Set<String> AMBIGUOUS = Set.of("Mon", "Win", "Min", "May", "Thu", "Ni",
      "Tin", "Lin", "San", "Ko", "Mg", "Yu", "Ya", "Mar", "Ye", "Lay", "Mi", "Pa", "Bo", "Ba",
      "Su", "Ei", "Oo", "Nay", "Cho", "Yee", "Yin", "Toe", "Wah");

  static String redact(String text) {
    String out = text;
    if (out.indexOf(' ') >= 0) {
      out = HONORIFIC.matcher(out).replaceAll("[name]");
      out = replaceGroup(ROLE, out);
      out = syllableRuns(out);
    }
    if (out.indexOf('ဒ') >= 0 || out.indexOf('ဦ') >= 0 || out.indexOf('မ') >= 0) {
      out = BURMESE_HONORIFIC.matcher(out).replaceAll("[name]");
    }
    return out;
  }

  private static String replaceGroup(Pattern p, String text) {
    Matcher m = p.matcher(text);
    StringBuilder out = null;
    int done = 0;
    while (m.find()) {
      out = out == null ? new StringBuilder(text.length()) : out;
      out.append(text, done, m.start(1)).append("[name]");
      done = m.end(1);
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }

  /** Runs of two or more name syllables, at least one unambiguous, inside capitalised runs. */
  private static String syllableRuns(String text) {
    Matcher m = CAPITAL_RUN.matcher(text);
    StringBuilder out = null;
    int done = 0;
    while (m.find()) {
      String[] words = m.group().split(" {1,2}");
      int pos = m.start();
      int[] starts = new int[words.length];
      for (int w = 0; w < words.length; w++) {
        pos = text.indexOf(words[w], pos);
        starts[w] = pos;
        pos += words[w].length();
      }
      int w = 0;
      while (w < words.length) {
        int e = w;
        boolean strong = false;
        while (e < words.length && SYLLABLES.contains(words[e])) {
          strong |= !AMBIGUOUS.contains(words[e]);
          e++;
        }
        boolean place = e < words.length && PLACES.contains(words[e])
            || e == words.length && PLACE_AFTER.matcher(text).region(m.end(), text.length())
                .lookingAt();
        if (e - w >= 2 && strong && !place) {
          out = out == null ? new StringBuilder(text.length()) : out;
          out.append(text, done, starts[w]).append("[name]");
          done = starts[e - 1] + words[e - 1].length();
        }
        w = Math.max(e, w + 1);
      }
    }
    return out == null ? text : out.append(text, done, text.length()).toString();
  }
}
