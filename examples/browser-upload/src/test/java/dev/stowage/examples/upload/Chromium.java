package dev.stowage.examples.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (CDP) with the JDK's WebSocket client: no
 * WebDriver, no driver binary, no downloads. Chromium writes the port it picked to
 * {@code DevToolsActivePort} in its profile directory; we connect to the browser endpoint and
 * talk to pages through flattened target sessions.
 */
final class Chromium implements AutoCloseable {

  /** Flags verified on Debian's Chromium: no sandbox (we may run as root), no background traffic. */
  private static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--remote-debugging-port=0");

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private Chromium(Process process, URI endpoint)
      throws InterruptedException, ExecutionException, TimeoutException {
    this.process = process;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(endpoint, new Listener())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Returns the Chromium executable: {@code STOWAGE_CHROMIUM}, else Debian's {@code /usr/bin/chromium}, if present. */
  static Optional<Path> find() {
    String configured = System.getenv("STOWAGE_CHROMIUM");
    Path p = Path.of(configured != null ? configured : "/usr/bin/chromium");
    return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
  }

  /** Starts a fresh headless browser with its profile in {@code workDirectory}. */
  static Chromium launch(Path executable, Path workDirectory) throws Exception {
    Path profile = Files.createDirectories(workDirectory.resolve("profile"));
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add("about:blank");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDirectory.resolve("chromium.log").toFile())
            .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      List<String> lines = List.of();
      while (lines.size() < 2) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "chromium exited with "
                  + process.exitValue()
                  + "; see "
                  + workDirectory.resolve("chromium.log"));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "chromium did not open its DevTools port within " + TIMEOUT);
        }
        // Polling a file Chromium writes once; there is no event to wait on.
        Thread.sleep(50);
        if (Files.exists(portFile)) {
          lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
        }
      }
      return new Chromium(
          process, URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()));
    } catch (Exception e) {
      destroy(process);
      throw e;
    }
  }

  /** Opens a new tab and returns it. */
  BrowserPage newPage() {
    String targetId =
        call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String sessionId =
        call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
            .get("sessionId")
            .asText();
    return new BrowserPage(this, sessionId);
  }

  /** Sends a command (to the browser when {@code sessionId} is null) and returns its result. */
  JsonNode call(String sessionId, String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (answer.has("error")) {
        throw new IllegalStateException(method + " failed: " + answer.get("error"));
      }
      return answer.get("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(method + " got no answer within " + TIMEOUT, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Returns a future of the next event {@code method} in {@code sessionId}; register before triggering it. */
  CompletableFuture<JsonNode> nextEvent(String sessionId, String method) {
    Waiter w = new Waiter(sessionId, method, new CompletableFuture<>());
    waiters.add(w);
    return w.future;
  }

  private void dispatch(JsonNode message) {
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    String session = message.has("sessionId") ? message.get("sessionId").asText() : null;
    for (Waiter w : waiters) {
      if (w.method.equals(method) && (w.sessionId == null || w.sessionId.equals(session))) {
        waiters.remove(w);
        w.future.complete(message.get("params"));
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true);
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      destroy(process);
    }
  }

  private static void destroy(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private record Waiter(String sessionId, String method, CompletableFuture<JsonNode> future) {}

  /** Reassembles fragmented frames and hands whole messages to {@link #dispatch}. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          dispatch(JSON.readTree(text));
        } catch (IOException e) {
          throw new IllegalStateException("unreadable DevTools message", e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}
