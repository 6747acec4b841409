package com.reservas.stripe.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservas.privacy.PersonalDataMasker;
import org.junit.jupiter.api.Test;

class FormParametersTest {

  @Test
  void readsNestedKeysListsAndEncodedValues() {
    FormParameters params =
        FormParameters.parse(
            "amount=41200&metadata%5Breservation_code%5D=K7P2QX9A&metadata[note]=a+b%26c"
                + "&payment_method_types[0]=card&expand[]=latest_charge&expand[]=customer");

    assertThat(params.getLong("amount")).hasValue(41_200);
    assertThat(params.nested("metadata"))
        .containsEntry("reservation_code", "K7P2QX9A")
        .containsEntry("note", "a b&c")
        .hasSize(2);
    assertThat(params.list("payment_method_types")).containsExactly("card");
    assertThat(params.list("expand")).containsExactly("latest_charge", "customer");
  }

  @Test
  void emptyValuesCountAsAbsent() {
    FormParameters params = FormParameters.parse("description=&metadata[a]=");

    assertThat(params.get("description")).isEmpty();
    assertThat(params.nested("metadata")).isEmpty();
  }

  @Test
  void fingerprintIgnoresOrderButNotValues() {
    assertThat(FormParameters.parse("a=1&b=2").fingerprint())
        .isEqualTo(FormParameters.parse("b=2&a=1").fingerprint())
        .isNotEqualTo(FormParameters.parse("a=1&b=3").fingerprint());
  }

  @Test
  void badIntegersAndBooleansAreStripeParameterErrors() {
    FormParameters params = FormParameters.parse("amount=ten&confirm=yes");

    assertThatThrownBy(() -> params.getLong("amount"))
        .isInstanceOfSatisfying(
            StripeApiError.class, e -> assertThat(e.code()).isEqualTo("parameter_invalid_integer"));
    assertThatThrownBy(() -> params.getBoolean("confirm")).isInstanceOf(StripeApiError.class);
  }

  @Test
  void aLogLineShowsOnlyHarmlessParametersInClear() {
    String logged =
        FormParameters.parse(
                "amount=41200&currency=eur&payment_method=pm_1Nabcdefghijklmn"
                    + "&metadata[reservation_code]=K7P2QX9A&description=Ana+Garcia"
                    + "&payment_method_types[0]=card")
            .masked(PersonalDataMasker.standard());

    assertThat(logged)
        .contains("amount=41200", "currency=eur", "payment_method=pm_****klmn")
        .contains("metadata[reservation_code]=***", "description=***")
        .contains("payment_method_types[0]=card")
        .doesNotContain("pm_1Nabcdefghijklmn", "K7P2QX9A", "Garcia");
  }
}
