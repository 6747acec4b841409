package com.reservas.reservation.adapter.in.web.admin;

import com.reservas.reservation.adapter.in.web.JsonObjectBodies;
import com.reservas.reservation.adapter.in.web.Problems;
import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory;
import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory.ClientSummary;
import com.reservas.reservation.adapter.in.web.security.ApiKeyHasher;
import com.reservas.reservation.adapter.in.web.security.ApiKeys;
import com.reservas.reservation.adapter.in.web.security.ClientQuota;
import com.reservas.reservation.application.port.in.FieldError;
import com.reservas.reservation.application.port.out.AuditRecord;
import com.reservas.reservation.application.port.out.AuditTrail;
import com.reservas.reservation.application.service.CardDataPolicy;
import com.reservas.starter.security.OperatorAuthentication;
import com.reservas.starter.security.OperatorRole;
import com.reservas.starter.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Key management for operators (the key-administration credential, {@code X-Admin-Token}): create a
 * client, whose new random key is shown once and never again (only its keyed hash is stored); list
 * clients; rotate a client's key (its reservations stay its own); revoke a key. A replaced or
 * revoked key stops working at once on this instance and within the client cache's lifetime ({@code
 * reservas.security.client-cache}) on the others. An operator can also give a client its own quota
 * (creations and reads per second over all its addresses; docs/SECURITY.md). Every change is in the
 * audit log.
 */
