package com.reservas.reservation.application.service;

import com.reservas.privacy.CardNumbers;

/**
 * PCI-DSS guard: Reservas only ever accepts Stripe tokens. Any text that holds a card number — 13
 * to 19 digits passing the Luhn check, in any script (after Unicode NFKC: full-width, Arabic-Indic
 * and other digits count), with any spaces, dots, slashes, underscores or dashes between them — is
 * refused before it can be stored, logged or sent anywhere. The rule is the privacy module's {@link
 * CardNumbers}, which the log masker applies too; canonical UUIDs are not card numbers.
 */
public final class CardDataPolicy {

  private CardDataPolicy() {}

  public static boolean containsCardNumber(String text) {
    return CardNumbers.contains(text);
  }
}
