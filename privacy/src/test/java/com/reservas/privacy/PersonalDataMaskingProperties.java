package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * docs/spec.md §9 "masking" and "no untokenized card data": whatever personal value or secret is
 * embedded in whatever text or JSON, the masked output never contains it, and the text around it
 * survives.
 */
class PersonalDataMaskingProperties {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  @Property
  void anEmailInFreeTextIsNeverShown(
      @ForAll("filler") String before,
      @ForAll("emails") String email,
      @ForAll("filler") String after) {
    assertMaskedAndSurrounded(before, email, after);
  }

  @Property
  void aPhoneNumberInFreeTextIsNeverShown(
      @ForAll("filler") String before,
      @ForAll("phones") String phone,
      @ForAll("filler") String after) {
    assertMaskedAndSurrounded(before, phone, after);
  }

  @Property
  void aCardNumberInFreeTextIsNeverShown(
      @ForAll("filler") String before,
      @ForAll("cards") String card,
      @ForAll("filler") String after) {
    String masked = assertMaskedAndSurrounded(before, card, after);
    assertThat(masked).doesNotContain(card.replaceAll("\\D", "")).contains("[card]");
  }

  @Property(tries = 5_000)
  void aUuidInALogLineSurvivesWhole(
      @ForAll("filler") String before, @ForAll long most, @ForAll long least) {
    String line = before + " event " + new UUID(most, least) + " for K7Q2MZ4P";

    assertThat(masker.maskText(line)).isEqualTo(line);
  }

  @Property
  void aPhoneOrCardNextToAUuidIsStillMasked(
      @ForAll long bits, @ForAll("phones") String phone, @ForAll("cards") String card) {
    String uuid = new UUID(bits, ~bits).toString();

    String masked = masker.maskText(uuid + " phone " + phone + " card " + card + " " + uuid);

    assertThat(masked)
        .startsWith(uuid)
        .endsWith(uuid)
        .doesNotContain(phone)
        .doesNotContain(card.replaceAll("\\D", ""))
        .contains("[card]");
  }

  @Property
  void aStripeTokenOrKeyInFreeTextIsNeverShown(
      @ForAll("filler") String before,
      @ForAll("tokens") String token,
      @ForAll("filler") String after) {
    assertMaskedAndSurrounded(before, token, after);
  }

  @Property
  void personalFieldsOfAJsonDocumentAreNeverShownAndOtherFieldsSurvive(
      @ForAll("names") String firstName,
      @ForAll("names") String lastName,
      @ForAll("emails") String email,
      @ForAll("phones") String phone,
      @ForAll("tokens") String token,
      @ForAll("cards") String card,
      @ForAll("filler") String note,
      @ForAll("words") String officeCode) {
    String json =
        "{\"customer\":{\"firstName\":\""
            + firstName
            + "\",\"lastName\":\""
            + lastName
            + "\",\"email\":\""
            + email
            + "\",\"phone\":\""
            + phone
            + "\"},\"paymentMethodToken\":\""
            + token
            + "\",\"note\":\""
            + note
            + " card "
            + card
            + "\",\"pickup\":{\"officeCode\":\""
            + officeCode
            + "\",\"at\":\"2027-03-10T09:30:00\"},\"amount\":41200}";

    String masked = masker.maskText(json);

    assertThat(masked)
        .doesNotContain(firstName, lastName, email, phone, token, card)
        .contains(note, officeCode, "2027-03-10T09:30:00", "\"amount\":41200");
  }

  @Property
  void maskingIsIdempotent(
      @ForAll("filler") String text,
      @ForAll("emails") String email,
      @ForAll("phones") String phone,
      @ForAll("names") String name,
      @ForAll("cards") String card) {
    String input =
        "{\"name\":\""
            + name
            + "\",\"phone\":\""
            + phone
            + "\"} "
            + text
            + " "
            + email
            + " "
            + card;
    String once = masker.maskText(input);

    assertThat(masker.maskText(once)).isEqualTo(once);
  }

  @Property
  void fieldMaskersNeverReturnTheValue(
      @ForAll("emails") String email,
      @ForAll("phones") String phone,
      @ForAll("names") String name,
      @ForAll("tokens") String token) {
    assertThat(masker.maskEmail(email)).isNotEqualTo(email).doesNotContain(email);
    assertThat(masker.maskPhone(phone)).doesNotContain(phone);
    assertThat(masker.maskName(name)).doesNotContain(name);
    assertThat(masker.maskToken(token)).doesNotContain(token);
  }

