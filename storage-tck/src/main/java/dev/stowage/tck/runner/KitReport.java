package dev.stowage.tck.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The results of a kit run over one or more targets, with renderings: a text matrix (rows are
 * contract groups, columns targets, cells like {@code "24✓ 2↷ 0✗"}), a capability table, JSON and
 * Markdown.
 *
 * @param targets one report per target, in run order
 * @param millis how long the whole run took
 */
public record KitReport(List<TargetReport> targets, long millis) {

  public KitReport {
    targets = List.copyOf(Objects.requireNonNull(targets, "targets"));
  }

  /** Returns whether no case failed on any target. */
  public boolean successful() {
    return targets.stream().allMatch(t -> t.failed() == 0);
  }

  /** Returns the report of the target called {@code name}, or null. */
  public @Nullable TargetReport target(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Returns the result matrix as aligned text, followed by the skip reasons (counted) and every
   * failure with its message.
   */
  public String toText() {
    return ReportRenderer.text(this);
  }

  /** Returns which capability flags and limits each target declares, as aligned text. */
  public String capabilityTable() {
    return ReportRenderer.capabilityText(this);
  }

  /** Returns the result matrix and the capability table as Markdown tables. */
  public String toMarkdown() {
    return ReportRenderer.markdown(this);
  }

  /** Returns the whole report, every case's outcome included, as indented JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report could not be rendered as JSON", e);
    }
  }
}
