package com.reservas.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js consumer in {@code src/test/node}: a client written without any of this project's
 * code. The build installs its packages ({@code npm ci}, phase pre-integration-test); a machine
 * without Node.js fails the test with a message saying what to install, never skips it.
 */
final class NodeClient {

  private static final Path FOLDER = Path.of("src", "test", "node");

  private NodeClient() {}

  /** The folder with the client's package.json and scripts, its installed packages checked. */
  static Path folder() {
    if (!Files.isDirectory(FOLDER.resolve("node_modules").resolve("kafkajs"))) {
      throw new AssertionError(
          "The Node.js client's packages are not installed in "
              + FOLDER.toAbsolutePath()
              + "; the build runs 'npm ci' there before the integration tests (or run it by hand)");
    }
    return FOLDER;
  }

  /** The {@code node} executable, after checking that it runs. */
  static String node() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
        return "node";
      }
    } catch (IOException e) {
      // reported below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError(
        "Node.js 18+ with npm is needed: this test proves that a consumer outside this project"
            + " (kafkajs + @kafkajs/confluent-schema-registry) decodes the topics. Install it, e.g."
            + " 'apt-get install nodejs npm' on Debian");
  }
}
