package dev.thingyan.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code thingyan demo [ARGS…]}: hands over to the demo the composition root plugged in. No
 * configuration and no start-up recovery: the demo builds its own throwaway system.
 */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand ThingyanCommand root;

  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    return root.demo.run(List.copyOf(args), root.language(), root.env.out(), root.env.err());
  }
}
