package dev.thingyan.domain.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a key by its word parts, whatever its spelling ({@code guestName}, {@code guest_name},
 * {@code GUEST-NAME}, {@code guest[name]}, {@code data.guest.name}): see {@link KeyKind}.
 *
 * <p>Why word parts and not a list of keys: PMS code names the same datum in many ways
 * ({@code customer_name}, {@code booked_by}, {@code contact_person}, {@code emergency_contact},
 * {@code holderName}), and a list is always one key short. A role word (guest, customer,
 * contact, booker, holder…) names a person unless a technical word qualifies it
 * ({@code guest_id}, {@code guest_count}); a technical suffix ({@code _version}, {@code _count},
 * {@code _sent}, {@code _verified}, {@code _expires_in}, {@code _length}, {@code _status},
 * {@code _depth}) turns any key technical, so its harmless scalar survives.
 */
final class KeyVocabulary {
  private KeyVocabulary() {}

  /** Words that name a credential, as a whole word of the key. */
  private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd",
      "passphrase", "secret", "secrets", "token", "tokens", "authorization", "auth", "credential",
      "credentials", "cookie", "cookies", "session", "sessid", "phpsessid", "jsessionid", "sid",
      "jwt", "bearer", "otp", "pin", "cvv", "cvc", "cvv2", "csc", "xsrf", "csrf", "remember",
      "salt", "signature", "apikey", "privatekey");
  /** Secret words written together with others ({@code dbPassword} split is fine, these not). */
  private static final List<String> SECRET_JOINED = List.of("password", "passwd", "passphrase",
      "secret", "token", "apikey", "appkey", "accesskey", "privatekey", "secretkey",
      "signingkey", "encryptionkey", "sessionid", "sessid", "cookie", "credential");
  /** A person in some role: the value under the word alone, or with "name", is a person. */
  private static final Set<String> ROLE_WORDS = Set.of("guest", "guests", "customer",
      "customers", "contact", "contacts", "booker", "holder", "cardholder", "traveller",
      "traveler", "passenger", "visitor", "occupant", "companion", "spouse", "father",
      "mother", "parent", "kin", "representative", "person", "persons", "people", "recipient",
      "payer", "beneficiary", "attendee", "patient", "emergency", "client", "member", "tenant",
      "resident", "driver", "sender", "receiver", "addressee", "username", "user", "staff");
  /** Words that qualify a role word into a person: {@code guest_name}, {@code booked_by}. */
  private static final Set<String> PERSON_WORDS = Set.of("name", "names", "person", "persons",
      "info", "details", "detail", "by", "data", "profile", "full", "display", "nick",
      "contact", "of");
  /** Words naming a person's datum, wherever they stand in the key. */
  private static final Set<String> PERSONAL_WORDS = Set.of("firstname", "lastname",
      "fullname", "middlename", "surname", "givenname", "familyname", "maidenname", "nickname",
      "phone", "phones", "telephone", "tel", "mobile", "msisdn", "cellphone", "fax",
      "whatsapp", "viber", "email", "emails", "address", "addresses", "street",
      "dob", "birth", "birthday", "birthdate", "passport", "nrc", "nid", "ssn", "iban", "card",
      "cardnumber", "creditcard", "debitcard", "pan", "accountnumber", "bankaccount",
      "license", "licence", "nationalid", "idcard", "username");
  /**
   * Words after a personal word that still name the datum ({@code passport_no},
   * {@code phone_number}, {@code birth_date}); any other word after it names something about the
   * datum ({@code PassportOcr}, {@code card_brand}), which is no datum.
   */
  private static final Set<String> DATUM_QUALIFIERS = Set.of("no", "nr", "num", "number",
      "numbers", "id", "address", "addresses", "line", "line1", "line2", "date", "day", "place",
      "year", "home", "work", "mobile", "main", "primary", "secondary", "alt", "raw", "value",
      "plain", "confirmation", "e164", "intl", "local", "national", "full", "image", "scan",
      "copy", "photo", "holder", "name", "names", "code", "pin", "cvv", "cvc", "expiry", "exp",
      "phone", "email", "list", "1", "2", "unique", "idx", "index", "key", "fk");

  /** Bigrams that name a person's datum: {@code first_name}, {@code national_id}. */
  private static final Set<String> PERSONAL_PAIRS = Set.of("first name", "last name",
      "given name", "family name", "middle name", "maiden name", "full name", "national id",
      "id card", "id number", "date birth", "place birth", "booked by", "reserved by",
      "checked by", "e mail", "account number", "account no", "card number", "card no",
      "document number", "document no", "visa number", "visa no", "zip code", "post code",
      "home town", "next kin", "user name", "display name");
  /** Words that make a key technical: a scalar about the datum, not the datum. */
  private static final Set<String> TECHNICAL_LAST = Set.of("version", "count", "sent",
      "verified", "length", "status", "depth", "enabled", "disabled", "required", "valid",
      "invalid", "attempts", "retries", "size", "ttl", "expires", "expiry", "lifetime", "limit",
      "max", "min", "total", "rate", "ms", "seconds", "minutes", "hours", "at", "confirmed",
      "changed", "exists", "missing", "present", "room", "rooms", "timeout", "interval");
  /** Words that make a key describe a datum's handling: the value is text about it, not it. */
  private static final Set<String> DESCRIPTOR_LAST = Set.of("type", "format", "provider",
      "driver", "mode", "field", "fields", "column", "columns", "rule", "rules", "language",
      "locale", "nationality", "channel", "template", "error", "errors", "message", "reason",
      "result", "level", "tier", "group", "category", "guard", "cache", "policy", "strategy",
      "queue", "host", "port", "label", "placeholder", "validation", "middleware", "header",
      "headers", "lifetime_minutes", "store", "table", "path", "domain", "samesite", "secure",
      "httponly", "encrypt", "connection", "cookie_name");
  /** Words never about a person: {@code ip_address}, {@code mac_address}, {@code mail_driver}. */
  private static final Set<String> NOT_PERSON_QUALIFIERS = Set.of("ip", "mac", "remote",
      "server", "base", "memory", "wallet", "contract", "smtp", "from", "queue", "bounce",
      "return", "reply", "noreply", "app", "application", "route", "table", "file", "class",
      "host", "job", "event", "db", "database", "connection", "column", "guard",
      "cache", "disk", "bucket", "view", "component", "schema", "index", "field");
  /** Burmese words for personal data: the key is matched as written, marks and all. */
  private static final List<String> BURMESE = List.of("အမည်", "နာမည်", "ဖုန်း", "လိပ်စာ",
      "မှတ်ပုံတင်", "ပတ်စ်ပို့", "ပတ်စပို့", "မွေးနေ့", "မွေးသက္ကရာဇ်", "အီးမေးလ်", "ဧည့်သည်",
      "စကားဝှက်");

  /** @return what the key says about its value. */
  static KeyKind classify(String key) {
    if (key == null || key.isEmpty() || key.length() > 128) {
      return KeyKind.PLAIN;
    }
    List<String> words = SensitiveKeys.words(key);
    if (words.isEmpty()) {
      return burmese(key);
    }
    String last = words.get(words.size() - 1);
    boolean secret = isSecret(words);
    boolean personal = !secret && isPersonal(words);
    if (!secret && !personal) {
      return burmese(key);
    }
    if (words.size() > 1 && isTechnicalSuffix(words, last)) {
      return KeyKind.TECHNICAL;
    }
    if (words.size() > 1 && DESCRIPTOR_LAST.contains(last)) {
      return KeyKind.PLAIN;
    }
    return secret ? KeyKind.SECRET : KeyKind.PERSONAL;
  }

  private static KeyKind burmese(String key) {
    for (String word : BURMESE) {
      if (key.contains(word)) {
        return word.equals("စကားဝှက်") ? KeyKind.SECRET : KeyKind.PERSONAL;
      }
    }
    return KeyKind.PLAIN;
  }

  private static boolean isSecret(List<String> words) {
    for (String w : words) {
      if (SECRET_WORDS.contains(w) || w.startsWith("remember") && words.size() > 1) {
        return true;
      }
    }
    String joined = String.join("", words);
    for (String j : SECRET_JOINED) {
      if (joined.contains(j)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPersonal(List<String> words) {
    if (words.size() == 1 && (words.get(0).equals("name") || words.get(0).equals("names"))) {
      return true;
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean qualifiedAway = i > 0 && NOT_PERSON_QUALIFIERS.contains(words.get(i - 1));
      boolean datumLast = i == words.size() - 1 || DATUM_QUALIFIERS.contains(words.get(i + 1))
          || i + 2 == words.size() && TECHNICAL_LAST.contains(words.get(i + 1));
      if (PERSONAL_WORDS.contains(w) && !qualifiedAway && datumLast) {
        return true;
      }
      if (i > 0 && PERSONAL_PAIRS.contains(words.get(i - 1) + " " + w)) {
        return true;
      }
      if (w.equals("name") && i > 0 && (ROLE_WORDS.contains(words.get(i - 1))
          || PERSON_WORDS.contains(words.get(i - 1)))) {
        return true;
      }
      if (ROLE_WORDS.contains(w) && !qualifiedAway && rolePerson(words, i)) {
        return true;
      }
    }
    String joined = String.join("", words);
    return joined.endsWith("name") && (joined.startsWith("guest") || joined.startsWith("first")
        || joined.startsWith("last") || joined.startsWith("full") || joined.startsWith("customer"))
        || joined.contains("bookedby") || joined.contains("dateofbirth");
  }

  /** A role word names a person when it ends the key or a person word follows it. */
  private static boolean rolePerson(List<String> words, int i) {
    if (i == words.size() - 1) {
      // "user" alone is an object in most code (user: {id: 3}); "user_name" is caught above
      return !words.get(i).equals("user") && !words.get(i).equals("staff")
          && !words.get(i).equals("member") && !words.get(i).equals("driver")
          && !words.get(i).equals("client");
    }
    return PERSON_WORDS.contains(words.get(i + 1));
  }

  private static boolean isTechnicalSuffix(List<String> words, String last) {
    if (TECHNICAL_LAST.contains(last)) {
      return true; // "first_name_length", "phone_verified"; "passport_no" stays personal
    }
    int n = words.size();
    // token_expires_in, email_sent_at, session_expired
    return n >= 2 && (words.get(n - 2).equals("expires") || words.get(n - 2).equals("sent")
        || words.get(n - 2).equals("verified")) || last.equals("expired");
  }

  /** @return the key as one lower-case word, for comparisons that ignore spelling. */
  static String joined(String key) {
    return String.join("", SensitiveKeys.words(key)).toLowerCase(Locale.ROOT);
  }
}
