package dev.thingyan.bootstrap.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a trial kills the process applying V2, and what DESIGN.md's recovery table says must
 * follow. Most points are the domain's fault points ({@code THINGYAN_FAULT}: the child sends
 * itself SIGKILL there); the two mid-migration points are kills the test makes from outside while
 * the migrate hook runs.
 *
 * @param leftovers whether the trial applies the release again to completion afterwards
 */
record CrashPoint(String name, How how, Expect expect, boolean leftovers) {

  /** How the child dies. */
  enum How {
    /** {@code THINGYAN_FAULT=<name>}: the child SIGKILLs itself at the fault point. */
    FAULT_POINT,
    /** SIGKILL for the child and its hook processes while {@code bin/app.sh migrate} runs. */
    POWER_CUT_DURING_MIGRATE,
    /** SIGKILL for the child after the migrations were applied, before the migrate step ended. */
    KILL_AFTER_SCHEMA_CHANGED
  }

  /** The row of the recovery table the point falls in, as the run must end. */
  enum Expect {
    PRECHECK_FAILED("precheck_failed"),
    BACKUP_FAILED("backup_failed"),
    ROLLED_BACK("failed"),
    AWAITS_ADMIN("failed"),
    COMPLETED("completed");

    final String endState;

    Expect(String endState) {
      this.endState = endState;
    }
  }

  /**
   * Points that leave something half done on disk (a partial backup or download, an empty staging
   * folder, a temporary link beside {@code current}, a restored database): after these the same
   * release is applied again to completion, to show the leftovers do not get in its way.
   */
  private static final java.util.Set<String> LEFTOVERS = java.util.Set.of("backup:progress",
      "download:progress", "extract:staging-created", "after-step-end:migrate", "swap:link-created");

  static final String MID_MIGRATION_POWER_CUT = "mid-migration:power-cut-during-app.sh-migrate";
  static final String MID_MIGRATION_SCHEMA_CHANGED = "mid-migration:killed-after-schema-changed";

  /** Every point, in the order an update reaches them. */
  static List<CrashPoint> all() {
    List<CrashPoint> p = new ArrayList<>();
    transition(p, "checking", Expect.PRECHECK_FAILED);
    step(p, "precheck", Expect.PRECHECK_FAILED);
    transition(p, "backup_running", Expect.BACKUP_FAILED);
    p.add(fault("after-step-start:backup", Expect.BACKUP_FAILED));
    p.add(fault("backup:progress", Expect.BACKUP_FAILED));
    p.add(fault("after-step-end:backup", Expect.BACKUP_FAILED));
    transition(p, "downloading", Expect.ROLLED_BACK);
    p.add(fault("after-step-start:download", Expect.ROLLED_BACK));
    p.add(fault("download:progress", Expect.ROLLED_BACK));
    p.add(fault("after-step-end:download", Expect.ROLLED_BACK));
    step(p, "verify", Expect.ROLLED_BACK);
    transition(p, "applying", Expect.ROLLED_BACK);
    p.add(fault("after-step-start:extract", Expect.ROLLED_BACK));
    p.add(fault("extract:staging-created", Expect.ROLLED_BACK));
    p.add(fault("after-step-end:extract", Expect.ROLLED_BACK));
    step(p, "link_shared", Expect.ROLLED_BACK);
    step(p, "install", Expect.ROLLED_BACK);
    step(p, "warm", Expect.ROLLED_BACK);
    transition(p, "migrating", Expect.ROLLED_BACK);
    p.add(fault("after-step-start:migrate", Expect.AWAITS_ADMIN));
    p.add(new CrashPoint(MID_MIGRATION_POWER_CUT, How.POWER_CUT_DURING_MIGRATE, Expect.AWAITS_ADMIN, false));
    p.add(new CrashPoint(MID_MIGRATION_SCHEMA_CHANGED, How.KILL_AFTER_SCHEMA_CHANGED, Expect.AWAITS_ADMIN, true));
    p.add(fault("after-step-end:migrate", Expect.ROLLED_BACK));
    transition(p, "health_check", Expect.ROLLED_BACK);
    p.add(fault("after-step-start:swap", Expect.ROLLED_BACK));
    p.add(fault("swap:link-created", Expect.ROLLED_BACK));
    p.add(fault("after-step-end:swap", Expect.COMPLETED));
    step(p, "post_swap", Expect.COMPLETED);
    step(p, "health", Expect.COMPLETED);
    return p;
  }

  private static CrashPoint fault(String name, Expect expect) {
    return new CrashPoint(name, How.FAULT_POINT, expect, LEFTOVERS.contains(name));
  }

  private static void transition(List<CrashPoint> p, String state, Expect expect) {
    p.add(fault("after-transition:" + state, expect));
  }

  private static void step(List<CrashPoint> p, String step, Expect expect) {
    p.add(fault("after-step-start:" + step, expect));
    p.add(fault("after-step-end:" + step, expect));
  }

  /** @return a name safe in a file name */
  String fileName() {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
