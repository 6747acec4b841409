package com.reservas.notification;

import com.reservas.reservation.adapter.out.persistence.WebhookPersistenceConfiguration;
import com.reservas.starter.ServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

/**
 * The notification dispatcher: reservation events in, signed webhooks out (docs/webhooks.md).
 * Scaled on its own: more replicas share the topic's partitions to record deliveries; one of them
 * at a time (the lease holder) sends.
 */
@SpringBootApplication
@Import({WebhookPersistenceConfiguration.class, NotificationDispatcherConfiguration.class})
public class NotificationDispatcherApplication {

  /** Its configuration file is {@code notification-dispatcher.yml}. */
  public static final String CONFIG_NAME = "notification-dispatcher";

  public static void main(String[] args) {
    application().run(args);
  }

  /** The application as {@code main} runs it; the local platform launcher runs it the same way. */
  public static SpringApplicationBuilder application() {
    return ServiceApplication.builder(NotificationDispatcherApplication.class, CONFIG_NAME);
  }
}
