package com.reservas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MaskParametersTest {

  private final PersonalDataMasker masker = PersonalDataMasker.standard();

  @Test
  void onlyParametersKnownToBeHarmlessAreShownInClear() {
    String logged =
        masker.maskParameters(
            List.of(
                Map.entry("amount", "41200"),
                Map.entry("currency", "eur"),
                Map.entry("payment_method", "pm_1Nabcdefghijklmn"),
                Map.entry("metadata[reservation_code]", "K7P2QX9A"),
                Map.entry("description", "Ana Garcia")),
            Set.of("amount", "currency")::contains);

    assertThat(logged)
        .isEqualTo(
            "{amount=41200, currency=eur, payment_method=pm_****klmn,"
                + " metadata[reservation_code]=***, description=***}");
  }

  @Test
  void aSensitiveKeyIsMaskedByItsKindAndAnUnknownOneHiddenWhateverItHolds() {
    String logged =
        masker.maskParameters(
            List.of(
                Map.entry("email", "ana@example.com"),
                Map.entry("cvc", "123"),
                Map.entry("note", "4242 4242 4242 4242"),
                Map.entry("empty", "")),
            key -> false);

    assertThat(logged).isEqualTo("{email=a***@example.com, cvc=***, note=***, empty=***}");
  }

  @Test
  void noParametersAreAnEmptyPair() {
    assertThat(masker.maskParameters(List.of(), key -> true)).isEqualTo("{}");
  }
}