@RestController
@RequestMapping(path = "/admin/api-clients", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize(OperatorRole.HAS_KEY_ADMINISTRATION)
@Tag(name = "Operators: API clients", description = "Create, list and revoke API keys")
class ApiClientAdminController {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
  private static final Pattern NAME =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .,'’&()-]{0,99}");
  private static final Set<String> FIELDS = Set.of("id", "name");
  private static final Set<String> QUOTA_FIELDS = Set.of("creationsPerSecond", "readsPerSecond");

  private final ApiClientDirectory clients;
  private final ApiKeyHasher hasher;
  private final AuditTrail audit;
  private final ClientAddresses addresses;
  private final Clock clock;
  private final ObjectMapper json;

  ApiClientAdminController(
      ApiClientDirectory clients,
      ApiKeyHasher hasher,
      AuditTrail audit,
      ClientAddresses addresses,
      Clock clock,
      ObjectMapper json) {
    this.clients = clients;
    this.hasher = hasher;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
    this.json = json;
  }

  /** The answer to a create: the only time the key is ever shown. */
  record CreatedClient(String id, String name, String apiKey) {}

  @Operation(
      summary = "Create an API client",
      description =
          "Body {\"id\": \"partner-x\", \"name\": \"Partner X\"}. Answers 201 with a new random"
              + " key, shown this once; 409 when the id is taken.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> create(
      @RequestBody(required = false) String body, ServerWebExchange exchange) {
    List<FieldError> errors = new ArrayList<>();
    JsonNode root = JsonObjectBodies.read(json, body, FIELDS, errors);
    String id = text(root, "id", ID, "must be 2 to 64 of a-z, 0-9 and -", errors);
    String name =
        text(root, "name", NAME, "must be 1 to 100 letters, digits, spaces and .,'&()-", errors);
    if (!errors.isEmpty()) {
      return Mono.just(Problems.invalidInput(errors, exchange));
    }
    String key = ApiKeys.generate();
    return clients
        .create(id, name, hasher.hash(key))
        .flatMap(
            created ->
                created
                    ? record(AuditRecord.Action.API_CLIENT_CREATED, id, exchange)
                        .thenReturn(
                            ResponseEntity.created(URI.create("/admin/api-clients/" + id))
                                .contentType(MediaType.APPLICATION_JSON)
                                .<Object>body(new CreatedClient(id, name, key)))
                    : Mono.just(
                        Problems.response(
                            Problems.problem(
                                HttpStatus.CONFLICT,
                                "client-exists",
                                "Client exists",
                                "An API client with this id exists; revoke it or choose another"
                                    + " id"),
                            exchange)));
  }

  @Operation(
      summary = "Give an API client a new key",
      description =
          "200 with the new key, shown this once; the old key stops working. Also lifts a"
              + " revocation. 404 for an unknown client.")
  @PostMapping("/{id}/key")
  Mono<ResponseEntity<?>> rotate(@PathVariable String id, ServerWebExchange exchange) {
    if (!ID.matcher(id).matches()) {
      return Mono.just(notFound(exchange));
    }
    String key = ApiKeys.generate();
    return clients
        .rotate(id, hasher.hash(key))
        .flatMap(
            rotated ->
                rotated
                    ? record(AuditRecord.Action.API_CLIENT_KEY_ROTATED, id, exchange)
                        .thenReturn(
                            ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .<Object>body(new RotatedKey(id, key)))
                    : Mono.just(notFound(exchange)));
  }

  /** The answer to a rotation: the only time the new key is ever shown. */
  record RotatedKey(String id, String apiKey) {}

  /** A client's quota as it applies now, and whether it is the default. */
  record QuotaView(String id, int creationsPerSecond, int readsPerSecond, boolean defaultQuota) {}

  @Operation(
      summary = "Set an API client's quota",
      description =
          "Body {\"creationsPerSecond\": 50, \"readsPerSecond\": 200}: requests per second over all"
              + " the client's addresses, 1 to 10000; null (or absent) takes that part back to the"
              + " default. 200 with the quota as it now applies; 404 for an unknown client; 422"
              + " for an invalid one.")
  @PutMapping(path = "/{id}/quota", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<?>> setQuota(
      @PathVariable String id,
      @RequestBody(required = false) String body,
      ServerWebExchange exchange) {
    if (!ID.matcher(id).matches()) {
      return Mono.just(notFound(exchange));
    }
    List<FieldError> errors = new ArrayList<>();
    JsonNode root = JsonObjectBodies.read(json, body, QUOTA_FIELDS, errors);
    Integer creations = perSecond(root, "creationsPerSecond", errors);
    Integer reads = perSecond(root, "readsPerSecond", errors);
    if (!errors.isEmpty()) {
      return Mono.just(Problems.invalidInput(errors, exchange));
    }
    ClientQuota applied = ClientQuota.of(creations, reads, clients.defaultQuota());
    return clients
        .setQuota(id, creations, reads)
        .flatMap(
            known ->
                known
                    ? audit
                        .record(
                            new AuditRecord(
                                clock.instant(),
                                OperatorAuthentication.PRINCIPAL,
                                AuditRecord.Action.API_CLIENT_QUOTA_CHANGED,
                                null,
                                addresses.of(exchange),
                                "client "
                                    + id
                                    + " creations/s "
                                    + applied.creationsPerSecond()
                                    + " reads/s "
                                    + applied.readsPerSecond()))
                        .thenReturn(
                            ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .<Object>body(
                                    new QuotaView(
                                        id,
                                        applied.creationsPerSecond(),
                                        applied.readsPerSecond(),
                                        creations == null && reads == null)))
                    : Mono.just(notFound(exchange)));
  }

  @Operation(summary = "List API clients (never their keys)")
  @GetMapping
  Mono<List<ClientSummary>> list() {
    return clients.list().collectList();
  }

  @Operation(
      summary = "Revoke an API client's key",
      description = "204 when revoked (at once on this instance); 404 for an unknown client.")
  @PostMapping("/{id}/revocation")
  Mono<ResponseEntity<?>> revoke(@PathVariable String id, ServerWebExchange exchange) {
    if (!ID.matcher(id).matches()) {
      return Mono.just(notFound(exchange));
    }
    return clients
        .revoke(id)
        .flatMap(
            revoked ->
                revoked
                    ? record(AuditRecord.Action.API_CLIENT_REVOKED, id, exchange)
                        .thenReturn(ResponseEntity.noContent().build())
                    : Mono.just(notFound(exchange)));
  }

  private Mono<Void> record(AuditRecord.Action action, String id, ServerWebExchange exchange) {
    return audit.record(
        new AuditRecord(
            clock.instant(),
            OperatorAuthentication.PRINCIPAL,
            action,
            null,
            addresses.of(exchange),
            "client " + id));
  }

  private static ResponseEntity<?> notFound(ServerWebExchange exchange) {
    return Problems.response(
        Problems.problem(
            HttpStatus.NOT_FOUND, "not-found", "Client not found", "No API client with this id"),
        exchange);
  }

  /** An optional whole number of requests per second, 1 to {@link ClientQuota#MAX}. */
  private static Integer perSecond(JsonNode root, String field, List<FieldError> errors) {
    if (root == null) {
      return null;
    }
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < 1
        || value.intValue() > ClientQuota.MAX) {
      errors.add(new FieldError(field, "must be a whole number from 1 to " + ClientQuota.MAX));
      return null;
    }
    return value.intValue();
  }

  private static String text(
      JsonNode root, String field, Pattern format, String message, List<FieldError> errors) {
    if (root == null) {
      return null;
    }
    JsonNode value = root.get(field);
    if (value == null || value.isNull()) {
      errors.add(new FieldError(field, "is required"));
      return null;
    }
    if (!value.isString() || !format.matcher(value.stringValue()).matches()) {
      errors.add(new FieldError(field, message));
      return null;
    }
    if (CardDataPolicy.containsCardNumber(value.stringValue())) {
      errors.add(new FieldError(field, "must not contain card data"));
      return null;
    }
    return value.stringValue();
  }
}
