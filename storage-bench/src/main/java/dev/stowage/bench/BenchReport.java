package dev.stowage.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Objects;

/**
 * The result of one {@link BenchRunner#run}: how it was run and one {@link BenchRow} per client
 * and scenario, in the order measured.
 *
 * @param startedAt when the run began, ISO-8601 UTC
 * @param smallSizeBytes the small transfer size (16 MiB unless changed)
 * @param sizeBytes the large transfer size
 * @param runs how many times each row was measured
 * @param listingFiles how many files the deep-listing tree held
 * @param machine the JVM, operating system and processor count, for reading the numbers later
 * @param rows the rows
 */
public record BenchReport(
    String startedAt,
    long smallSizeBytes,
    long sizeBytes,
    int runs,
    int listingFiles,
    String machine,
    List<BenchRow> rows) {

  /** Checks the fields and copies the rows. */
  public BenchReport {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(machine, "machine");
    rows = List.copyOf(rows);
  }

  /** Returns whether every row is measured or an absent peer, that is, nothing failed. */
  public boolean successful() {
    return rows.stream().noneMatch(r -> r.status() == BenchRow.Status.FAILED);
  }

  /** Returns the report as indented JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the report could not be written as JSON", e);
    }
  }

  /** Returns the table printed by {@code stowage bench}, with a header line and a legend. */
  public String toText() {
    return TextTable.render(this);
  }
}
