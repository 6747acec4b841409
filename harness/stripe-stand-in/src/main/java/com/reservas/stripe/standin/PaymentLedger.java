package com.reservas.stripe.standin;

import com.reservas.standin.kit.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The stand-in's books: every PaymentIntent and refund, the PaymentIntent lifecycle as Stripe
 * enforces it (authorize, capture, cancel, refund), and the per-reservation tally that tests use to
 * prove nothing was charged twice. All state changes happen under one lock.
 */
final class PaymentLedger {

  /**
   * One change of the books as the journal keeps it: the PaymentIntent or refund as it now is, the
   * reservation's tally and the totals after the change, or that everything was forgotten.
   */
  record LedgerChange(
      PaymentIntentRecord paymentIntent,
      RefundRecord refund,
      String reservationCode,
      ReservationCharges charges,
      ReservationCharges totals,
      boolean cleared) {}

  /** The parameters of {@code POST /v1/payment_intents} that the ledger acts on. */
  record NewPaymentIntent(
      long amount,
      String currency,
      String captureMethod,
      String paymentMethod,
      List<String> paymentMethodTypes,
      Map<String, String> metadata,
      String description,
      boolean confirm) {}

  /** Smallest amount Stripe charges, in minor units (e.g. 0.50 EUR). */
  static final long MINIMUM_AMOUNT = 50;

  private static final Set<String> CAPTURE_METHODS =
      Set.of("automatic", "automatic_async", "manual");
  private static final Set<String> CANCELLATION_REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");
  private static final Set<String> REFUND_REASONS =
      Set.of("duplicate", "fraudulent", "requested_by_customer");
  private static final Set<PaymentIntentStatus> CONFIRMABLE =
      Set.of(
          PaymentIntentStatus.REQUIRES_PAYMENT_METHOD,
          PaymentIntentStatus.REQUIRES_CONFIRMATION,
          PaymentIntentStatus.REQUIRES_ACTION);
  private static final Set<PaymentIntentStatus> CANCELABLE =
      Set.of(
          PaymentIntentStatus.REQUIRES_PAYMENT_METHOD,
          PaymentIntentStatus.REQUIRES_CAPTURE,
          PaymentIntentStatus.REQUIRES_CONFIRMATION,
          PaymentIntentStatus.REQUIRES_ACTION,
          PaymentIntentStatus.PROCESSING);

  private final Clock clock;
  private final Map<String, PaymentIntentRecord> paymentIntents = new LinkedHashMap<>();
  private final Map<String, String> paymentIntentIdByCharge = new HashMap<>();
  private final Map<String, RefundRecord> refunds = new LinkedHashMap<>();
  private final Map<String, ReservationCharges> byReservation = new TreeMap<>();
  private ReservationCharges totals = ReservationCharges.NONE;
  private Journal<LedgerChange> journal = Journal.inMemory();

  PaymentLedger(Clock clock) {
    this.clock = clock;
  }

  /** Reads the books back from {@code file} and keeps every later change there. */
  synchronized void keepBooksIn(Path file) {
    journal = Journal.open(file, LedgerChange.class, this::replay, this::current);
  }

  synchronized PaymentIntentRecord create(NewPaymentIntent request) {
    if (request.amount() < MINIMUM_AMOUNT) {
      throw StripeApiError.invalidRequest(
          "Amount must be at least "
              + MINIMUM_AMOUNT
              + " in the smallest currency unit ("
              + request.currency()
              + ").",
          "amount",
          "amount_too_small");
    }
    if (!request.currency().matches("[a-z]{3}")) {
      throw StripeApiError.invalidRequest(
          "Invalid currency: " + request.currency() + ".", "currency", "parameter_invalid_string");
    }
    if (!CAPTURE_METHODS.contains(request.captureMethod())) {
      throw StripeApiError.invalidRequest(
          "Invalid capture_method: must be one of automatic, automatic_async, or manual",
          "capture_method",
          null);
    }
    if (request.paymentMethod() != null) {
      knownPaymentMethod(request.paymentMethod());
    } else if (request.confirm()) {
      throw missingPaymentMethod(null);
    }
    String id = StripeIds.paymentIntent();
    PaymentIntentRecord created =
        new PaymentIntentRecord(
            id,
            request.amount(),
            0,
            0,
            0,
            request.currency(),
            request.paymentMethod() == null
                ? PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                : PaymentIntentStatus.REQUIRES_CONFIRMATION,
            request.captureMethod(),
            request.paymentMethod(),
            request.paymentMethodTypes().isEmpty() ? List.of("card") : request.paymentMethodTypes(),
            request.metadata(),
            request.description(),
            null,
            StripeIds.clientSecret(id),
            clock.instant().getEpochSecond(),
            null,
            null,
            null);
    keep(created, null, ReservationCharges::plusPaymentIntent);
    return request.confirm() ? authorize(created) : created;
  }

