-- Webhooks (issue 20; docs/webhooks.md). An endpoint is a client's URL; its secret is kept sealed
-- (AES-256-GCM under reservas.webhooks.secret-key, the endpoint id authenticated with it), because
-- the dispatcher must sign with it: a hash could only verify.
CREATE TABLE webhook_endpoint (
  id            CHAR(36)      NOT NULL,
  client_id     VARCHAR(64)   NOT NULL,
  url           VARCHAR(2048) NOT NULL,
  events        VARCHAR(255)  NOT NULL,
  secret_sealed VARCHAR(255)  NOT NULL,
  enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at    DATETIME(6)   NOT NULL,
  disabled_at   DATETIME(6)   NULL,
  PRIMARY KEY (id),
  KEY ix_webhook_endpoint_client (client_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The durable schedule: one row per endpoint and event, recorded once however often the event is
-- read from Kafka; the dispatcher sends what is due, per endpoint and reservation in sequence order
-- (the snapshot's version), and moves next_attempt_at on after each failure.
CREATE TABLE webhook_delivery (
  endpoint_id      CHAR(36)     NOT NULL,
  event_id         VARCHAR(64)  NOT NULL,
  reservation_code VARCHAR(16)  NOT NULL,
  sequence_no      BIGINT       NOT NULL,
  payload          MEDIUMTEXT   NOT NULL,
  state            VARCHAR(16)  NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  created_at       DATETIME(6)  NOT NULL,
  next_attempt_at  DATETIME(6)  NULL,
  PRIMARY KEY (endpoint_id, event_id),
  KEY ix_webhook_delivery_due (state, next_attempt_at),
  KEY ix_webhook_delivery_order (endpoint_id, reservation_code, state, sequence_no),
  CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id)
    REFERENCES webhook_endpoint (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every attempt, for GET /api/v1/webhook-endpoints/{id}/deliveries.
CREATE TABLE webhook_attempt (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  endpoint_id      CHAR(36)     NOT NULL,
  event_id         VARCHAR(64)  NOT NULL,
  reservation_code VARCHAR(16)  NOT NULL,
  attempt          INT          NOT NULL,
  attempted_at     DATETIME(6)  NOT NULL,
  status_code      INT          NULL,
  error            VARCHAR(255) NULL,
  duration_ms      BIGINT       NOT NULL,
  next_retry_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  KEY ix_webhook_attempt_endpoint (endpoint_id, id),
  CONSTRAINT fk_webhook_attempt_endpoint FOREIGN KEY (endpoint_id)
    REFERENCES webhook_endpoint (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
