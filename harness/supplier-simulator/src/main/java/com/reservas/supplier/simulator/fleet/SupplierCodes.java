package com.reservas.supplier.simulator.fleet;

import java.util.regex.Pattern;

/**
 * Which office and vehicle-category codes the simulated supplier knows. It has no reference data of
 * its own: any well-formed office code is an office, and any valid ACRISS code is a category, so
 * the platform's seed data can change without touching the simulator.
 */
public final class SupplierCodes {

  private static final Pattern OFFICE_CODE = Pattern.compile("[A-Z]{3}-[A-Z]+");

  /**
   * Allowed letters per position of an ACRISS code: category, type, transmission/drive, fuel/air.
   */
  private static final String[] ACRISS_LETTERS = {
    "MNEHCDIJSRFGPULWOX", "BCDWVLSTFJXPQZEMRHYNGK", "MNCABD", "RNDQHIECLSABMFVZUX"
  };

  private SupplierCodes() {}

  /** An office code is an IATA-like city code, a dash and a location: {@code AGP-AIRPORT}. */
  public static boolean isKnownOffice(String officeCode) {
    return officeCode != null && OFFICE_CODE.matcher(officeCode).matches();
  }

  /** A category is a four-letter ACRISS (SIPP) code whose every letter is valid at its position. */
  public static boolean isKnownCategory(String categoryCode) {
    if (categoryCode == null || categoryCode.length() != ACRISS_LETTERS.length) {
      return false;
    }
    for (int position = 0; position < ACRISS_LETTERS.length; position++) {
      if (ACRISS_LETTERS[position].indexOf(categoryCode.charAt(position)) < 0) {
        return false;
      }
    }
    return true;
  }
}