  synchronized PaymentIntentRecord confirm(String id, String paymentMethod) {
    PaymentIntentRecord current = paymentIntent(id);
    if (!CONFIRMABLE.contains(current.status())) {
      throw StripeApiError.unexpectedState(
          "You cannot confirm this PaymentIntent because it has a status of "
              + current.status().wireName()
              + ". Only a PaymentIntent with one of the following statuses may be confirmed:"
              + " requires_payment_method, requires_confirmation, requires_action.",
          current);
    }
    PaymentIntentRecord withMethod = current;
    if (paymentMethod != null) {
      knownPaymentMethod(paymentMethod);
      withMethod = current.withPaymentMethod(paymentMethod);
    } else if (current.paymentMethod() == null) {
      throw missingPaymentMethod(current);
    }
    return authorize(withMethod);
  }

  synchronized PaymentIntentRecord capture(String id, OptionalLong amountToCapture) {
    PaymentIntentRecord current = paymentIntent(id);
    if (current.status() != PaymentIntentStatus.REQUIRES_CAPTURE) {
      throw StripeApiError.unexpectedState(
          "This PaymentIntent could not be captured because it has a status of "
              + current.status().wireName()
              + ". Only a PaymentIntent with one of the following statuses may be captured:"
              + " requires_capture.",
          current);
    }
    long amount = amountToCapture.orElse(current.amountCapturable());
    if (amount < 1 || amount > current.amountCapturable()) {
      throw StripeApiError.invalidRequest(
          "The amount to capture must be positive and at most the amount capturable ("
              + current.amountCapturable()
              + ").",
          "amount_to_capture",
          "amount_too_large");
    }
    PaymentIntentRecord captured = current.captured(amount);
    keep(captured, null, charges -> charges.plusCapture(amount));
    return captured;
  }

  synchronized PaymentIntentRecord cancel(String id, String reason) {
    PaymentIntentRecord current = paymentIntent(id);
    if (reason != null && !CANCELLATION_REASONS.contains(reason)) {
      throw StripeApiError.invalidRequest(
          "Invalid cancellation_reason: must be one of abandoned, duplicate, fraudulent, or"
              + " requested_by_customer",
          "cancellation_reason",
          null);
    }
    if (!CANCELABLE.contains(current.status())) {
      throw StripeApiError.unexpectedState(
          "You cannot cancel this PaymentIntent because it has a status of "
              + current.status().wireName()
              + ". Only a PaymentIntent with one of the following statuses may be canceled:"
              + " requires_payment_method, requires_capture, requires_confirmation,"
              + " requires_action, processing.",
          current);
    }
    PaymentIntentRecord canceled = current.canceled(clock.instant().getEpochSecond(), reason);
    keep(canceled, null, ReservationCharges::plusVoid);
    return canceled;
  }

  synchronized PaymentIntentRecord paymentIntent(String id) {
    PaymentIntentRecord found = paymentIntents.get(id);
    if (found == null) {
      throw StripeApiError.noSuchInPath("payment_intent", id, "intent");
    }
    return found;
  }

