package com.reservas.relay.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the relay's topics when they are absent, with the configured partition count, replication
 * factor and retention. Existing topics are left as they are (adding partitions would move keys to
 * other partitions and break per-key order); a different partition count is logged. The relay runs
 * this before every engine start, so a record is never produced to a missing topic (and brokers'
 * auto-creation is not relied upon).
 */
public final class TopicProvisioner implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What to create. */
  public record TopicSpec(
      Collection<String> names,
      int partitions,
      short replicationFactor,
      Duration retention,
      Map<String, String> configs) {}

  private final Supplier<Admin> admins;
  private final TopicSpec spec;

  /**
   * @param admins a new admin client per run (closed afterwards)
   */
  public TopicProvisioner(Supplier<Admin> admins, TopicSpec spec) {
    this.admins = admins;
    this.spec = spec;
  }

  /** Creates what is missing; throws if the cluster cannot be asked or refuses. */
  @Override
  public void run() {
    try (Admin admin = admins.get()) {
      ensureTopics(admin);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("Could not create the relay's topics: " + cause, cause);
    }
  }

  private void ensureTopics(Admin admin)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> wanted = new LinkedHashSet<>(spec.names());
    Set<String> existing =
        admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (String name : wanted) {
      if (!existing.contains(name)) {
        missing.add(newTopic(name));
      }
    }
    if (!missing.isEmpty()) {
      Map<String, org.apache.kafka.common.KafkaFuture<Void>> results =
          admin.createTopics(missing).values();
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result :
          results.entrySet()) {
        try {
          result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          log.info(
              "Created topic {} ({} partitions, retention {})",
              result.getKey(),
              spec.partitions(),
              spec.retention());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    Map<String, TopicDescription> described =
        admin.describeTopics(wanted).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    described.forEach(
        (name, description) -> {
          int partitions = description.partitions().size();
          if (partitions != spec.partitions()) {
            log.warn(
                "Topic {} has {} partitions, not the configured {}; left as it is",
                name,
                partitions,
                spec.partitions());
          }
        });
  }

  private NewTopic newTopic(String name) {
    Optional<Short> replication =
        spec.replicationFactor() > 0 ? Optional.of(spec.replicationFactor()) : Optional.empty();
    Map<String, String> configs = new HashMap<>(spec.configs());
    configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
    return new NewTopic(name, Optional.of(spec.partitions()), replication).configs(configs);
  }
}
