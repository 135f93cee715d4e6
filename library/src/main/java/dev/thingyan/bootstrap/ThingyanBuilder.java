package dev.thingyan.bootstrap;

import dev.thingyan.adapter.github.GitHubIssueTracker;
import dev.thingyan.adapter.github.GitHubIssuesConfig;
import dev.thingyan.adapter.github.GitHubReleaseSource;
import dev.thingyan.adapter.github.GitHubSourceConfig;
import dev.thingyan.adapter.http.probe.HttpHealthProbe;
import dev.thingyan.adapter.http.probe.HttpPrecheckProbe;
import dev.thingyan.adapter.http.probe.HttpTarget;
import dev.thingyan.adapter.http.probe.VersionCheck;
import dev.thingyan.adapter.jdbc.ConnectionSettings;
import dev.thingyan.adapter.jdbc.DataSources;
import dev.thingyan.adapter.jdbc.app.JdbcReadProbe;
import dev.thingyan.adapter.jdbc.app.MariaDbAccess;
import dev.thingyan.adapter.jdbc.app.MariaDbDumper;
import dev.thingyan.adapter.jdbc.app.PostgresAccess;
import dev.thingyan.adapter.jdbc.app.PostgresDumper;
import dev.thingyan.adapter.jdbc.app.SqlNoRowsProbe;
import dev.thingyan.adapter.jdbc.app.SqliteAccess;
import dev.thingyan.adapter.jdbc.app.SqliteDumper;
import dev.thingyan.adapter.jdbc.journal.JournalDatabase;
import dev.thingyan.adapter.jdbc.journal.ReportSpool;
import dev.thingyan.adapter.storage.backup.AeadBackupCodec;
import dev.thingyan.adapter.storage.backup.LocalFolderBackupStore;
import dev.thingyan.adapter.storage.backup.S3BackupStore;
import dev.thingyan.adapter.storage.backup.S3SecretKey;
import dev.thingyan.adapter.storage.backup.S3StoreConfig;
import dev.thingyan.adapter.storage.backup.ZstdBackupCodec;
import dev.thingyan.adapter.storage.backup.ZstdProgram;
import dev.thingyan.adapter.storage.command.ShellCommandRunner;
import dev.thingyan.adapter.storage.owner.AppUser;
import dev.thingyan.adapter.storage.owner.Ownership;
import dev.thingyan.adapter.storage.owner.PosixAppWriteAccess;
import dev.thingyan.adapter.storage.release.FileRunLock;
import dev.thingyan.adapter.storage.release.FileSystemReleaseWorkspace;
import dev.thingyan.adapter.storage.source.LocalFolderReleaseSource;
import dev.thingyan.adapter.storage.verify.MinisignVerifier;
import dev.thingyan.bootstrap.config.AppPrecheck;
import dev.thingyan.bootstrap.config.ConfigException;
import dev.thingyan.bootstrap.config.DatabaseConfig;
import dev.thingyan.bootstrap.config.HealthCheck;
import dev.thingyan.bootstrap.config.ReportsConfig;
import dev.thingyan.bootstrap.config.Secret;
import dev.thingyan.bootstrap.config.SourceConfig;
import dev.thingyan.bootstrap.config.ThingyanConfig;
import dev.thingyan.bootstrap.config.VerifyConfig;
import dev.thingyan.domain.backup.EarlyBackup;
import dev.thingyan.domain.report.ErrorReports;
import dev.thingyan.domain.report.InAppRules;
import dev.thingyan.domain.report.ReportSettings;
import dev.thingyan.domain.report.Sleeper;
import dev.thingyan.domain.report.UpdateFailureReporter;
import dev.thingyan.domain.run.IntakeSettings;
import dev.thingyan.domain.run.CorePorts;
import dev.thingyan.domain.run.UpdateCore;
import dev.thingyan.domain.run.UpdateSettings;
import dev.thingyan.ports.out.BackupCodec;
import dev.thingyan.ports.out.BackupStore;
import dev.thingyan.ports.out.AppWriteAccess;
import dev.thingyan.ports.out.CommandRunner;
import dev.thingyan.ports.out.DatabaseAccess;
import dev.thingyan.ports.out.DatabaseDumper;
import dev.thingyan.ports.out.FaultPoints;
import dev.thingyan.ports.out.IssueTracker;
import dev.thingyan.ports.out.Probe;
import dev.thingyan.ports.out.ReleaseSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The composition root: builds the whole system with plain constructors from a validated
 * configuration. A host app that embeds thingyan passes its own journal {@link DataSource}
 * ({@link #journal(DataSource)}); standalone, the journal pool is made from {@code journal.url}.
 */
public final class ThingyanBuilder {

  private final ThingyanConfig config;
  private DataSource journalDataSource;
  private LongConsumer earlyBackup;
  private Clock clock = Clock.systemUTC();
  // never read from the environment: THINGYAN_FAULT in an embedding host's environment must not
  // be able to SIGKILL it. The CLI opts in (Standalone); tests pass their own.
  private FaultPoints faults = FaultPoints.NONE;
  private ReleaseSource source;
  private Duration closeWait = Duration.ofSeconds(30);

  private ThingyanBuilder(ThingyanConfig config) {
    this.config = config;
  }

  /** Starts a builder from a validated configuration ({@code ConfigLoader.load}). */
  public static ThingyanBuilder from(ThingyanConfig config) {
    return new ThingyanBuilder(config);
  }

  /** Uses the host's DataSource for the journal (embedded use); the host keeps owning it. */
  public ThingyanBuilder journal(DataSource dataSource) {
    this.journalDataSource = dataSource;
    return this;
  }

  /** Replaces the configured release source (tests, or a host with its own distribution). */
  public ThingyanBuilder releaseSource(ReleaseSource releaseSource) {
    this.source = releaseSource;
    return this;
  }

  public ThingyanBuilder clock(Clock value) {
    this.clock = value;
    return this;
  }

  /**
   * Begins a manual backup's dump while the system is being built, before the journal is opened
   * (see {@link EarlyBackup}): the next {@code backupDatabase().backup(...)} uses it. For a
   * process that was started to make one backup ({@code thingyan backup}); a system closed
   * without that backup drops it, and nothing of it is stored.
   *
   * @param progress told the bytes dumped so far, from the dump's own thread
   */
  public ThingyanBuilder earlyBackup(LongConsumer progress) {
    this.earlyBackup = progress;
    return this;
  }

  /** Crash-test fault points (tests and the standalone CLI only); none unless asked for here. */
  public ThingyanBuilder faults(FaultPoints value) {
    this.faults = value;
    return this;
  }

  /**
   * How long {@code close()} waits for a run in progress to reach its next step boundary (a
   * download or a dump in progress runs to its end first) before it releases the pools anyway.
   */
  public ThingyanBuilder closeTimeout(Duration wait) {
    this.closeWait = java.util.Objects.requireNonNull(wait, "wait");
    return this;
  }

  /**
   * Wires everything; the returned system owns (and closes) what it created, never the host's
   * DataSource.
   *
   * @throws dev.thingyan.ports.error.ConfigurationException when the configuration needs what is
   *     not on the class path (a JDBC driver, the S3 client: the message names the artifact) or
   *     cannot be wired
   * @throws dev.thingyan.ports.error.UnavailableException when the journal cannot be opened
   */
  public ThingyanSystem build() {
    OptionalArtifacts.require(config, journalDataSource == null);
    try {
      return wire();
    } catch (dev.thingyan.ports.error.ThingyanException e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new dev.thingyan.ports.error.ConfigurationException(
          dev.thingyan.ports.error.ConfigurationException.CODE, String.valueOf(e.getMessage()), e);
    } catch (RuntimeException e) {
      throw new dev.thingyan.ports.error.ThingyanException(
          dev.thingyan.ports.error.ThingyanException.INTERNAL, String.valueOf(e.getMessage()), e);
    }
  }

  private ThingyanSystem wire() {
    Closer closer = new Closer();
    PortGuard guard = new PortGuard();
    FaultPoints faults = guard.stoppingAtStepEnds(this.faults);
    try {
      DatabaseConfig db = config.database();
      DatabaseDumper dumper = dumper(db);
      BackupStore store = backupStore(closer);
      BackupCodec codec = backupCodec();
      FileRunLock fileLock = new FileRunLock(config.app().stateDir().resolve("lock"));
      LocalHost host = new LocalHost(clock);
      // before the journal: its pool, schema check and the core's wiring then run beside the dump
      Optional<EarlyBackup> early = earlyBackup == null ? Optional.empty()
          : EarlyBackup.beginUnlessLocked(dumper, store, codec, clock, fileLock, host,
              config.lockLease(), config.backup().timeout(), earlyBackup);
      early.ifPresent(e -> closer.add(e::cancel));
      DataSource journalDs = journalDataSource != null ? journalDataSource
          : closer.add(DataSources.journalPool(settings(config.journal().url(), config.journal().user(), config.journal().password())));
      JournalDatabase journal = JournalDatabase.open(journalDs, clock);
      ListenerHub hub = new ListenerHub();
      ReleaseRefusalReports refusals = new ReleaseRefusalReports(journal.auditTrail(),
          config.reports().environment());
      Optional<AppUser> appUser = appUser();
      CommandRunner commands = appUser.map(this::runnerAs).orElseGet(ShellCommandRunner::new);
      DataSource appDs = DataSources.unpooled(settings(db.jdbcUrl(), db.user(), db.password()));
      Duration timeout = config.health().timeout();
      List<Probe> health = healthProbes(commands, appDs);
      CorePorts ports = new CorePorts(
          journal.runJournal(),
          List.of(journal.runLock(), fileLock),
          host,
          source != null ? source : releaseSource(),
          new MinisignVerifier(config.verify().publicKeys()),
          new FileSystemReleaseWorkspace(config.app().root(), faults, appUser.map(u ->
              new Ownership(u, java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService()))),
          commands,
          dumper,
          store,
          codec,
          journal.backupCatalog(),
          new AuditMetrics(refusals, journal.runJournal()),
          health,
          Optional.of(new JdbcReadProbe("database read", appDs, JdbcReadProbe.DEFAULT_QUERY, timeout)),
          health.stream().filter(p -> p instanceof CommandProbe).findFirst(),
          appPrechecks(appDs, timeout),
          hub,
          faults,
          clock,
          new CorePorts.Access(databaseAccess(db), writeAccess(appUser)))
          .withPreview(PreviewServers.of(config, appUser));
      ErrorReports reports = errorReports(journal);
      refusals.fileWith(reports);
      hub.add(new UpdateFailureReporter(journal.runJournal(), reports,
          config.reports().environment()));
      UpdateCore core = new UpdateCore(ports, settings());
      early.ifPresent(core::adoptEarlyBackup);
      return new DefaultSystem(core, reports, hub, closer, clock, guard, journal.runJournal(),
          closeWait, new ReportSpool(ReportSpool.folderFor(config.app().root())));
    } catch (RuntimeException e) {
      closer.close();
      throw e;
    }
  }

  /** Reports are accepted even without GitHub configured; they wait in the outbox. */
  private ErrorReports errorReports(JournalDatabase journal) {
    ReportsConfig r = config.reports();
    Optional<IssueTracker> tracker = r.github().map(gh -> new LazyIssueTracker(() ->
        new GitHubIssueTracker(new GitHubIssuesConfig(gh.apiUrl(), gh.repo(), gh.token()::reveal,
            Duration.ofSeconds(10), Duration.ofSeconds(30), "thingyan/" + Versions.AGENT))));
    ReportSettings settings = new ReportSettings(r.labels(), r.commentInterval(),
        r.writeSpacing(), new InAppRules(r.inAppNamespaces(), r.inAppPaths(), r.vendorPaths()),
        r.basePaths(), r.keepDelivered(), leaseOwner(new LocalHost(clock)));
    return new ErrorReports(journal.reportOutbox(), tracker, journal.auditTrail(), settings,
        clock, Sleeper.of(clock));
  }

  /** host:pid plus a random part: two systems in one process must not share a lease. */
  private static String leaseOwner(LocalHost host) {
    var self = host.self(Duration.ofMinutes(1));
    return self.host() + ":" + self.pid() + ":" + java.util.UUID.randomUUID().toString()
        .substring(0, 8);
  }

  private UpdateSettings settings() {
    return new UpdateSettings(config.hooks().phases(), config.app().sharedPaths(),
        config.app().packageAssets(), !config.verify().allowUnsigned(), config.extraction(),
        config.prechecks().minFreeDiskBytes(), config.releasesKeep(), config.backup().keep(),
        config.backup().timeout(), new UpdateSettings.HealthPolicy(config.health().retries(), config.health().interval(),
            config.health().failFast()),
        config.lockLease(), Versions.AGENT, new HashSet<>(config.secrets()), config.app().appGateMarker(),
        intake());
  }

  /** source.app_name, verify.uncovered_assets, limits.max_package_size, allow_prerelease. */
  private IntakeSettings intake() {
    VerifyConfig v = config.verify();
    boolean pre = config.source() instanceof SourceConfig.GitHub g && g.allowPrerelease();
    return new IntakeSettings(v.appName(), v.refuseUncoveredAssets(), v.maxPackageBytes(), pre,
        v.maxSmallBytes().get(0), v.maxSmallBytes().get(1), v.maxSmallBytes().get(2));
  }

  private BackupStore backupStore(Closer closer) {
    return config.backup().s3().<BackupStore>map(s3 -> closer.add(new S3BackupStore(
            new S3StoreConfig(s3.endpoint(), s3.region(), s3.bucket(), s3.prefix(), s3.accessKeyId(),
                S3SecretKey.of(s3.secretAccessKey().reveal()), s3.pathStyle(), s3.partSizeBytes(),
                Duration.ofSeconds(60)))))
        .orElseGet(() -> new LocalFolderBackupStore(config.backup().localPath()));
  }

  /** The zstd program compresses dumps when installed; zstd-jni in the JVM otherwise. */
  private BackupCodec backupCodec() {
    Optional<ZstdProgram> zstd = ZstdProgram.onPath();
    return config.backup().keysetFile()
        .<BackupCodec>map(keyset -> AeadBackupCodec.fromKeysetFile(keyset, zstd))
        .orElseGet(() -> new ZstdBackupCodec(zstd));
  }

  private ReleaseSource releaseSource() {
    if (config.source() instanceof SourceConfig.GitHub g) {
      String[] repo = g.repo().split("/", 2);
      return new GitHubReleaseSource(new GitHubSourceConfig(g.apiUrl(), repo[0], repo[1],
          g.token().map(Secret::reveal), Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
          "thingyan/" + Versions.AGENT, g.totalTimeout()));
    }
    return new LocalFolderReleaseSource(((SourceConfig.Folder) config.source()).path());
  }

  private DatabaseDumper dumper(DatabaseConfig db) {
    switch (db.engine()) {
      case POSTGRESQL:
        return new PostgresDumper(settings(db.jdbcUrl(), db.user(), db.password()));
      case MARIADB:
      case MYSQL:
        return new MariaDbDumper(settings(db.jdbcUrl(), db.user(), db.password()));
      default:
        var path = db.path().orElseGet(() -> java.nio.file.Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length())));
        return new SqliteDumper(path, config.app().stateDir().resolve("tmp"));
    }
  }

  /** {@code app.user}, looked up on this system; refused when it does not exist. */
  private Optional<AppUser> appUser() {
    try {
      return config.app().user().map(u -> AppUser.lookup(u, config.app().group()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("app.user", List.of(e.getMessage()));
    }
  }

  /** Hooks run as the app user: root switches to it; another user cannot, and is refused. */
  private CommandRunner runnerAs(AppUser app) {
    try {
      return ShellCommandRunner.runningAs(app, AppUser.current());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("app.user", List.of(e.getMessage()));
    }
  }

  /** The app user's write access; without app.user, thingyan's own user's (looked up when asked). */
  private AppWriteAccess writeAccess(Optional<AppUser> appUser) {
    List<String> paths = config.app().writablePaths();
    return base -> new PosixAppWriteAccess(appUser.orElseGet(AppUser::current), paths).check(base);
  }

  private DatabaseAccess databaseAccess(DatabaseConfig db) {
    switch (db.engine()) {
      case POSTGRESQL:
        return new PostgresAccess(settings(db.jdbcUrl(), db.user(), db.password()));
      case MARIADB:
      case MYSQL:
        return new MariaDbAccess(settings(db.jdbcUrl(), db.user(), db.password()));
      default:
        var path = db.path().orElseGet(() -> java.nio.file.Path.of(db.jdbcUrl().substring("jdbc:sqlite:".length())));
        return new SqliteAccess(path, config.app().stateDir().resolve("tmp"));
    }
  }

  private List<Probe> healthProbes(CommandRunner commands, DataSource appDs) {
    Duration timeout = config.health().timeout();
    List<Probe> out = new ArrayList<>();
    for (HealthCheck check : config.health().checks()) {
      if (check instanceof HealthCheck.Http h) {
        out.add(new HttpHealthProbe(new HttpTarget(h.url(), timeout, h.headers()),
            new HashSet<>(h.expectStatus()), h.expectVersion() ? VersionCheck.JSON_FIELD : VersionCheck.NONE));
      } else if (check instanceof HealthCheck.Command c) {
        out.add(new CommandProbe(commands, c.run(), config.app().root(), timeout));
      } else {
        out.add(new JdbcReadProbe("database read", appDs, JdbcReadProbe.DEFAULT_QUERY, timeout));
      }
    }
    return out;
  }

  private List<CorePorts.AppPrecheck> appPrechecks(DataSource appDs, Duration timeout) {
    List<CorePorts.AppPrecheck> out = new ArrayList<>();
    for (AppPrecheck p : config.prechecks().app()) {
      Probe probe = p instanceof AppPrecheck.Sql s
          ? new SqlNoRowsProbe(s.name(), appDs, s.sql(), timeout)
          : new HttpPrecheckProbe(new HttpTarget(((AppPrecheck.Http) p).url(), timeout, java.util.Map.of()));
      out.add(new CorePorts.AppPrecheck(probe, p.blocking()));
    }
    return out;
  }

  private static ConnectionSettings settings(String url, Optional<String> user, Optional<Secret> password) {
    return new ConnectionSettings(url, user.orElse(""), password.map(Secret::reveal).orElse(""));
  }
}