  private String assertMaskedAndSurrounded(String before, String secret, String after) {
    String masked = masker.maskText(before + " " + secret + " " + after);
    assertThat(masked).doesNotContain(secret).startsWith(before).endsWith(after);
    return masked;
  }

  @Provide
  Arbitrary<String> filler() {
    Arbitrary<String> word = words();
    Arbitrary<String> punctuation = Arbitraries.of("", "", "", ",", ".", "!", "?");
    return Combinators.combine(word, punctuation)
        .as((w, p) -> w + p)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(parts -> String.join(" ", parts));
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> emails() {
    Arbitrary<String> local =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(1),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .withCharRange('0', '9')
                    .withChars('.', '_', '+', '-')
                    .ofMaxLength(15))
            .as(String::concat);
    Arbitrary<String> label =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(10);
    Arbitrary<String> tld = Arbitraries.of("com", "es", "org", "io", "travel");
    return Combinators.combine(local, label, label.list().ofMaxSize(2), tld)
        .as(
            (l, domain, subdomains, t) ->
                l
                    + "@"
                    + String.join("", subdomains.stream().map(s -> s + ".").toList())
                    + domain
                    + "."
                    + t);
  }

  @Provide
  Arbitrary<String> phones() {
    Arbitrary<String> countryCode = Arbitraries.integers().between(1, 999).map(String::valueOf);
    Arbitrary<String> nine = digits(9).filter(d -> d.charAt(0) != '0');
    Arbitrary<String> ten = digits(10).filter(d -> d.charAt(0) != '0');
    return Arbitraries.oneOf(
        Combinators.combine(countryCode, nine)
            .as(
                (cc, n) ->
                    "+"
                        + cc
                        + " "
                        + n.substring(0, 3)
                        + " "
                        + n.substring(3, 6)
                        + " "
                        + n.substring(6)),
        Combinators.combine(countryCode, nine).as((cc, n) -> "+" + cc + n),
        Combinators.combine(countryCode, nine).as((cc, n) -> "00" + cc + " " + n),
        nine.map(n -> n.substring(0, 3) + "-" + n.substring(3, 6) + "-" + n.substring(6)),
        ten.map(n -> "(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6)),
        nine);
  }

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> first =
        Arbitraries.strings().withCharRange('A', 'Z').withChars('Á', 'Ñ').ofLength(1);
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('á', 'é', 'ñ', 'ü')
            .ofMinLength(3)
            .ofMaxLength(11);
    return Combinators.combine(first, rest).as(String::concat);
  }

  @Provide
  Arbitrary<String> tokens() {
    Arbitrary<String> body =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('0', '9')
            .ofMinLength(4)
            .ofMaxLength(30);
    Arbitrary<String> prefix =
        Arbitraries.of("pm_", "pm_card_", "sk_test_", "sk_live_", "rk_live_", "rk_test_", "tok_");
    return Combinators.combine(prefix, body).as(String::concat);
  }

  @Provide
  Arbitrary<String> cards() {
    Arbitrary<String> issuer = Arbitraries.of("4", "51", "55", "34", "37", "6011");
    Arbitrary<Integer> length = Arbitraries.integers().between(13, 19);
    Arbitrary<String> separator = Arbitraries.of("", " ", "-");
    return Combinators.combine(issuer, length, digits(18), separator)
        .as(
            (prefix, len, random, sep) -> {
              String payload = (prefix + random).substring(0, len - 1);
              String number = payload + luhnCheckDigit(payload);
              return IntStream.range(0, (number.length() + 3) / 4)
                  .mapToObj(i -> number.substring(i * 4, Math.min(number.length(), i * 4 + 4)))
                  .collect(Collectors.joining(sep));
            });
  }

  private static Arbitrary<String> digits(int count) {
    return Arbitraries.strings().withCharRange('0', '9').ofLength(count);
  }

  private static int luhnCheckDigit(String payload) {
    int sum = 0;
    List<Integer> reversed =
        new StringBuilder(payload).reverse().chars().map(c -> c - '0').boxed().toList();
    for (int i = 0; i < reversed.size(); i++) {
      int digit = reversed.get(i);
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }
}
