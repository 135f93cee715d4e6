package dev.thingyan.adapter.jdbc.journal;

import static dev.thingyan.adapter.jdbc.journal.JournalFixture.millis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.thingyan.ports.model.LogLevel;
import dev.thingyan.ports.model.RunEvent;
import dev.thingyan.ports.model.RunId;
import dev.thingyan.ports.model.RunState;
import dev.thingyan.ports.model.StepOutcome;
import dev.thingyan.ports.model.StepRecord;
import dev.thingyan.ports.out.RunJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Steps and the run log: order, paging, long and non-Latin text, the listener. */
interface RunLogContract extends JournalFixture {

  @Test
  default void aStepRunTwiceAppearsTwiceInStartOrderAndAnOpenStepIsUnfinished() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    Runs.walk(
        runs,
        id,
        RunState.CHECKING,
        RunState.BACKUP_RUNNING,
        RunState.DOWNLOADING,
        RunState.APPLYING,
        RunState.MIGRATING,
        RunState.HEALTH_CHECK);
    Instant firstStart = clock().advance(Duration.ofSeconds(1));
    runs.stepStarted(id, "health");
    clock().advance(Duration.ofSeconds(5));
    runs.stepEnded(id, "health", StepOutcome.FAILED, "502 from /health");
    runs.stepStarted(id, "health");
    Instant secondEnd = clock().advance(Duration.ofSeconds(2));
    runs.stepEnded(id, "health", StepOutcome.SUCCEEDED, "");
    runs.stepStarted(id, "post_swap");

    List<StepRecord> steps = runs.steps(id);
    assertThat(steps).extracting(StepRecord::step).containsExactly("health", "health", "post_swap");
    assertThat(steps.get(0).startedAt()).isEqualTo(millis(firstStart));
    assertThat(steps.get(0).outcome()).contains(StepOutcome.FAILED);
    assertThat(steps.get(0).detail()).contains("502 from /health");
    assertThat(steps.get(1).succeeded()).isTrue();
    assertThat(steps.get(1).endedAt()).contains(millis(secondEnd));
    assertThat(steps.get(1).detail()).isEmpty();
    assertThat(steps.get(2).unfinished()).isTrue();

    List<RunEvent> stepEvents =
        runs.events(id, 0, 100).stream().filter(e -> e.step().isPresent()).toList();
    assertThat(stepEvents).hasSize(5).allMatch(e -> e.state() == RunState.HEALTH_CHECK);
    assertThat(stepEvents.get(1).level()).isEqualTo(LogLevel.ERROR);
    assertThat(stepEvents.get(1).message()).contains("failed").contains("502 from /health");
  }

  @Test
  default void aStepThatEndsWithoutARecordedStartStillGetsARow() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    runs.stepEnded(id, "migrate", StepOutcome.SKIPPED, "nothing pending");
    assertThat(runs.steps(id))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.outcome()).contains(StepOutcome.SKIPPED);
              assertThat(s.unfinished()).isFalse();
            });
  }

  @Test
  default void eventsComeInSeqOrderAndPageWithAfterSeq() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    RunId other = runs.create(Runs.update(clock().instant())).id();
    for (int i = 0; i < 7; i++) {
      runs.log(id, LogLevel.INFO, Optional.of("install"), "line " + i);
      runs.log(other, LogLevel.DEBUG, Optional.empty(), "other " + i);
    }
    List<String> read = new ArrayList<>();
    long after = 0;
    for (List<RunEvent> page = runs.events(id, after, 3);
        !page.isEmpty();
        page = runs.events(id, after, 3)) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      assertThat(page.get(0).seq()).isGreaterThan(after);
      page.forEach(e -> read.add(e.message()));
      after = page.get(page.size() - 1).seq();
    }
    assertThat(read)
        .containsExactly("line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6");
    assertThat(runs.events(id, 0, 100))
        .extracting(RunEvent::seq)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(runs.events(other, 0, 100))
        .allMatch(
            e ->
                e.runId().equals(other)
                    && e.level() == LogLevel.DEBUG
                    && e.step().isEmpty()
                    && e.state() == RunState.IDLE);
  }

  @Test
  default void anOverlongMessageIsCutWithANoteInsteadOfFailing() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    String huge = "composer: ".repeat(10_000);
    runs.log(id, LogLevel.WARN, Optional.of("install"), huge);
    runs.setReason(id, huge);

    String stored = runs.events(id, 0, 1).get(0).message();
    assertThat(stored.length()).isLessThanOrEqualTo(Texts.MAX_CHARS);
    assertThat(stored).startsWith("composer: composer: ").contains("truncated: 100000 characters");
    assertThat(runs.find(id).orElseThrow().reason().orElseThrow())
        .hasSizeLessThanOrEqualTo(Texts.MAX_CHARS);
  }

  @Test
  default void burmeseAndEmojiTextRoundTrips() {
    RunJournal runs = journal().runJournal();
    RunId id = runs.create(Runs.update(clock().instant())).id();
    String text = "အဆင့်မြှင့်တင်ခြင်း မအောင်မြင်ပါ 🚨 — ok";
    runs.log(id, LogLevel.ERROR, Optional.empty(), text);
    runs.setReason(id, text);
    assertThat(runs.events(id, 0, 1).get(0).message()).isEqualTo(text);
    assertThat(runs.find(id).orElseThrow().reason()).contains(text);
  }

  @Test
  default void theListenerHearsEachCommittedEventWithItsSeqAndCannotBreakTheJournal() {
    List<RunEvent> heard = new ArrayList<>();
    RunJournal runs = journal().runJournal(heard::add);
    RunId id = runs.create(Runs.update(clock().instant())).id();
    runs.transition(id, RunState.IDLE, RunState.CHECKING, "checking");
    runs.stepStarted(id, "precheck");
    runs.log(id, LogLevel.INFO, Optional.of("precheck"), "disk ok");
    assertThat(heard).isEqualTo(runs.events(id, 0, 100));

    RunJournal throwing =
        journal()
            .runJournal(
                e -> {
                  throw new IllegalStateException("listener bug");
                });
    throwing.log(id, LogLevel.INFO, Optional.empty(), "still written");
    assertThat(runs.events(id, 0, 100))
        .last()
        .extracting(RunEvent::message)
        .isEqualTo("still written");
  }
}
