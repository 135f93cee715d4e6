package dev.thingyan.ports.model.report;

import java.util.Locale;

/** Where a report came from; senders write it in lower case ({@code backend} …). */
public enum ReportSource {
  /** An exception in the app's backend. */
  BACKEND,
  /** A crash boundary in the app's frontend. */
  FRONTEND,
  /** A failed update, rollback or backup of this system itself. */
  UPDATE,
  /** The admin's report form. */
  ADMIN_FORM;

  /** @return the name as senders write it, e.g. {@code admin_form}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