  synchronized RefundRecord refund(
      String paymentIntentId,
      String chargeId,
      OptionalLong requestedAmount,
      String reason,
      Map<String, String> metadata) {
    PaymentIntentRecord refunded = refundTarget(paymentIntentId, chargeId);
    if (reason != null && !REFUND_REASONS.contains(reason)) {
      throw StripeApiError.invalidRequest(
          "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer",
          "reason",
          null);
    }
    if (refunded.status() != PaymentIntentStatus.SUCCEEDED) {
      throw StripeApiError.unexpectedState(
          "This PaymentIntent (" + refunded.id() + ") does not have a successful charge to refund.",
          refunded);
    }
    long refundable = refunded.amountReceived() - refunded.amountRefunded();
    if (refundable == 0) {
      throw StripeApiError.invalidRequest(
          "Charge " + refunded.latestCharge() + " has already been refunded.",
          null,
          "charge_already_refunded");
    }
    long amount = requestedAmount.orElse(refundable);
    if (amount < 1) {
      throw StripeApiError.invalidRequest(
          "Invalid positive integer", "amount", "parameter_invalid_integer");
    }
    if (amount > refundable) {
      throw StripeApiError.invalidRequest(
          "Refund amount ("
              + amount
              + ") is greater than unrefunded amount on charge ("
              + refundable
              + ")",
          "amount",
          "amount_too_large");
    }
    RefundRecord refund =
        new RefundRecord(
            StripeIds.refund(),
            amount,
            refunded.currency(),
            refunded.id(),
            refunded.latestCharge(),
            reason,
            metadata,
            clock.instant().getEpochSecond());
    keep(refunded.refunded(amount), refund, charges -> charges.plusRefund(amount));
    return refund;
  }

  synchronized RefundRecord refundById(String id) {
    RefundRecord found = refunds.get(id);
    if (found == null) {
      throw StripeApiError.noSuchInPath("refund", id, "refund");
    }
    return found;
  }

  synchronized Optional<PaymentIntentRecord> find(String id) {
    return Optional.ofNullable(paymentIntents.get(id));
  }

  /** The PaymentIntents matching {@code query}, newest first, as Stripe's search lists them. */
  synchronized List<PaymentIntentRecord> search(SearchQuery query) {
    List<PaymentIntentRecord> found = new ArrayList<>();
    for (PaymentIntentRecord record : paymentIntents.values()) {
      if (query.matches(record)) {
        found.add(0, record);
      }
    }
    return List.copyOf(found);
  }

  synchronized List<PaymentIntentRecord> paymentIntentsFor(String reservationCode) {
    List<PaymentIntentRecord> found = new ArrayList<>();
    for (PaymentIntentRecord record : paymentIntents.values()) {
      if (record.reservationCode().filter(reservationCode::equals).isPresent()) {
        found.add(record);
      }
    }
    return List.copyOf(found);
  }

  synchronized ReservationCharges totals() {
    return totals;
  }

  synchronized Map<String, ReservationCharges> byReservation() {
    return Map.copyOf(byReservation);
  }

  synchronized ReservationCharges chargesFor(String reservationCode) {
    return byReservation.getOrDefault(reservationCode, ReservationCharges.NONE);
  }

  synchronized void clear() {
    forgetAll();
    journal.append(new LedgerChange(null, null, null, null, null, true));
  }

  private void forgetAll() {
    paymentIntents.clear();
    paymentIntentIdByCharge.clear();
    refunds.clear();
    byReservation.clear();
    totals = ReservationCharges.NONE;
  }

  /** Runs the card through its test-mode outcome: held for capture, or declined. */
  private PaymentIntentRecord authorize(PaymentIntentRecord confirming) {
    TestPaymentMethod card = knownPaymentMethod(confirming.paymentMethod());
    String chargeId = StripeIds.charge();
    Optional<TestPaymentMethod.CardDecline> decline = card.decline();
    if (decline.isPresent()) {
      PaymentIntentRecord declined = confirming.declined(chargeId, decline.get());
      keep(declined, null, ReservationCharges::plusDecline);
      throw StripeApiError.cardDeclined(decline.get(), chargeId, declined, card);
    }
    PaymentIntentRecord authorized = confirming.authorized(chargeId);
    boolean captured = authorized.status() == PaymentIntentStatus.SUCCEEDED;
    keep(
        authorized,
        null,
        charges -> {
          ReservationCharges after = charges.plusAuthorization();
          return captured ? after.plusCapture(authorized.amountReceived()) : after;
        });
    return authorized;
  }

