package dev.thingyan.bootstrap.demo;

import java.util.List;

/**
 * The sample app's three releases. Each ships the migrations of the ones before it plus its own;
 * {@link #V3} is deliberately broken: it starts, migrates, and answers {@code /health} with 503.
 */
public enum SampleEdition {
  V1("1.0.0", "First release: bookings.", null,
      "2024_01_01_000000_create_bookings_table"),
  V2("1.1.0", "Booking channels and room rates (adds bookings.channel and the rates table).", null,
      "2024_01_01_000000_create_bookings_table",
      "2024_02_01_000000_add_channel_to_bookings_table",
      "2024_02_01_000001_create_rates_table"),
  V3("1.2.0", "Housekeeping tasks (adds the housekeeping_tasks table).",
      "housekeeping queue unreachable (the demo's deliberately broken release)",
      "2024_01_01_000000_create_bookings_table",
      "2024_02_01_000000_add_channel_to_bookings_table",
      "2024_02_01_000001_create_rates_table",
      "2024_03_01_000000_create_housekeeping_tasks_table");

  private final String version;
  private final String notes;
  private final String brokenHealth;
  private final List<String> migrations;

  SampleEdition(String version, String notes, String brokenHealth, String... migrations) {
    this.version = version;
    this.notes = notes;
    this.brokenHealth = brokenHealth;
    this.migrations = List.of(migrations);
  }

  /** @return e.g. {@code 1.1.0} */
  public String version() {
    return version;
  }

  /** @return the tag it is published under, e.g. {@code v1.1.0} */
  public String tag() {
    return "v" + version;
  }

  /** @return the release notes */
  public String notes() {
    return notes;
  }

  /** @return the migration names it ships, oldest first (file names without {@code .sql}) */
  public List<String> migrations() {
    return migrations;
  }

  /** @return true for the edition whose {@code /health} answers 503 */
  public boolean healthBroken() {
    return brokenHealth != null;
  }

  String properties() {
    return "version=" + version + "\n"
        + (brokenHealth == null ? "" : "health.broken=" + brokenHealth + "\n");
  }
}
