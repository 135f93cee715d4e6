package dev.thingyan.domain.report;

/**
 * What a key (of a context map, or of a {@code key=value} pair found in free text) says about the
 * value under it. The redactor decides per kind: a secret or a person's data goes whatever its
 * shape, a technical key keeps a harmless scalar, a plain key leaves the value to the rules that
 * recognise data by its shape.
 */
enum KeyKind {
  /** A credential: password, token, session id, cookie, PIN, card security code. */
  SECRET,
  /** A person's data: a name in any role, an address, a birth date, a phone, a document number. */
  PERSONAL,
  /**
   * A personal or secret word qualified by a technical one ({@code mobile_app_version},
   * {@code email_sent}, {@code token_expires_in}): a boolean, number or version under it is kept.
   */
  TECHNICAL,
  /** Nothing known: the value is redacted by its shape only. */
  PLAIN
}
