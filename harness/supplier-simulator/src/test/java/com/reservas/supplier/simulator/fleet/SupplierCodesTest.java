package com.reservas.supplier.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SupplierCodesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"MAD-AIRPORT", "BCN-AIRPORT", "AGP-AIRPORT", "SVQ-SANTAJUSTA", "VLC-CENTRO"})
  void officeCodesAreACityCodeADashAndALocation(String office) {
    assertThat(SupplierCodes.isKnownOffice(office)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"MAD", "MA-AIRPORT", "mad-airport", "MAD-AIRPORT-2", "MAD_AIRPORT", "MAD-"})
  void anythingElseIsNotAnOffice(String office) {
    assertThat(SupplierCodes.isKnownOffice(office)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ECMN", "CDAR", "SFAR", "MBMN", "IDAR", "FVAR", "PDAD", "LFAH", "XXAR"})
  void validAcrissCodesAreCategories(String category) {
    assertThat(SupplierCodes.isKnownCategory(category)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CDA", "CDARX", "cdar", "QDAR", "CAAR", "CDXR", "CDAK", "1234"})
  void invalidAcrissCodesAreNot(String category) {
    assertThat(SupplierCodes.isKnownCategory(category)).isFalse();
  }
}
