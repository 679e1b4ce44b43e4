package dev.stowage.cli;

import java.util.Map;

/**
 * What the CLI knows about where its progress goes.
 *
 * @param interactive true when a person watches: progress redraws one line with {@code \r};
 *     false for pipes and logs, which get plain lines now and then
 * @param width the number of columns a progress line may use
 */
record Terminal(boolean interactive, int width) {

  /** A terminal-less context: plain progress lines, 80 columns. */
  static final Terminal NONE = new Terminal(false, 80);

  Terminal {
    if (width < 20) {
      throw new IllegalArgumentException("width must be at least 20 columns: " + width);
    }
  }

  /**
   * Returns the terminal of this process. Java cannot ask the tty for its size, so the width
   * comes from {@code COLUMNS} (exported by most shells) and defaults to 80.
   */
  static Terminal detect(boolean hasConsole, Map<String, String> env) {
    int width = 80;
    String columns = env.get("COLUMNS");
    if (columns != null) {
      try {
        width = Math.max(20, Integer.parseInt(columns.trim()));
      } catch (NumberFormatException ignored) {
        // A junk COLUMNS is not worth failing a copy over.
      }
    }
    return new Terminal(hasConsole && !"dumb".equals(env.get("TERM")), width);
  }
}
