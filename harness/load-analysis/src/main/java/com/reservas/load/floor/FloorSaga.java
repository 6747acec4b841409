package com.reservas.load.floor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The irreducible work of the reservation saga and nothing else: the same durable commits, Kafka
 * records (produced with {@code acks=all} and awaited, consumed by the same consumer groups) and
 * HTTP calls to the same stand-ins as the platform, with no business logic, no Avro, no masking, no
 * audit trail, no tracing. Per reservation: an HTTP creation and an HTTP read; 5 commits (the
 * creation, then one per applied outcome); 4 records on the reservation topic, each read by the
 * payment and the provider groups; 3 payment and 1 supplier records, read by the projector group;
 * authorize and capture at the Stripe stand-in, one booking at the supplier simulator.
 *
 * <p>Where the platform's relay reads the outbox from the binlog, the floor produces right after
 * the commit: the hop is the same, Debezium's work is not irreducible.
 */
final class FloorSaga implements AutoCloseable {

  static final String RESERVATIONS = "floor.reservations";
  static final String PAYMENTS = "floor.payments";
  static final String SUPPLIERS = "floor.suppliers";
  private static final Pattern PAYMENT_INTENT_ID =
      Pattern.compile("\"id\"\\s*:\\s*\"(pi_[^\"]+)\"");
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final List<String> OFFICES =
      List.of("MAD-AIRPORT", "BCN-AIRPORT", "VLC-AIRPORT", "SVQ-AIRPORT", "BIO-AIRPORT");
  private static final LocalDate FIRST_PICKUP = LocalDate.of(2027, 1, 4);

  private final FloorSettings settings;
  private final KafkaProducer<String, String> producer;
  private final HttpClient standIns;
  private final HttpServer api;
  private final ExecutorService apiThreads;
  private final List<Thread> consumers = new ArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final SecureRandom random = new SecureRandom();
  private final ThreadLocal<Connection> connection;
  private final List<Connection> connections = new ArrayList<>();

  /** Creation time (nanoTime) of each reservation the API accepted. */
  final Map<String, Long> createdAt = new ConcurrentHashMap<>();

  /** Creation → confirmation by the supplier, milliseconds, per reservation. */
  final Map<String, Long> confirmedAfterMillis = new ConcurrentHashMap<>();

  /** Reservations whose last outcome (the capture) was committed. */
  final Map<String, Boolean> settled = new ConcurrentHashMap<>();

  final AtomicLong commits = new AtomicLong();
  final AtomicLong produced = new AtomicLong();
  final AtomicLong consumed = new AtomicLong();
  final AtomicLong externalCalls = new AtomicLong();
  final AtomicLong failures = new AtomicLong();

