package dev.stowage.apisignatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a signature file records of a type, and how differences are classified. */
class ApiDumpTest {

  /** A sealed interface with a generic method and a checked exception. */
  public sealed interface Shape<T extends Comparable<T>> permits Box, Dot {
    <R> List<R> map(Supplier<? extends R> each, String... names) throws IOException;
  }

  /** A record implementing it. */
  public record Box(int width, Map<String, Long> tags) implements Shape<String> {
    @Override
    public <R> List<R> map(Supplier<? extends R> each, String... names) {
      return List.of();
    }

    int hidden() {
      return width;
    }
  }

  /** A final class implementing it, with a protected member that is not API (the class is final). */
  public static final class Dot implements Shape<String> {
    public static final String NAME = "dot";

    @Override
    public <R> List<R> map(Supplier<? extends R> each, String... names) {
      return List.of();
    }

    protected void notApi() {}
  }

  /** An enum. */
  public enum Colour {
    RED,
    GREEN
  }

  @Test
  void block_sealedGenericInterface_recordsPermitsBoundsVarargsAndThrows() {
    assertThat(ApiDump.block(Shape.class))
        .containsExactly(
            "public sealed interface dev.stowage.apisignatures.ApiDumpTest$Shape<T extends"
                + " java.lang.Comparable<T>> permits dev.stowage.apisignatures.ApiDumpTest$Box,"
                + " dev.stowage.apisignatures.ApiDumpTest$Dot",
            "  public abstract <R> java.util.List<R> map(java.util.function.Supplier<? extends R>,"
                + " java.lang.String...) throws java.io.IOException");
  }

  @Test
  void block_recordAndFinalClass_recordComponentsAndOnlyPublicMembers() {
    List<String> box = ApiDump.block(Box.class);
    assertThat(box.get(0))
        .isEqualTo(
            "public record dev.stowage.apisignatures.ApiDumpTest$Box(int width,"
                + " java.util.Map<java.lang.String, java.lang.Long> tags) implements"
                + " dev.stowage.apisignatures.ApiDumpTest$Shape<java.lang.String>");
    assertThat(box).contains("  public int width()").noneMatch(l -> l.contains("hidden"));
    List<String> dot = ApiDump.block(Dot.class);
    assertThat(dot.get(0)).startsWith("public static final class");
    assertThat(dot)
        .contains("  public static final java.lang.String NAME")
        .noneMatch(l -> l.contains("notApi"));
  }

  @Test
  void block_enum_listsItsConstants() {
    assertThat(ApiDump.block(Colour.class))
        .contains("  enum constant GREEN", "  enum constant RED")
        .anyMatch(l -> l.contains(" values()"));
  }

  @Test
  void parse_renderedDump_givesTheSameTypes() {
    Map<String, List<String>> api =
        Map.of(
            "dev.stowage.apisignatures.ApiDumpTest$Shape", ApiDump.block(Shape.class),
            "dev.stowage.apisignatures.ApiDumpTest$Box", ApiDump.block(Box.class));
    assertThat(ApiDump.parse(ApiDump.render("m", new java.util.TreeMap<>(api)))).isEqualTo(api);
  }

  @Test
  void between_removedMember_isIncompatible_addedMemberCompatible() {
    Map<String, List<String>> before =
        Map.of("a.T", List.of("public final class a.T", "  public void old()"));
    Map<String, List<String>> after =
        Map.of("a.T", List.of("public final class a.T", "  public void fresh()"));
    ApiDiff diff = ApiDiff.between(before, after);
    assertThat(diff.incompatible()).containsExactly("- a.T: public void old()");
    assertThat(diff.compatible()).containsExactly("+ a.T: public void fresh()");
    assertThat(diff.report("m", "m/api/m.api"))
        .contains("incompatible", "compatible (added)", "-Dstowage.writeApi=true");
  }

  @Test
  void between_abstractMethodAddedToOpenInterface_isIncompatible() {
    Map<String, List<String>> before = Map.of("a.I", List.of("public interface a.I"));
    Map<String, List<String>> after =
        Map.of("a.I", List.of("public interface a.I", "  public abstract void more()"));
    assertThat(ApiDiff.between(before, after).incompatible()).hasSize(1);
  }

  @Test
  void between_headerChangedOrTypeRemoved_isIncompatible_typeAddedCompatible() {
    Map<String, List<String>> before =
        Map.of("a.T", List.of("public class a.T"), "a.Gone", List.of("public class a.Gone"));
    Map<String, List<String>> after =
        Map.of("a.T", List.of("public final class a.T"), "a.New", List.of("public class a.New"));
    ApiDiff diff = ApiDiff.between(before, after);
    assertThat(diff.incompatible()).hasSize(2);
    assertThat(diff.compatible()).containsExactly("+ public class a.New  (type added)");
  }

  @Test
  void between_sameApi_isEmpty() {
    Map<String, List<String>> api = Map.of("a.T", List.of("public class a.T", "  public void x()"));
    assertThat(ApiDiff.between(api, api).isEmpty()).isTrue();
  }
}
