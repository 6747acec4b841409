package com.reservas.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker/service.Dockerfile: stages, build command, runtime user and JVM options. */
class DockerfileTest {

  private static final String TEXT = Repository.read("deploy/docker/service.Dockerfile");

  /** Stage name to its instructions (continuation lines joined). */
  private static final Map<String, List<String>> STAGES = stages();

  private static final Map<String, String> BASES = bases();

  @Test
  void buildsWithTheWrapperOnAJdkAndRunsOnAJre() {
    assertThat(STAGES).containsKeys("build", "extract", "runtime-base", "standin", "service");
    assertThat(argDefault("JDK_IMAGE")).isEqualTo("eclipse-temurin:17-jdk");
    assertThat(argDefault("JRE_IMAGE")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(BASES)
        .containsEntry("build", "${JDK_IMAGE}")
        .containsEntry("runtime-base", "${JRE_IMAGE}")
        .containsEntry("standin", "runtime-base")
        .containsEntry("service", "runtime-base");
    // The default target (the last stage) is a service.
    assertThat(new ArrayList<>(STAGES.keySet()).get(STAGES.size() - 1)).isEqualTo("service");

    String build = String.join("\n", STAGES.get("build"));
    assertThat(build)
        .contains("./mvnw ", "package", "-Dmaven.test.skip=true", "--mount=type=cache");
    // The shared build stage must not depend on MODULE, or every image would rebuild the reactor.
    assertThat(build).doesNotContain("MODULE");
  }

  @Test
  void buildsEveryModuleTheComposeFileAsksFor() {
    String build = String.join("\n", STAGES.get("build"));
    Matcher modules = Pattern.compile("-pl ([a-z0-9,/-]+)\\s+\\\\?\\s*-am").matcher(build);
    assertThat(modules.find()).as("-pl <modules> -am in the build stage").isTrue();
    List<String> built = Arrays.asList(modules.group(1).split(","));
    ComposeFile compose = ComposeFile.load();
    for (String name : compose.serviceNames()) {
      Map<String, Object> image = Yamls.map(compose.service(name).get("build"));
      Object args = image.get("args");
      if (args != null) {
        // The stand-ins (target "standin") live in harness/, the services at the top level.
        String module = String.valueOf(Yamls.map(args).get("MODULE"));
        assertThat(built)
            .contains("standin".equals(image.get("target")) ? "harness/" + module : module);
      }
    }
    assertThat(build)
        .contains(
            "dependency:copy-dependencies",
            "-pl harness/stripe-stand-in,harness/supplier-simulator");
  }

  @Test
  void extractsTheExecJarIntoLayers() {
    String extract = String.join("\n", STAGES.get("extract"));
    assertThat(extract).contains("${MODULE}\"-*-exec.jar", "-Djarmode=tools", "extract --layers");
    String service = String.join("\n", STAGES.get("service"));
    for (String layer :
        List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
      assertThat(service).contains("COPY --from=extract /extracted/" + layer + "/ ./");
    }
    assertThat(service).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/application.jar\"]");
  }

  @Test
  void runsAsAnUnprivilegedUser() {
    String runtime = String.join("\n", STAGES.get("runtime-base"));
    assertThat(runtime).contains("useradd --system --uid 10001");
    for (String stage : List.of("service", "standin")) {
      assertThat(STAGES.get(stage)).as(stage).contains("USER 10001:10001");
    }
    // The Kubernetes pods run as the same user.
    assertThat(Repository.read("deploy/k8s/base/reservation-api.yaml"))
        .contains("runAsUser: 10001");
  }

  @Test
  void theJvmFollowsTheContainerMemoryAndTrustsOnlyOurAvroClasses() {
    String runtime = String.join("\n", STAGES.get("runtime-base"));
    Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(runtime);
    assertThat(options.find()).isTrue();
    Matcher packages =
        Pattern.compile("<avro.serializable.packages>([^<]+)</avro.serializable.packages>")
            .matcher(Repository.read("pom.xml"));
    assertThat(packages.find()).isTrue();
    assertThat(options.group(1))
        .contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError")
        .contains("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + packages.group(1));
    // curl serves the compose health checks.
    assertThat(runtime).contains("apt-get install -y --no-install-recommends curl");
  }

  @Test
  void standInsRunTheirMainClassFromTheModuleClassPath() {
    String standin = String.join("\n", STAGES.get("standin"));
    assertThat(standin)
        .contains("COPY --from=build /workspace/harness/${MODULE}/target/runtime-lib/ /app/lib/")
        .contains("ENV MAIN_CLASS=${MAIN_CLASS}")
        .contains("exec java -cp '/app/lib/*' \\\"$MAIN_CLASS\\\"");
  }

  @Test
  void theBuildContextKeepsEveryModuleAndDropsBuildOutput() {
    List<String> ignored =
        Repository.read("deploy/docker/service.Dockerfile.dockerignore")
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertThat(ignored).contains(".git", "**/target", "**/.data", ".env");
    // Maven needs every module of the reactor present, even those it does not build.
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>").matcher(Repository.read("pom.xml"));
    List<String> modules = new ArrayList<>();
    while (module.find()) {
      modules.add(module.group(1));
    }
    assertThat(modules).contains("deployment-tests");
    String defaultModules = Repository.read("pom.xml").split("<profiles>")[0];
    for (String name : modules) {
      if (defaultModules.contains("<module>" + name + "</module>")) {
        assertThat(ignored).as(name).doesNotContain(name, name + "/", "/" + name);
      }
    }
  }

  private static String argDefault(String name) {
    Matcher matcher = Pattern.compile("(?m)^ARG " + name + "=(\\S+)$").matcher(TEXT);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static Map<String, List<String>> stages() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    List<String> current = null;
    for (String instruction : instructions()) {
      Matcher from = Pattern.compile("(?i)^FROM\\s+(\\S+)\\s+AS\\s+(\\S+)$").matcher(instruction);
      if (from.matches()) {
        current = new ArrayList<>();
        stages.put(from.group(2), current);
      } else if (current != null) {
        current.add(instruction);
      }
    }
    return stages;
  }

  private static Map<String, String> bases() {
    Map<String, String> bases = new LinkedHashMap<>();
    for (String instruction : instructions()) {
      Matcher from = Pattern.compile("(?i)^FROM\\s+(\\S+)\\s+AS\\s+(\\S+)$").matcher(instruction);
      if (from.matches()) {
        bases.put(from.group(2), from.group(1));
      }
    }
    return bases;
  }

  /** Instructions with comments dropped and backslash continuations joined. */
  private static List<String> instructions() {
    List<String> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : TEXT.lines().toList()) {
      String stripped = line.strip();
      if (stripped.startsWith("#") || (stripped.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        pending.append(stripped, 0, stripped.length() - 1).append(' ');
      } else {
        pending.append(stripped);
        instructions.add(pending.toString().strip());
        pending.setLength(0);
      }
    }
    return instructions;
  }
}
