package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTrimmerTest {
  private final TraceTrimmer trimmer =
      new TraceTrimmer(InAppRules.DEFAULT, List.of("/var/www/pms/"));

  @Test
  void collapsesVendorFramesAndStripsTheBasePath() {
    String trace = """
        Illuminate\\Database\\QueryException: boom
        #0 /var/www/pms/vendor/laravel/framework/src/Connection.php(793): Illuminate\\Database\\Connection->run()
        #1 /var/www/pms/vendor/laravel/framework/src/Connection.php(760): Illuminate\\Database\\Connection->select()
        #2 /var/www/pms/vendor/laravel/framework/src/Builder.php(2913): Illuminate\\Database\\Query\\Builder->get()
        #3 /var/www/pms/app/Services/GuestLookup.php(27): App\\Services\\GuestLookup->find()
        #4 /var/www/pms/vendor/laravel/framework/src/Router.php(100): Illuminate\\Routing\\Router->run()
        #5 {main}""";
    String out = trimmer.trim(trace, 60_000);
    assertThat(out).isEqualTo("""
        Illuminate\\Database\\QueryException: boom
        … 3 vendor frames
        #3 app/Services/GuestLookup.php(27): App\\Services\\GuestLookup->find()
        … 2 vendor frames""");
  }

  @Test
  void keepsTopAndBottomWithinTheBound() {
    StringBuilder trace = new StringBuilder("java.lang.StackOverflowError\n");
    for (int i = 0; i < 20_000; i++) {
      trace.append("\tat dev.thingyan.pms.Tree.walk(Tree.java:").append(i).append(")\n");
    }
    trace.append("Caused by: java.lang.IllegalStateException: root cause\n");
    String out = trimmer.trim(trace.toString(), 60_000);
    assertThat(out.length()).isLessThanOrEqualTo(60_000);
    assertThat(out).startsWith("java.lang.StackOverflowError").contains("characters trimmed")
        .endsWith("root cause");
  }
}
