package dev.thingyan.bootstrap.cli;

import dev.thingyan.bootstrap.config.Language;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --lang my|en}. */
final class LanguageConverter implements ITypeConverter<Language> {
  @Override
  public Language convert(String value) {
    return Language.fromKey(value)
        .orElseThrow(() -> new TypeConversionException("expected my or en, not '" + value + "'"));
  }
}
