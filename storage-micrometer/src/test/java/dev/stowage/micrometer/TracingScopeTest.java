package dev.stowage.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.Filesystem;
import dev.stowage.StorageException;
import dev.stowage.memory.MemoryAdapter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a tracing bridge sees: a start and a stop per operation, each a child of the caller's
 * current observation, and the caller's scope restored afterwards.
 */
class TracingScopeTest {

  /** Records starts and stops the way a tracer makes spans: name, operation and parent. */
  static final class SpanRecorder implements ObservationHandler<Observation.Context> {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }

    @Override
    public void onStart(Observation.Context context) {
      events.add("start " + describe(context) + " parent=" + parentOf(context));
    }

    @Override
    public void onError(Observation.Context context) {
      events.add(
          "error " + describe(context) + " " + context.getError().getClass().getSimpleName());
    }

    @Override
    public void onStop(Observation.Context context) {
      var outcome = context.getLowCardinalityKeyValue("outcome");
      events.add(
          ("stop " + describe(context) + " " + (outcome == null ? "" : outcome.getValue()))
              .strip());
    }

    private static String describe(Observation.ContextView context) {
      return context instanceof StorageObservationContext s
          ? s.filesystem() + ":" + s.operation()
          : context.getName();
    }

    private static String parentOf(Observation.Context context) {
      io.micrometer.observation.ObservationView parent = context.getParentObservation();
      return parent == null ? "none" : describe(parent.getContextView());
    }
  }

  private final SpanRecorder spans = new SpanRecorder();
  private final ObservationRegistry registry = ObservationRegistry.create();

  TracingScopeTest() {
    registry.observationConfig().observationHandler(spans);
  }

  @Test
  void operations_areChildrenOfTheCallersObservation_andScopesAreRestored() throws IOException {
    try (ObservedFilesystem fs =
        ObservedFilesystem.builder(Filesystem.of(MemoryAdapter.create()), registry)
            .name("outer")
            .build()) {
      Observation request = Observation.createNotStarted("request", registry).start();
      try (Observation.Scope scope = request.openScope()) {
        fs.write("a.txt", "abc");
        assertThat(registry.getCurrentObservation()).isSameAs(request);
        InputStream in = fs.readStream("a.txt");
        assertThat(registry.getCurrentObservation())
            .as("the stream's observation is not left in scope")
            .isSameAs(request);
        in.readAllBytes();
        in.close();
        assertThatThrownBy(() -> fs.read("missing.txt")).isInstanceOf(StorageException.class);
        assertThat(registry.getCurrentObservation()).isSameAs(request);
      }
      request.stop();
    }
    assertThat(spans.events)
        .containsExactly(
            "start request parent=none",
            "start outer:write parent=request",
            "stop outer:write success",
            "start outer:read_stream parent=request",
            "stop outer:read_stream success",
            "start outer:read parent=request",
            "error outer:read ReadFailedException",
            "stop outer:read error",
            "stop request");
  }

  @Test
  void nestedDecorators_innerOperationIsAChildOfTheOuter() {
    Filesystem inner =
        ObservedFilesystem.builder(Filesystem.of(MemoryAdapter.create()), registry)
            .name("inner")
            .build();
    try (ObservedFilesystem outer =
        ObservedFilesystem.builder(inner, registry).name("outer").build()) {
      outer.write("a.txt", "abc");
      outer.list("").toList();
    }
    assertThat(spans.events)
        .containsExactly(
            "start outer:write parent=none",
            "start inner:write parent=outer:write",
            "stop inner:write success",
            "stop outer:write success",
            "start outer:list parent=none",
            "start inner:list parent=outer:list",
            "stop inner:list success",
            "stop outer:list success");
    assertThat(registry.getCurrentObservation()).isNull();
  }
}
