package com.reservas.stripe.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Stripe's search query language the stand-in understands: exact matches on metadata
 * and status, joined by {@code AND}, e.g. {@code metadata['reservation_code']:'KBSPUMAH' AND
 * status:'requires_capture'}. Anything else is refused as Stripe refuses a malformed query.
 */
final class SearchQuery {

  private static final Pattern CLAUSE =
      Pattern.compile("\\s*(metadata\\['([^']+)'\\]|status):'([^']*)'\\s*");

  private record Clause(String metadataKey, String value) {

    boolean matches(PaymentIntentRecord intent) {
      return metadataKey == null
          ? intent.status().wireName().equals(value)
          : value.equals(intent.metadata().get(metadataKey));
    }
  }

  private final List<Clause> clauses;

  private SearchQuery(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  static SearchQuery parse(String query) {
    if (query == null || query.isBlank()) {
      throw StripeApiError.missingParam("query");
    }
    List<Clause> clauses = new ArrayList<>();
    for (String part : query.split("\\s+AND\\s+")) {
      Matcher matcher = CLAUSE.matcher(part);
      if (!matcher.matches()) {
        throw StripeApiError.invalidRequest(
            "The stand-in's search supports metadata['key']:'value' and status:'value' joined by"
                + " AND; got: "
                + part,
            "query",
            "parameter_invalid_string");
      }
      clauses.add(new Clause(matcher.group(2), matcher.group(3)));
    }
    return new SearchQuery(clauses);
  }

  boolean matches(PaymentIntentRecord intent) {
    return clauses.stream().allMatch(clause -> clause.matches(intent));
  }
}
