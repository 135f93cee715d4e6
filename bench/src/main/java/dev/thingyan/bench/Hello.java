package dev.thingyan.bench;

/** The bare JVM start reference: prints one line and exits. */
public final class Hello {
  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
  }
}