  FloorSaga(FloorSettings settings) throws IOException, SQLException {
    this.settings = settings;
    prepareDatabase();
    createTopics();
    Properties producerProps = new Properties();
    producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
    standIns = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    connection =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection c = DriverManager.getConnection(settings.jdbcUrl());
                synchronized (connections) {
                  connections.add(c);
                }
                return c;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0; i < settings.consumersPerGroup(); i++) {
      consume("floor-payment", List.of(RESERVATIONS), this::payment, i);
      consume("floor-provider", List.of(RESERVATIONS), this::provider, i);
      consume("floor-projector", List.of(PAYMENTS, SUPPLIERS), this::projector, i);
    }
    apiThreads = Executors.newFixedThreadPool(settings.apiThreads(), named("floor-api"));
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    api.createContext("/floor/reservations", this::serve);
    api.setExecutor(apiThreads);
    api.start();
  }

  /** The floor's API, on a free port of localhost. */
  URI apiUri() {
    return URI.create("http://127.0.0.1:" + api.getAddress().getPort() + "/floor/reservations");
  }

  // --- the API: a creation is one commit; the relay's hop follows it ---------------------------

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestMethod().equals("POST")) {
        try (InputStream body = exchange.getRequestBody()) {
          body.readAllBytes();
        }
        String code = newCode();
        execute("INSERT INTO floor_reservation (code, status) VALUES (?, 'CREATED')", code, null);
        createdAt.put(code, System.nanoTime());
        produceAsync(RESERVATIONS, code, "CREATED|");
        answer(exchange, 201, "{\"code\":\"" + code + "\",\"status\":\"CREATED\"}");
      } else {
        String path = exchange.getRequestURI().getPath();
        String code = path.substring(path.lastIndexOf('/') + 1);
        answer(exchange, 200, "{\"code\":\"" + code + "\",\"status\":\"" + status(code) + "\"}");
      }
    } catch (SQLException | RuntimeException e) {
      failures.incrementAndGet();
      answer(exchange, 500, "{}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // --- the three consumer groups ----------------------------------------------------------------

  /** Authorizes on creation, captures once the supplier confirmed. */
  private void payment(ConsumerRecord<String, String> record) throws Exception {
    String[] event = record.value().split("\\|", -1);
    String code = record.key();
    if (event[0].equals("CREATED")) {
      produce(PAYMENTS, code, "STARTED|");
      String answer =
          stripe(
              "/v1/payment_intents",
              code + "-authorize",
              "amount=41200&currency=eur&confirm=true&capture_method=manual"
                  + "&payment_method=pm_card_visa&metadata%5Breservation_code%5D="
                  + code);
      Matcher id = PAYMENT_INTENT_ID.matcher(answer);
      if (!id.find()) {
        throw new IllegalStateException("no PaymentIntent id in " + answer);
      }
      produce(PAYMENTS, code, "AUTHORIZED|" + id.group(1));
    } else if (event[0].equals("SUPPLIER_CONFIRMED")) {
      stripe("/v1/payment_intents/" + event[1] + "/capture", code + "-capture", "");
      produce(PAYMENTS, code, "CAPTURED|" + event[1]);
    }
  }

  /** Books a car once the reservation is paid. */
  private void provider(ConsumerRecord<String, String> record) throws Exception {
    String[] event = record.value().split("\\|", -1);
    if (!event[0].equals("PAID")) {
      return;
    }
    String code = record.key();
    // Spread over offices and days, as the load's reservations are, so that the simulator's
    // fleet (RESERVAS_SUPPLIER_FLEET_SIZE cars per office and category) does not run out: a
    // rejection would end the saga early.
    int spread = Math.floorMod(code.hashCode(), OFFICES.size() * 1500);
    String office = OFFICES.get(spread % OFFICES.size());
    LocalDate day = FIRST_PICKUP.plusDays(spread / OFFICES.size());
    String booking =
        "{\"requestId\":\""
            + code
            + "-book\",\"reservationCode\":\""
            + code
            + "\",\"officeCode\":\""
            + office
            + "\",\"dropoffOfficeCode\":\""
            + office
            + "\",\"categoryCode\":\"CDAR\",\"pickupAt\":\""
            + day
            + "T09:30:00\",\"dropoffAt\":\""
            + day.plusDays(1)
            + "T18:00:00\",\"driver\":{\"firstName\":\"Ana\",\"lastName\":\"Garcia\"}}";
    call(
        HttpRequest.newBuilder(URI.create(settings.supplier() + "/v1/bookings"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(booking))
            .build());
    produce(SUPPLIERS, code, "CONFIRMED|" + event[1]);
  }

  /** Applies each outcome in one commit and announces the new status. */
  private void projector(ConsumerRecord<String, String> record) throws Exception {
    String[] event = record.value().split("\\|", -1);
    String code = record.key();
    String status =
        switch (event[0]) {
          case "STARTED" -> "PAYMENT_IN_PROGRESS";
          case "AUTHORIZED" -> "PAID";
          case "CONFIRMED" -> "SUPPLIER_CONFIRMED";
          case "CAPTURED" -> "CAPTURED";
          default -> throw new IllegalArgumentException("unknown outcome " + event[0]);
        };
    execute("UPDATE floor_reservation SET status = ? WHERE code = ?", status, code);
    switch (status) {
      case "SUPPLIER_CONFIRMED" -> {
        Long created = createdAt.get(code);
        if (created != null) {
          confirmedAfterMillis.put(
              code, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - created));
        }
        produce(RESERVATIONS, code, status + "|" + event[1]);
      }
      case "CAPTURED" -> settled.put(code, Boolean.TRUE);
      default -> produce(RESERVATIONS, code, status + "|" + event[1]);
    }
  }

  private interface Handler {
    void handle(ConsumerRecord<String, String> record) throws Exception;
  }

  private void consume(String group, List<String> topics, Handler handler, int index) {
    Thread thread =
        new Thread(
            () -> {
              Properties props = new Properties();
              props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
              props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
              props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
              props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
              try (KafkaConsumer<String, String> consumer =
                  new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(topics);
                while (running.get()) {
                  var records = consumer.poll(Duration.ofMillis(100));
                  for (ConsumerRecord<String, String> record : records) {
                    consumed.incrementAndGet();
                    try {
                      handler.handle(record);
                    } catch (Exception e) {
                      failures.incrementAndGet();
                    }
                  }
                  if (!records.isEmpty()) {
                    consumer.commitSync();
                  }
                }
              }
            },
            group + "-" + index);
    thread.setDaemon(true);
    thread.start();
    consumers.add(thread);
  }

  // --- the hops ---------------------------------------------------------------------------------

  private void produce(String topic, String key, String value)
      throws InterruptedException, ExecutionException {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
    produced.incrementAndGet();
  }

  private void produceAsync(String topic, String key, String value) {
    producer.send(
        new ProducerRecord<>(topic, key, value),
        (metadata, e) -> {
          if (e == null) {
            produced.incrementAndGet();
          } else {
            failures.incrementAndGet();
          }
        });
  }

  private String stripe(String path, String idempotencyKey, String form)
      throws IOException, InterruptedException {
    return call(
        HttpRequest.newBuilder(URI.create(settings.stripe() + path))
            .header("Authorization", "Bearer sk_test_floor")
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private String call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = standIns.send(request, HttpResponse.BodyHandlers.ofString());
    externalCalls.incrementAndGet();
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return response.body();
  }

  private void execute(String sql, String first, String second) throws SQLException {
    try (PreparedStatement statement = connection.get().prepareStatement(sql)) {
      statement.setString(1, first);
      if (second != null) {
        statement.setString(2, second);
      }
      statement.executeUpdate();
    }
    commits.incrementAndGet();
  }

  private String status(String code) throws SQLException {
    try (PreparedStatement statement =
        connection.get().prepareStatement("SELECT status FROM floor_reservation WHERE code = ?")) {
      statement.setString(1, code);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : "UNKNOWN";
      }
    }
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  // --- set-up -----------------------------------------------------------------------------------

  private void prepareDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(settings.jdbcUrl());
        Statement statement = c.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS floor_reservation");
      statement.execute(
          "CREATE TABLE floor_reservation (code CHAR(8) PRIMARY KEY, status VARCHAR(24) NOT NULL)"
              + " ENGINE=InnoDB");
    }
  }

  private void createTopics() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka());
    try (Admin admin = Admin.create(props)) {
      for (String topic : List.of(RESERVATIONS, PAYMENTS, SUPPLIERS)) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, settings.partitions(), (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create " + topic, e);
          }
        } catch (Exception e) {
          throw new IllegalStateException("cannot create " + topic, e);
        }
      }
    }
  }

  static ThreadFactory named(String prefix) {
    AtomicLong count = new AtomicLong();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    running.set(false);
    api.stop(0);
    apiThreads.shutdownNow();
    for (Thread consumer : consumers) {
      try {
        consumer.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(Duration.ofSeconds(5));
    synchronized (connections) {
      connections.forEach(
          c -> {
            try {
              c.close();
            } catch (SQLException e) {
              // closing at exit: nothing to do
            }
          });
    }
  }
}
