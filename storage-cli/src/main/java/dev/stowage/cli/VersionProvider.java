package dev.stowage.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar's manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = Stowage.class.getPackage().getImplementationVersion();
    return new String[] {
      "stowage " + (v == null ? "dev" : v),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
