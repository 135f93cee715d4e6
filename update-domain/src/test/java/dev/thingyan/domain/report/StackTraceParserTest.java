package dev.thingyan.domain.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.report.StackFrame;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StackTraceParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      at dev.thingyan.Foo.bar(Foo.java:12)                         | dev.thingyan.Foo.bar | Foo.java | 12
      at java.base/java.lang.Thread.run(Thread.java:833)           | java.lang.Thread.run | Thread.java | 833
      at sun.reflect.Native.invoke0(Native Method)                 | sun.reflect.Native.invoke0 | Native Method | NULL
      #0 /var/www/pms/app/Foo.php(42): App\\Foo->bar('x: y')       | App\\Foo->bar | /var/www/pms/app/Foo.php | 42
      #1 [internal function]: App\\Foo->baz()                      | App\\Foo->baz | [internal function] | NULL
      #2 {main}                                                    | {main} | NULL | NULL
      at handleClick (https://pms/assets/index-3f.js:1:48213)      | handleClick | https://pms/assets/index-3f.js | 1
      at new Booking (/app/src/booking.js:10:5)                    | new Booking | /app/src/booking.js | 10
      at https://pms/assets/index-3f.js:1:2231                     | '' | https://pms/assets/index-3f.js | 1
      flatten@https://pms/assets/index-3f.js:3:2231                | flatten | https://pms/assets/index-3f.js | 3
      """)
  void readsJavaPhpAndJavaScriptFrames(String line, String function, String file, Integer n) {
    StackFrame frame = StackTraceParser.parseLine(line).orElseThrow();
    assertThat(frame.function()).isEqualTo(function.replace("\\\\", "\\"));
    assertThat(frame.file()).isEqualTo(Optional.ofNullable(file));
    assertThat(frame.line()).isEqualTo(n == null ? OptionalInt.empty() : OptionalInt.of(n));
  }

  @Test
  void skipsLinesThatAreNotFrames() {
    List<StackFrame> frames = StackTraceParser.parse("""
        java.lang.IllegalStateException: mail a@b.co
        Caused by: java.io.IOException: x
        \t... 42 more
        Stack trace:
        """);
    assertThat(frames).isEmpty();
  }
}
