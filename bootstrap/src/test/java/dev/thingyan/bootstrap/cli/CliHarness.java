package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.ConfigFiles;
import dev.thingyan.bootstrap.config.Language;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process against a {@link FakeSystem}, capturing stdout, stderr and the exit code. */
final class CliHarness {
  final FakeSystem system = new FakeSystem();
  final List<List<String>> demoCalls = new ArrayList<>();
  final List<Language> demoLanguages = new ArrayList<>();
  private final Map<String, String> env;
  private StringWriter out;
  private StringWriter err;

  /** With a valid configuration file in {@code dir}, found through THINGYAN_CONFIG. */
  CliHarness(Path dir, String yaml) {
    // app.root must exist for `check`; the test's own folder stands in for /srv/pms
    this.env = Map.of("THINGYAN_CONFIG",
        ConfigFiles.write(dir, yaml.replace("root: /srv/pms", "root: " + dir)).toString());
  }

  CliHarness(Path dir) {
    this(dir, ConfigFiles.MINIMAL);
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CliEnvironment cli = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
        env, "tester", ZoneId.of("Asia/Yangon"));
    return new Main(config -> system, (a, lang, o, e) -> {
      demoCalls.add(a);
      demoLanguages.add(lang);
      return 0;
    }, cli).run(args);
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }
}
