package dev.stowage.examples.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One Chromium tab: navigate, run JavaScript (awaiting promises), pick files for inputs. */
final class BrowserPage {

  private final Chromium browser;
  private final String sessionId;

  BrowserPage(Chromium browser, String sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
    browser.call(sessionId, "Page.enable", Map.of());
    browser.call(sessionId, "Runtime.enable", Map.of());
  }

  /** Loads {@code url} and waits for its load event. */
  void navigate(String url) throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<JsonNode> loaded = browser.nextEvent(sessionId, "Page.loadEventFired");
    JsonNode result = browser.call(sessionId, "Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IllegalStateException(
          "cannot load " + url + ": " + result.get("errorText").asText());
    }
    loaded.get(Chromium.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Evaluates {@code expression} in the page, awaits it if it is a promise, and returns its JSON value. */
  JsonNode evaluate(String expression) {
    JsonNode result =
        browser.call(
            sessionId,
            "Runtime.evaluate",
            Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Sets the file of the {@code <input type=file>} matching {@code selector}, as if picked by a user. */
  void chooseFile(String selector, Path file) {
    int root =
        browser.call(sessionId, "DOM.getDocument", Map.of()).get("root").get("nodeId").asInt();
    int node =
        browser
            .call(sessionId, "DOM.querySelector", Map.of("nodeId", root, "selector", selector))
            .get("nodeId")
            .asInt();
    if (node == 0) {
      throw new IllegalStateException("no element matches " + selector);
    }
    browser.call(
        sessionId,
        "DOM.setFileInputFiles",
        Map.of("nodeId", node, "files", List.of(file.toAbsolutePath().toString())));
  }
}
