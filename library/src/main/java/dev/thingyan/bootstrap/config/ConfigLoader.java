package dev.thingyan.bootstrap.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads {@code thingyan.yaml}: YAML into a tree, then bound by hand into {@link ThingyanConfig},
 * so that every problem (a missing key, a wrong value, an unknown or misspelt key) is collected
 * and reported in one {@link ConfigException}. Relative paths are taken from the file's folder.
 */
public final class ConfigLoader {
  static final Set<String> SECTIONS = Set.of("app", "journal", "source", "verify", "hooks",
      "health", "prechecks", "database", "backup", "releases", "extraction", "lock", "ui", "reports", "limits");

  // the tree is built from the parser's tokens here rather than by an ObjectMapper, whose class
  // initialisation (date formats, locale data: ~60% of loading a configuration) every command
  // paid before it could start
  private static final YAMLFactory YAML = YAMLFactory.builder()
      // a key given twice is a mistake, not "the last one wins"
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /** @throws ConfigException listing every problem, each naming its key */
  public static ThingyanConfig load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Problems problems = new Problems();
    JsonNode tree = readTree(absolute);
    ConfigNode root = new ConfigNode(tree, "", problems, absolute.getParent());
    root.allowOnly(SECTIONS);
    Optional<ThingyanConfig> config = bind(root);
    if (!problems.isEmpty() || config.isEmpty()) {
      throw new ConfigException(absolute.toString(), problems.all(),
          Language.fromKey(tree.path("ui").path("language").asText("")));
    }
    return config.get();
  }

  /**
   * Binds a tree built in code ({@link ThingyanConfig#builder()}) exactly as a file's: the same
   * defaults, the same checks, every problem in one {@link ConfigException}.
   *
   * @param source names the configuration in the exception's message
   * @param baseDir what relative paths are taken from
   */
  static ThingyanConfig bindTree(JsonNode tree, String source, Path baseDir) {
    Problems problems = new Problems();
    ConfigNode root = new ConfigNode(tree, "", problems, baseDir);
    root.allowOnly(SECTIONS);
    Optional<ThingyanConfig> config = bind(root);
    if (!problems.isEmpty() || config.isEmpty()) {
      throw new ConfigException(source, problems.all());
    }
    return config.get();
  }

  private static Optional<ThingyanConfig> bind(ConfigNode root) {
    Optional<AppConfig> app = CoreBinder.app(root.get("app"));
    // the other sections' defaults hang off app.root; when it is missing that is already reported
    Path appRoot = app.map(AppConfig::root).orElse(Path.of("/app.root-missing"));
    Optional<JournalConfig> journal = CoreBinder.journal(root.get("journal"), appRoot);
    Optional<SourceConfig> source = SourceBinder.source(root.get("source"));
    Optional<VerifyConfig> verify = SourceBinder.verify(root.get("verify"),
        SourceBinder.appName(root.get("source"), source), root.get("limits"));
    Optional<HooksConfig> hooks = HookBinder.hooks(root.get("hooks"), app);
    Optional<HealthConfig> health = HealthBinder.health(root.get("health"), app.map(AppConfig::profile));
    Optional<PrecheckConfig> prechecks = HealthBinder.prechecks(root.get("prechecks"));
    Optional<DatabaseConfig> database = DatabaseBinder.database(root.get("database"));
    Optional<BackupConfig> backup = DatabaseBinder.backup(root.get("backup"), appRoot);
    Optional<ReportsConfig> reports = ReportsBinder.reports(root.get("reports"), appRoot);
    CoreBinder.Misc misc = CoreBinder.misc(root);
    if (!root.problems().isEmpty()) {
      return Optional.empty();
    }
    return root.problems().build(() -> new ThingyanConfig(app.orElseThrow(), journal.orElseThrow(),
        source.orElseThrow(), verify.orElseThrow(), hooks.orElseThrow(), health.orElseThrow(),
        prechecks.orElseThrow(), database.orElseThrow(), backup.orElseThrow(), reports.orElseThrow(),
        misc.releasesKeep(),
        misc.extraction(), misc.lockLease(), misc.language()));
  }

  private static JsonNode readTree(Path file) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file.toString(), List.of("this is a folder, not a file; pass"
          + " --config with the path of the YAML file itself, e.g. " + file.resolve("thingyan.yaml")));
    }
    try {
      try (JsonParser parser = YAML.createParser(Files.readString(file))) {
        JsonToken first = parser.nextToken();
        return first == null ? MissingNode.getInstance() : node(parser, first);
      }
    } catch (NoSuchFileException e) {
      throw new ConfigException(file.toString(), List.of("the file does not exist; copy"
          + " thingyan.example.yaml there, or pass --config FILE (or set THINGYAN_CONFIG)"));
    } catch (CharacterCodingException e) {
      throw new ConfigException(file.toString(), List.of("the file is not UTF-8 text; save it"
          + " as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8), or check that --config names the YAML file"));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), List.of(yamlProblem(e)));
    } catch (AccessDeniedException e) {
      throw new ConfigException(file.toString(), List.of("permission denied; make it readable by"
          + " the user running thingyan (e.g. chmod 640, owned by that user's group)"));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read the file ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
    }
  }

  /**
   * SnakeYAML's own text names its input ("in 'reader', line 3, column 5:") and quotes the line
   * with a caret; the operator needs the line, the column, what is wrong and what to do.
   */
  static String yamlProblem(JsonProcessingException e) {
    String where = e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (what.startsWith("Duplicate field")) {
      return "not valid YAML" + where + ": the key " + what.replaceFirst("^Duplicate field ", "")
          + " is given twice; keep one of them";
    }
    return "not valid YAML" + where + ": " + sentences(what) + "; check the indentation (spaces,"
        + " not tabs), the colon after each key and the quotes on that line and the one above it";
  }

  /**
   * SnakeYAML's sentences ("while parsing a block mapping", "expected <block end>, but found
   * '-'"), without its "in 'reader', line …" marks and the source line and caret each mark quotes.
   */
  private static String sentences(String snakeYaml) {
    List<String> kept = new java.util.ArrayList<>();
    boolean quoting = false;
    for (String line : snakeYaml.lines().toList()) {
      String l = line.strip();
      if (l.startsWith("in 'reader'")) {
        quoting = true;
      } else if (quoting && l.startsWith("^")) {
        quoting = false;
      } else if (!quoting && !l.isEmpty()) {
        kept.add(l.replaceAll("\\s*in 'reader'.*$", ""));
      }
    }
    return kept.isEmpty() ? "syntax error" : String.join(": ", kept);
  }

  /** The value that starts at {@code token}, as the tree ObjectMapper.readTree would build. */
  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = nodes.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          object.set(name, node(parser, parser.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(node(parser, t));
        }
        return array;
      }
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> nodes.numberNode(parser.getIntValue());
          case LONG -> nodes.numberNode(parser.getLongValue());
          default -> nodes.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default: // an embedded value (YAML !!binary): shown as text
        return nodes.textNode(parser.getText());
    }
  }
}
