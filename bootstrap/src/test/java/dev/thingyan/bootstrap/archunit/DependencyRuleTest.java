package dev.thingyan.bootstrap.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon's dependency direction (DESIGN.md), checked on the compiled classes of every
 * module: a violation fails {@code mvn verify}.
 */
class DependencyRuleTest {

  private static final List<String> ADAPTERS = List.of("github", "storage", "jdbc", "http");
  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.thingyan");
  }

  @Test
  void allModulesAreImported() {
    for (String pkg : List.of("dev.thingyan.ports", "dev.thingyan.domain", "dev.thingyan.bootstrap",
        "dev.thingyan.adapter.github", "dev.thingyan.adapter.storage", "dev.thingyan.adapter.jdbc",
        "dev.thingyan.adapter.http")) {
      org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s are on the test classpath", pkg).isTrue();
    }
  }

  @Test
  void portsUseOnlyTheJdk() {
    classes().that().resideInAPackage("dev.thingyan.ports..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.thingyan.ports..")
        .check(classes);
  }

  @Test
  void theDomainUsesOnlyTheJdkAndThePorts() {
    // libphonenumber: a pure library (metadata, no I/O), the report redactor's phone numbers
    classes().that().resideInAPackage("dev.thingyan.domain..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.thingyan.ports..", "dev.thingyan.domain..",
            "com.google.i18n.phonenumbers..")
        .check(classes);
  }

  @Test
  void adaptersDependOnThePortsNeverOnTheDomainOrEachOther() {
    for (String adapter : ADAPTERS) {
      noClasses().that().resideInAPackage("dev.thingyan.adapter." + adapter + "..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.thingyan.domain..", "dev.thingyan.bootstrap..")
          .check(classes);
      for (String other : ADAPTERS) {
        if (!other.equals(adapter)) {
          noClasses().that().resideInAPackage("dev.thingyan.adapter." + adapter + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.thingyan.adapter." + other + "..")
              .check(classes);
        }
      }
    }
  }

  @Test
  void onlyBootstrapDependsOnAdapters() {
    noClasses().that().resideInAnyPackage("dev.thingyan.ports..", "dev.thingyan.domain..")
        .should().dependOnClassesThat().resideInAPackage("dev.thingyan.adapter..")
        .check(classes);
  }

  /**
   * The library a host embeds (dev.thingyan:thingyan, module library/) holds no CLI and no demo,
   * and nothing in it reaches for them: they live in this runnable module only.
   */
  @Test
  void theLibraryUsesNeitherTheCliNorTheDemo() {
    // the folder (reactor) or jar (installed) ThingyanBuilder was loaded from, as a path
    String library = dev.thingyan.bootstrap.ThingyanBuilder.class.getProtectionDomain()
        .getCodeSource().getLocation().getPath();
    com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>
        inTheLibrary = com.tngtech.archunit.base.DescribedPredicate.describe(
            "are in the library artifact", c -> c.getSource()
                .map(s -> s.getUri().toString().contains(library)).orElse(false));
    org.assertj.core.api.Assertions.assertThat(classes.stream().filter(inTheLibrary).count())
        .as("library classes found at %s", library).isGreaterThan(20);
    noClasses().that(inTheLibrary)
        .should().dependOnClassesThat().resideInAnyPackage("dev.thingyan.bootstrap.cli..",
            "dev.thingyan.bootstrap.demo..", "picocli..", "org.slf4j.simple..")
        .check(classes);
    noClasses().that(inTheLibrary)
        .should().resideInAnyPackage("dev.thingyan.bootstrap.cli..", "dev.thingyan.bootstrap.demo..")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.thingyan.(**)").should().beFreeOfCycles().check(classes);
  }
}
