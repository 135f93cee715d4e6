package dev.thingyan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LaravelUpdateTest {

  static LaravelStack stack;

  @BeforeAll
  static void start() {
    assumeTrue("root".equals(System.getProperty("user.name")), "the Laravel e2e suite runs as root (bin/test)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/php")), "PHP is not installed: run e2e/setup.sh");
    stack = new LaravelStack();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(0)
  void installsTheFirstRelease() {
    stack.github.publish(stack.releases.build("1.0.0").forGitHub());
    Proc.Result r = stack.thingyan("apply", "1.0.0");
    System.out.println(r.out());
    System.out.println(stack.thingyan("history", "--json").out());
    System.out.println(stack.get("/health"));
  }
}