  private PaymentIntentRecord refundTarget(String paymentIntentId, String chargeId) {
    if (paymentIntentId != null) {
      PaymentIntentRecord found = paymentIntents.get(paymentIntentId);
      if (found == null) {
        throw StripeApiError.noSuchParameter("payment_intent", paymentIntentId, "payment_intent");
      }
      return found;
    }
    if (chargeId != null) {
      String owner = paymentIntentIdByCharge.get(chargeId);
      if (owner == null) {
        throw StripeApiError.noSuchParameter("charge", chargeId, "charge");
      }
      return paymentIntent(owner);
    }
    throw StripeApiError.invalidRequest(
        "One of the following params should be provided for this request: payment_intent or"
            + " charge.",
        null,
        "parameter_missing");
  }

  private static TestPaymentMethod knownPaymentMethod(String paymentMethodId) {
    return TestPaymentMethod.byId(paymentMethodId)
        .orElseThrow(
            () ->
                StripeApiError.noSuchParameter("PaymentMethod", paymentMethodId, "payment_method"));
  }

  private static StripeApiError missingPaymentMethod(PaymentIntentRecord paymentIntent) {
    return StripeApiError.unexpectedState(
        "You cannot confirm this PaymentIntent because it's missing a payment method. Update the"
            + " payment_method and confirm again.",
        paymentIntent);
  }

  /** Records a PaymentIntent as it now is (and a refund of it), tallies the change, journals it. */
  private void keep(
      PaymentIntentRecord record, RefundRecord refund, UnaryOperator<ReservationCharges> change) {
    paymentIntents.put(record.id(), record);
    if (record.latestCharge() != null) {
      paymentIntentIdByCharge.put(record.latestCharge(), record.id());
    }
    if (refund != null) {
      refunds.put(refund.id(), refund);
    }
    totals = change.apply(totals);
    String code = record.reservationCode().orElse(null);
    ReservationCharges charges = null;
    if (code != null) {
      charges = change.apply(byReservation.getOrDefault(code, ReservationCharges.NONE));
      byReservation.put(code, charges);
    }
    journal.append(new LedgerChange(record, refund, code, charges, totals, false));
  }

  private void replay(LedgerChange change) {
    if (change.cleared()) {
      forgetAll();
      return;
    }
    if (change.paymentIntent() != null) {
      PaymentIntentRecord record = change.paymentIntent();
      paymentIntents.put(record.id(), record);
      if (record.latestCharge() != null) {
        paymentIntentIdByCharge.put(record.latestCharge(), record.id());
      }
    }
    if (change.refund() != null) {
      refunds.put(change.refund().id(), change.refund());
    }
    if (change.reservationCode() != null && change.charges() != null) {
      byReservation.put(change.reservationCode(), change.charges());
    }
    if (change.totals() != null) {
      totals = change.totals();
    }
  }

  /** The books as one change per PaymentIntent and refund: what a compacted journal holds. */
  private Stream<LedgerChange> current() {
    Stream<LedgerChange> intents =
        paymentIntents.values().stream()
            .map(
                record -> {
                  String code = record.reservationCode().orElse(null);
                  return new LedgerChange(
                      record,
                      null,
                      code,
                      code == null ? null : byReservation.get(code),
                      null,
                      false);
                });
    Stream<LedgerChange> refunded =
        refunds.values().stream().map(r -> new LedgerChange(null, r, null, null, null, false));
    return Stream.concat(
        Stream.concat(intents, refunded),
        Stream.of(new LedgerChange(null, null, null, null, totals, false)));
  }
}
