package dev.thingyan.domain.run;

import dev.thingyan.domain.policy.SecretMasker;
import dev.thingyan.ports.model.GateBypass;
import dev.thingyan.ports.model.GateStatus;
import dev.thingyan.ports.model.HookPhase;
import dev.thingyan.ports.model.MaintenanceFlag;
import dev.thingyan.ports.out.ReleaseWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The maintenance gate's one owner. thingyan's flag ({@code .thingyan/maintenance}) is the truth
 * for "gate up"; raising writes it first (with a new random bypass secret, or the one a raised
 * gate already has) and then runs the {@code maintenance_on} hooks with the secret in
 * {@code THINGYAN_GATE_SECRET}; lowering runs the {@code maintenance_off} hooks and then removes
 * the flag. Whoever lowers must have seen the app healthy first (runs, {@link ManualGate}).
 */
final class GateKeeper {

  /** The hooks' variable holding the bypass secret (e.g. {@code php artisan down --secret=...}). */
  static final String SECRET_ENV = "THINGYAN_GATE_SECRET";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ReleaseWorkspace workspace;
  private final SecretMasker masker;
  private final HookExecutor hooks;
  private final Optional<String> appGateMarker;

  GateKeeper(ReleaseWorkspace workspace, SecretMasker masker, HookExecutor hooks, Optional<String> appGateMarker) {
    this.workspace = workspace;
    this.masker = masker;
    this.hooks = hooks;
    this.appGateMarker = appGateMarker;
  }

  boolean up() {
    return workspace.maintenanceFlag();
  }

  /** @return the way through the gate while it is up with one (its secret is masked from now on) */
  Optional<GateBypass> bypass() {
    Optional<GateBypass> b = workspace.readMaintenanceFlag().flatMap(MaintenanceFlag::bypass);
    b.ifPresent(x -> masker.remember(x.secret()));
    return b;
  }

  GateStatus status() {
    Optional<MaintenanceFlag> flag = workspace.readMaintenanceFlag();
    return new GateStatus(flag.isPresent(), flag.map(MaintenanceFlag::reason).filter(r -> !r.isBlank()),
        flag.isEmpty() && appGateWithoutFlag());
  }

  /** @return whether the app's own maintenance marker exists in the current release */
  boolean appGateWithoutFlag() {
    return !up() && appGateMarker.flatMap(m -> workspace.current().map(c -> Files.exists(c.dir().resolve(m))))
        .orElse(false);
  }

  /**
   * The flag first (so a process killed right after still knows the gate may be up), then the
   * hooks. A raised gate keeps its secret: the app's own gate already knows it.
   *
   * @throws StepFailedException when a hook fails (the flag stays up)
   */
  void raise(HookExecutor.HookLog log, String step, String reason, Map<String, String> env) {
    GateBypass bypass = bypass().orElseGet(GateKeeper::newBypass);
    masker.remember(bypass.secret());
    workspace.raiseMaintenanceFlag(reason, bypass);
    hooks.run(log, HookPhase.MAINTENANCE_ON, step, dir(), withSecret(env, bypass));
  }

  /**
   * The hooks first, then the flag: a failed hook leaves the gate (and the flag saying so) up.
   *
   * @throws StepFailedException when a hook fails
   */
  void lower(HookExecutor.HookLog log, String step, Map<String, String> env) {
    Optional<GateBypass> bypass = bypass();
    hooks.run(log, HookPhase.MAINTENANCE_OFF, step, dir(),
        bypass.map(b -> withSecret(env, b)).orElse(env));
    workspace.setMaintenanceFlag(false, "");
  }

  /** The hooks run in the current release (the app's own {@code down} lives there). */
  Path dir() {
    return workspace.current().map(c -> c.dir()).orElse(workspace.root());
  }

  /** The variables of a hook outside a run (a restore, {@code thingyan gate}, a resolve). */
  Map<String, String> appEnv() {
    Map<String, String> env = new HashMap<>();
    Path root = workspace.root();
    env.put("THINGYAN_APP_ROOT", root.toString());
    env.put("THINGYAN_SHARED_DIR", root.resolve("shared").toString());
    env.put("THINGYAN_CURRENT", root.resolve("current").toString());
    env.put("THINGYAN_RELEASE_DIR", dir().toString());
    return env;
  }

  private static Map<String, String> withSecret(Map<String, String> env, GateBypass bypass) {
    Map<String, String> out = new HashMap<>(env);
    out.put(SECRET_ENV, bypass.secret());
    return out;
  }

  /** 192 random bits, URL-safe: the secret becomes a path ({@code GET /<secret>}). */
  static GateBypass newBypass() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return new GateBypass(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
