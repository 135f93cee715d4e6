package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.DemoEnvironment;
import dev.thingyan.bootstrap.Standalone;
import dev.thingyan.bootstrap.ThingyanSystem;
import dev.thingyan.bootstrap.config.Language;
import dev.thingyan.bootstrap.demo.SampleEdition;
import dev.thingyan.ports.in.UpdateRequest;
import dev.thingyan.ports.model.Actor;
import dev.thingyan.ports.model.Run;
import dev.thingyan.ports.model.RunOptions;
import dev.thingyan.ports.model.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code thingyan demo}: in a temporary folder, installs v1.0.0 of a sample app, updates it to
 * v1.1.0 (a real migration), then tries v1.2.0 whose health check fails, and shows the automatic
 * rollback to v1.1.0 with its data intact. Exits 0 only if all of that happened.
 */
public final class DemoScenario {

  private static final Actor ACTOR = new Actor("cli:demo");
  private final List<String> failures = new ArrayList<>();
  private final Language language;
  private final PrintWriter out;
  private final PrintWriter err;

  /** The runner {@code Main} is given; each run is a fresh scenario. */
  public static DemoRunner runner() {
    return runner(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** @param tempBase where the demo's throwaway folder is made (a test's own folder) */
  static DemoRunner runner(Path tempBase) {
    return (args, language, out, err) -> new DemoScenario(language, out, err).run(args, tempBase);
  }

  private DemoScenario(Language language, PrintWriter out, PrintWriter err) {
    this.language = language;
    this.out = out;
    this.err = err;
  }

  private int run(List<String> args, Path tempBase) {
    boolean keep = args.contains("--keep");
    List<String> unknown = args.stream().filter(a -> !a.equals("--keep")).toList();
    if (!unknown.isEmpty()) {
      err.println(say("မသိသော ရွေးချယ်မှု", "unknown option") + ": " + String.join(" ", unknown)
          + "; thingyan demo [--keep]");
      return ExitCodes.USAGE;
    }
    Path dir;
    try {
      dir = Files.createTempDirectory(tempBase, "thingyan-demo-");
    } catch (IOException e) {
      err.println(say("ယာယီဖိုင်တွဲ မဖန်တီးနိုင်ပါ", "cannot create a temporary folder") + ": " + e.getMessage());
      return ExitCodes.UNEXPECTED;
    }
    try {
      return story(dir);
    } finally {
      // the demo's processes are stopped (DemoEnvironment closed) before its folder goes
      if (keep) {
        say("ဒီမို ဖိုင်တွဲကို ချန်ထားသည်", "demo folder kept", dir.toString());
      } else {
        DemoFolder.remove(dir, err, language);
      }
    }
  }

  private int story(Path dir) {
    try (DemoEnvironment env = new DemoEnvironment(dir)) {
      scenario(env);
    } catch (RuntimeException e) {
      failures.add(String.valueOf(e.getMessage()));
    }
    out.println();
    if (failures.isEmpty()) {
      say("ဒီမို အောင်မြင်ပါသည်", "demo succeeded", "v1.0.0 → v1.1.0 ✓, v1.2.0 ✗ → v1.1.0 ✓");
      return 0;
    }
    failures.forEach(f -> err.println("✗ " + f));
    err.flush();
    return 1;
  }

  private void scenario(DemoEnvironment env) {
    try (ThingyanSystem system = Standalone.open(env.loadConfig())) {
      system.addListener(RunPrinter.forLanguage(out, language));
      step(env, system, SampleEdition.V1, RunState.COMPLETED, "1.0.0");
      step(env, system, SampleEdition.V2, RunState.COMPLETED, "1.1.0");
      String booking = env.post("/bookings", "guest=Demo Guest&room=204");
      say("ဧည့်သည် booking အသစ်", "a new booking taken while 1.1.0 serves", booking.trim());
      String before = bookings(env.get("/health"));
      step(env, system, SampleEdition.V3, RunState.FAILED, "1.1.0");
      String after = bookings(env.get("/health"));
      say("booking အရေအတွက် (rollback မတိုင်မီ / ပြီးနောက်)", "bookings before / after the rollback", before + " / " + after);
      expect(!before.isEmpty() && before.equals(after), "the bookings survived the rollback (" + before + " = " + after + ")");
    }
  }

  private void step(DemoEnvironment env, ThingyanSystem system, SampleEdition edition, RunState expected, String serving) {
    out.println();
    say("ထုတ်ဝေမှု", "publishing release", edition.tag());
    env.publish(edition);
    Run run = system.applyUpdate().apply(new UpdateRequest(ACTOR, Optional.empty(), RunOptions.DEFAULT));
    String health = env.get("/health");
    say("ရလဒ်", "result", run.state().wireName() + run.reason().map(r -> " — " + r).orElse(""));
    say("/health", "/health", health.trim());
    expect(run.state() == expected, edition.tag() + " ended " + run.state().wireName() + ", expected " + expected.wireName());
    expect(health.startsWith("200 ") && health.contains("\"" + serving + "\""),
        "version " + serving + " serves after " + edition.tag() + " (got: " + health.trim() + ")");
  }

  private static String bookings(String health) {
    var m = java.util.regex.Pattern.compile("\"bookings\"\\s*:\\s*(\\d+)").matcher(health);
    return m.find() ? m.group(1) : "";
  }

  private void expect(boolean ok, String what) {
    out.println((ok ? "  ✓ " : "  ✗ ") + what);
    if (!ok) failures.add(what);
  }

  private String say(String my, String en) {
    return language == Language.EN ? en : my + " (" + en + ")";
  }

  private void say(String my, String en, String value) {
    out.println("== " + say(my, en) + ": " + value);
    out.flush();
  }
}
