package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  @Test
  void masksFieldValuesOfAKnownKind() {
    assertThat(masker.maskEmail("ana.garcia@example.com")).isEqualTo("a***@example.com");
    assertThat(masker.maskPhone("+34 600 111 222")).isEqualTo("***222");
    assertThat(masker.maskPhone("1234567")).isEqualTo("***67");
    assertThat(masker.maskName("García Núñez")).isEqualTo("G*** N***");
    assertThat(masker.maskToken("pm_card_visa")).isEqualTo("pm_****visa");
    assertThat(masker.maskToken("sk_test_51HabcdefghijklmnopWXYZ")).isEqualTo("sk_test_****WXYZ");
    assertThat(masker.maskToken("sk_test_local")).isEqualTo("sk_test_****");
    assertThat(masker.maskToken("local-demo-key")).isEqualTo("****-key");
    assertThat(masker.maskToken("short")).isEqualTo("****");
  }

  @Test
  void aNameWithSpacesIsMaskedWholeInKeyValueForm() {
    String record =
        "Customer[firstName=Ana María, lastName=García Núñez, email=ana@example.com,"
            + " phone=+34600111222]";

    String masked = masker.maskText(record);

    assertThat(masked)
        .isEqualTo(
            "Customer[firstName=A*** M***, lastName=G*** N***, email=a***@example.com,"
                + " phone=***222]");
    assertThat(masker.maskText("lastName: García Núñez de la Vega id=7"))
        .isEqualTo("lastName: G*** N*** d*** l*** V*** id=7");
    assertThat(masker.maskText(masked)).isEqualTo(masked);
  }

  @Test
  void nullStaysNullAndMaskingTwiceChangesNothing() {
    assertThat(masker.maskText(null)).isNull();
    assertThat(masker.maskEmail(null)).isNull();
    String once = masker.maskText(sampleStripeExchange());
    assertThat(masker.maskText(once)).isEqualTo(once);
  }

  @Test
  void masksLuhnValidCardNumbersButNotOtherLongNumbers() {
    assertThat(masker.maskCardNumbers("card 4242 4242 4242 4242 exp 12/34"))
        .isEqualTo("card [card] exp 12/34");
    assertThat(masker.maskCardNumbers("pan=5555-5555-5555-4444;")).isEqualTo("pan=[card];");
    assertThat(masker.maskCardNumbers("order 1234567890 of 2027-03-10, 412.00 EUR"))
        .isEqualTo("order 1234567890 of 2027-03-10, 412.00 EUR");
    // A card next to other digits is still found: every 13-19 digit window of a run is checked.
    assertThat(masker.maskCardNumbers("exp 12 4242 4242 4242 4242")).doesNotContain("4242 4242");
  }

  @Test
  void masksPersonalDataInAJsonBodyAndKeepsTheRest() {
    String json =
        """
        {"customer":{"firstName":"Ana","lastName":"García Núñez","email":"ana@example.com",\
        "phone":"+34600111222"},"paymentMethodToken":"pm_card_visa","amount":41200,\
        "created":1732831804,"officeCode":"MAD-AIRPORT","at":"2027-03-10T09:30:00",\
        "eventId":"0b6a1f1e-6c59-4e2e-9b52-446655440000","cvc":"123"}""";

    String masked = masker.maskText(json);

    assertThat(masked)
        .contains("\"firstName\":\"A***\"")
        .contains("\"lastName\":\"G*** N***\"")
        .contains("\"email\":\"a***@example.com\"")
        .contains("\"phone\":\"***222\"")
        .contains("\"paymentMethodToken\":\"pm_****visa\"")
        .contains("\"cvc\":\"***\"")
        .contains("\"amount\":41200")
        .contains("\"created\":1732831804")
        .contains("\"officeCode\":\"MAD-AIRPORT\"")
        .contains("\"at\":\"2027-03-10T09:30:00\"")
        .contains("0b6a1f1e-6c59-4e2e-9b52-446655440000");
  }

  @Test
  void masksAStripeFormBodyAndResponse() {
    String masked = masker.maskText(sampleStripeExchange());

    assertThat(masked)
        .doesNotContain("pm_card_chargeDeclined")
        .doesNotContain("sk_test_51Habcdefghijkl")
        .doesNotContain("secret_abcdefghijkl")
        .doesNotContain("ana@example.com")
        .doesNotContain("ana%40example.com")
        .contains("amount=41200")
        .contains("metadata[reservation_code]=K7P2QX9A")
        .contains("\"id\": \"pi_3MtwBwLkdIwHu7ix28a3tqPa\"");
  }

  @Test
  void masksSecretsAndContactDataInFreeText() {
    String masked =
        masker.maskText(
            "Authorization: Bearer sk_live_51Habcdefghijklmnop called by ana@example.com from"
                + " +34 600 111 222 or (555) 123-4567 with rk_live_abcdefghijklmnop on 2027-03-10");

    assertThat(masked)
        .isEqualTo(
            "Authorization: **** **** called by a***@example.com from ***222 or ***567 with"
                + " rk_live_****mnop on 2027-03-10");
  }

  @Test
  void masksEscapedJsonInsideJson() {
    String masked =
        masker.maskText("{\"body\":\"{\\\"lastName\\\":\\\"Pérez\\\",\\\"amount\\\":1}\"}");

    assertThat(masked).isEqualTo("{\"body\":\"{\\\"lastName\\\":\\\"P***\\\",\\\"amount\\\":1}\"}");
  }

  private static String sampleStripeExchange() {
    return """
        POST /v1/payment_intents amount=41200&currency=eur&payment_method=pm_card_chargeDeclined\
        &receipt_email=ana%40example.com&metadata[reservation_code]=K7P2QX9A
        Authorization: Basic sk_test_51Habcdefghijkl
        {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "client_secret": "pi_3MtwBw_secret_abcdefghijkl",\
         "amount": 41200, "receipt_email": "ana@example.com"}""";
  }
}
