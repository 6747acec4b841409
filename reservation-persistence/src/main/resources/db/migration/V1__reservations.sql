-- Reservas schema. Runs unchanged on MySQL 8.4 and MariaDB 10.11+ (InnoDB, utf8mb4).
-- Times are UTC in DATETIME(6) (no 2038 limit, microseconds kept); office-local pickup and
-- drop-off times are stored as the customer gave them, with the office's time zone.

CREATE TABLE office (
  code        VARCHAR(16)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  city        VARCHAR(64)  NOT NULL,
  time_zone   VARCHAR(40)  NOT NULL,
  opens_at    TIME         NOT NULL,
  closes_at   TIME         NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE supplier (
  code        VARCHAR(16)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE vehicle_category (
  code        CHAR(4)       NOT NULL,
  description VARCHAR(100)  NOT NULL,
  daily_rate  DECIMAL(10,2) NOT NULL,
  currency    CHAR(3)       NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which supplier rents which category at which office.
CREATE TABLE supplier_coverage (
  supplier_code VARCHAR(16) NOT NULL,
  office_code   VARCHAR(16) NOT NULL,
  category_code CHAR(4)     NOT NULL,
  PRIMARY KEY (supplier_code, office_code, category_code),
  CONSTRAINT fk_coverage_supplier FOREIGN KEY (supplier_code) REFERENCES supplier (code),
  CONSTRAINT fk_coverage_office FOREIGN KEY (office_code) REFERENCES office (code),
  CONSTRAINT fk_coverage_category FOREIGN KEY (category_code) REFERENCES vehicle_category (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The aggregate. The code is the primary key: its uniqueness is enforced here, and a collision on
-- insert makes the service draw another code. `version` is the compare-and-set column.
CREATE TABLE reservation (
  code                       CHAR(8)       NOT NULL,
  client_id                  VARCHAR(64)   NOT NULL,
  idempotency_key            VARCHAR(128)  NULL,
  request_hash               CHAR(64)      NULL,
  status                     VARCHAR(24)   NOT NULL,
  payment_status             VARCHAR(16)   NOT NULL,
  supplier_status            VARCHAR(16)   NOT NULL,
  category_code              CHAR(4)       NOT NULL,
  supplier_code              VARCHAR(16)   NOT NULL,
  pickup_office_code         VARCHAR(16)   NOT NULL,
  pickup_at                  DATETIME      NOT NULL,
  pickup_time_zone           VARCHAR(40)   NOT NULL,
  dropoff_office_code        VARCHAR(16)   NOT NULL,
  dropoff_at                 DATETIME      NOT NULL,
  dropoff_time_zone          VARCHAR(40)   NOT NULL,
  price_amount               DECIMAL(10,2) NOT NULL,
  price_currency             CHAR(3)       NOT NULL,
  payment_method_token       VARCHAR(255)  NOT NULL,
  payment_intent_id          VARCHAR(255)  NULL,
  supplier_booking_reference VARCHAR(64)   NULL,
  cancellation_reason        VARCHAR(500)  NULL,
  version                    BIGINT        NOT NULL,
  created_at                 DATETIME(6)   NOT NULL,
  updated_at                 DATETIME(6)   NOT NULL,
  PRIMARY KEY (code),
  UNIQUE KEY uk_reservation_idempotency (client_id, idempotency_key),
  KEY ix_reservation_status_updated (status, updated_at),
  CONSTRAINT fk_reservation_category FOREIGN KEY (category_code) REFERENCES vehicle_category (code),
  CONSTRAINT fk_reservation_supplier FOREIGN KEY (supplier_code) REFERENCES supplier (code),
  CONSTRAINT fk_reservation_pickup FOREIGN KEY (pickup_office_code) REFERENCES office (code),
  CONSTRAINT fk_reservation_dropoff FOREIGN KEY (dropoff_office_code) REFERENCES office (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The driver's personal data, apart from the aggregate so it can be erased or encrypted alone.
CREATE TABLE reservation_contact (
  reservation_code CHAR(8)      NOT NULL,
  first_name       VARCHAR(60)  NOT NULL,
  last_name        VARCHAR(60)  NOT NULL,
  email            VARCHAR(254) NOT NULL,
  phone            VARCHAR(16)  NOT NULL,
  PRIMARY KEY (reservation_code),
  CONSTRAINT fk_contact_reservation FOREIGN KEY (reservation_code) REFERENCES reservation (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per status reached; the unique key makes a second row for a status impossible.
CREATE TABLE reservation_status_history (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  reservation_code CHAR(8)      NOT NULL,
  status           VARCHAR(24)  NOT NULL,
  reason           VARCHAR(500) NULL,
  changed_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_history_status (reservation_code, status),
  CONSTRAINT fk_history_reservation FOREIGN KEY (reservation_code) REFERENCES reservation (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The transactional outbox, read from the binlog by the relay (Debezium Outbox Event Router).
-- Writers insert and delete a row in the same transaction: the binlog keeps the insert, the
-- table stays empty.
CREATE TABLE outbox_event (
  id             CHAR(36)     NOT NULL,
  aggregate_type VARCHAR(64)  NOT NULL,
  aggregate_id   VARCHAR(64)  NOT NULL,
  event_type     VARCHAR(128) NOT NULL,
  payload        LONGBLOB     NOT NULL,
  traceparent    VARCHAR(64)  NULL,
  created_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events a consumer has processed, written in the transaction of their effect.
CREATE TABLE inbox_event (
  consumer     VARCHAR(64) NOT NULL,
  event_id     CHAR(36)    NOT NULL,
  processed_at DATETIME(6) NOT NULL,
  PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Masked request and response of every call to Stripe and to the supplier.
CREATE TABLE external_call (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  reservation_code CHAR(8)      NOT NULL,
  event_id         CHAR(36)     NOT NULL,
  operation        VARCHAR(64)  NOT NULL,
  request_id       VARCHAR(128) NOT NULL,
  method           VARCHAR(8)   NOT NULL,
  url              VARCHAR(500) NOT NULL,
  request_body     MEDIUMTEXT   NULL,
  response_status  INT          NOT NULL,
  response_body    MEDIUMTEXT   NULL,
  started_at       DATETIME(6)  NOT NULL,
  duration_millis  BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY ix_external_call_reservation (reservation_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who did what, when, from where, to which reservation. Details are masked.
CREATE TABLE audit_log (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at      DATETIME(6)   NOT NULL,
  actor            VARCHAR(64)   NOT NULL,
  action           VARCHAR(64)   NOT NULL,
  reservation_code CHAR(8)       NULL,
  source_ip        VARCHAR(45)   NULL,
  details          VARCHAR(1000) NULL,
  PRIMARY KEY (id),
  KEY ix_audit_reservation (reservation_code),
  KEY ix_audit_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- API clients. Keys are stored as HMAC-SHA-256 under a server secret, never in clear.
CREATE TABLE api_client (
  id         VARCHAR(64)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  key_hash   CHAR(64)     NOT NULL,
  revoked    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_api_client_key (key_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
